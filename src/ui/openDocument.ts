/**
 * Documents into the app whatever they hold: a link (in the address bar, or reached by Back and
 * Forward) or a file opens a scenario in the sandbox, an experiment on its page or a lesson in the
 * player. It sits above the scenario and the experiment sessions so that neither has to import the other.
 */
import { decodeComparisonLink, isComparisonLink } from '../core/comparisonLink';
import { isExperimentDocument } from '../core/experiment/schema';
import { isLessonDocument } from '../core/lesson';
import { lessonLinkIn } from '../core/lessonLink';
import { decodeScenarioLink, fragmentOf } from '../core/scenarioLink';
import { t } from '../i18n';
import { offerInterruptedExperiment, openExperimentDocument } from './experiments/experimentSession';
import { useExperiments } from './experiments/experimentStore';
import {
  addressMoved,
  addressShows,
  followNow,
  followScenario,
  linkOpened,
  loadScenario,
  offerWorkSetAside,
  replacedOtherWork,
  restoreWork,
  setWorkAside,
} from './scenarioSession';
import { isComparisonDocument, openComparison } from './compare/compareSession';
import { installLessons, openLessonDocument, openLessonLink } from './lessons/lessonSession';
import { setup } from './session';
import { useApp, type Message, type Wording } from './store';
import { parseJsonText } from '../core/jsonDocument';
import { displayText } from '../core/safeText';
import { notify } from './notices';
import { problemSentence, problemText } from './problemText';

/** Largest file accepted, in bytes. */
const MAX_FILE_BYTES = 1024 * 1024;

/**
 * Opens a decoded document: an experiment on its page (its scenario in the sandbox), else a
 * scenario. Returns false, with an alert naming the problem, when it is neither; nothing changes then.
 */
function openDocument(document: unknown, source: Wording): boolean {
  if (isComparisonDocument(document)) return openComparison(document, source);
  if (isLessonDocument(document)) return openLessonDocument(document, source);
  return isExperimentDocument(document) ? openExperimentDocument(document, source) : loadScenario(document, source);
}

/** The link in an address: a scenario's (or experiment's) `s=…` or a comparison's `c=…`; else null. */
const linkIn = (href: string): string | null => fragmentOf(href) ?? fragmentOf(href, 'c');

/** Opens a link; `current` says, once it is decoded, whether it is still wanted (Back pressed twice). */
async function openLink(text: string, current: () => boolean = () => true): Promise<boolean> {
  const decoded = await (isComparisonLink(text) ? decodeComparisonLink(text) : decodeScenarioLink(text));
  if (!current()) return false;
  if (!decoded.ok) {
    notify({
      kind: 'error',
      say: () => t('scenario.refused', { source: t('scenario.link'), problem: problemSentence(decoded.error.message) }),
    });
    return false;
  }
  linkOpened(linkIn(text));
  return openDocument(decoded.document, () => t('scenario.link'));
}

/** An address with a `#` but no scenario link after it (a bare `#`, `#intro`): what it holds, else null. */
function notALink(href: string): string | null {
  const hash = href.indexOf('#');
  return hash >= 0 && !linkIn(href) ? href.slice(hash) : null;
}

/** Back and Forward open the scenario of the entry moved to; the latest move wins. */
function followHistory(): void {
  let moves = 0;
  window.addEventListener('popstate', () => {
    addressMoved();
    const move = ++moves;
    const fragment = linkIn(location.href);
    const lesson = lessonLinkIn(location.href);
    if (lesson) return void openLessonLink(lesson);
    if (!fragment) {
      const odd = notALink(location.href);
      if (odd)
        notify({
          kind: 'notice',
          say: () => t('scenario.notALink', { fragment: odd, shown: t('scenario.shownCurrent') }),
        });
      return;
    }
    if (!addressShows(fragment)) void openLink(location.hash, () => move === moves);
  });
}

export async function importFile(file: File): Promise<void> {
  const name = displayText(file.name, { max: 80 });
  const source = () => t('scenario.file', { name });
  if (file.size > MAX_FILE_BYTES) {
    notify({
      kind: 'error',
      say: () =>
        t('scenario.refused', {
          source: source(),
          problem: t('scenario.fileTooLarge', { max: MAX_FILE_BYTES / 1024 }),
        }),
    });
    return;
  }
  const document = parseJsonText(await file.text());
  if (!document.ok) {
    notify({
      kind: 'error',
      say: () =>
        t('scenario.refused', {
          source: source(),
          problem: t('scenario.notJson', { problem: problemText(document.message) }),
        }),
    });
    return;
  }
  if (openDocument(document.value, source))
    notify({ kind: 'notice', say: () => t('scenario.opened', { source: source() }) });
}

/**
 * Opens the link in the address bar if there is one (a lesson link after the work kept, which
 * stays if the link opens nothing), else the work kept from last time, else the default scenario.
 * Returns whether the link replaced other work (kept restorable).
 */
async function openAddress(): Promise<boolean> {
  const lesson = lessonLinkIn(location.href);
  if (lesson) {
    // The sandbox as it was first (a safe state if the link opens nothing), then the lesson's step.
    const setAside = setWorkAside();
    if (!restoreWork()) setup();
    return openLessonLink(lesson) && setAside !== null && replacedOtherWork(setAside);
  }
  let refusal: readonly Message[] = [];
  if (linkIn(location.href)) {
    const setAside = setWorkAside();
    const opened = await openLink(location.hash);
    if (opened) return setAside !== null && replacedOtherWork(setAside);
    refusal = useApp.getState().messages;
  }
  const odd = notALink(location.href);
  const restored = restoreWork();
  if (!restored) setup();
  // Setup clears messages: say again why the link was not opened.
  for (const message of refusal) notify(message);
  if (!refusal.length && odd) {
    const shown = restored ? 'scenario.shownSaved' : 'scenario.shownDefault';
    notify({ kind: 'notice', say: () => t('scenario.notALink', { fragment: odd, shown: t(shown) }) });
  }
  // The address shows what opened at once, so Back to it returns here (not after a quiet time).
  if (!refusal.length) await followNow();
  return false;
}

/** Calls `fn` once no interrupted experiment is offered for resuming: one banner at a time. */
function afterResumeOffer(fn: () => void): void {
  if (!useExperiments.getState().interrupted) return fn();
  const unsubscribe = useExperiments.subscribe((s) => {
    if (s.interrupted) return;
    unsubscribe();
    fn();
  });
}

/**
 * Opens what the address holds (see openAddress), then offers an interrupted experiment for
 * resuming and, after it, the work a link replaced.
 */
export async function startSession(): Promise<void> {
  installLessons();
  followHistory();
  followScenario();
  const replaced = await openAddress();
  await offerInterruptedExperiment();
  if (replaced) afterResumeOffer(offerWorkSetAside);
}
