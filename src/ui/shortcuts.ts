/**
 * Keyboard shortcuts for the classroom: one key per action, ignored while typing in a field.
 * The list below is the single source for the handler and the help overlay.
 */
import type { MessageKey } from '../i18n/en';
import { t } from '../i18n';
import { findModel } from '../models/registry';
import { closeOverlays, go, pause, setup, showHelp, step, togglePresenter } from './session';
import { notify } from './notices';
import { useApp } from './store';

export interface Shortcut {
  /** As shown to people. */
  readonly keys: string;
  readonly action: MessageKey;
  readonly matches: (e: KeyboardEvent) => boolean;
  readonly run: () => void;
}

const idle = () => {
  const status = useApp.getState().status;
  return status === 'paused';
};

/** A second S within this time (ms) confirms the Setup that the first one asked about. */
const CONFIRM_MS = 5000;
let setupAskedAt = -Infinity;

/**
 * S sets up at once only on a run that has not started; on a run under way one stray key must
 * not throw it away: the first press asks, a second press (or the banner's button) confirms.
 */
function setupAsked(): void {
  const { tick } = useApp.getState();
  const now = performance.now();
  if (tick === 0 || now - setupAskedAt < CONFIRM_MS) {
    setupAskedAt = -Infinity;
    setup();
    return;
  }
  setupAskedAt = now;
  notify({
    kind: 'notice',
    say: () => t('shortcut.setupAsk', { tick }),
    action: { label: () => t('control.setup'), run: setup },
  });
}

export const SHORTCUTS: readonly Shortcut[] = [
  {
    // The key's name in the reader's language (other keys show what is printed on them).
    get keys() {
      return t('shortcut.key.space');
    },
    action: 'shortcut.goPause',
    matches: (e) => e.key === ' ',
    run: () => (useApp.getState().status === 'running' ? pause() : idle() && go()),
  },
  {
    keys: '→',
    action: 'shortcut.step',
    matches: (e) => e.key === 'ArrowRight' && !e.shiftKey,
    run: () => idle() && step(),
  },
  {
    keys: 'Shift + →',
    action: 'shortcut.stepYear',
    matches: (e) => e.key === 'ArrowRight' && e.shiftKey,
    run: () => {
      const year = findModel(useApp.getState().modelId)?.ticksPerYear;
      if (year && idle()) step(year);
    },
  },
  { keys: 'S', action: 'shortcut.setup', matches: (e) => e.key === 's' || e.key === 'S', run: setupAsked },
  {
    keys: 'P',
    action: 'shortcut.presenter',
    matches: (e) => e.key === 'p' || e.key === 'P',
    run: togglePresenter,
  },
  {
    keys: '?',
    action: 'shortcut.help',
    matches: (e) => e.key === '?',
    run: () => showHelp(!useApp.getState().showHelp),
  },
  {
    keys: 'Esc',
    action: 'shortcut.close',
    matches: (e) => e.key === 'Escape',
    run: closeOverlays,
  },
];

/** The view's own keys, handled by AgentView while the view has focus; listed here for the help overlay. */
export const VIEW_KEYS: readonly { readonly keys: string; readonly action: MessageKey }[] = [
  { keys: 'Tab', action: 'shortcut.viewFocus' },
  { keys: '← ↑ → ↓', action: 'shortcut.viewMove' },
  { keys: 'Enter', action: 'shortcut.viewInspect' },
  { keys: 'Esc', action: 'shortcut.viewClose' },
];

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  // Range sliders take arrows for themselves; text fields take every key.
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
}

/** A focused scroll box (a table wider than its column, role region) scrolls with the arrows: they are its own. */
function scrollsWithArrows(e: KeyboardEvent): boolean {
  return e.key.startsWith('Arrow') && e.target instanceof HTMLElement && e.target.matches('[role="region"][tabindex]');
}

/** Installs the shortcuts on the window; returns the function that removes them. */
export function installShortcuts(): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target) || scrollsWithArrows(e)) return;
    // The sandbox's keys do not reach through the experiments pages to the hidden sandbox.
    if (useApp.getState().page !== 'sandbox') return;
    const shortcut = SHORTCUTS.find((s) => s.matches(e));
    if (!shortcut) return;
    e.preventDefault();
    shortcut.run();
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
