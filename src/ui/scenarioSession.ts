/**
 * Scenarios in and out of the app: share links, the address bar, files, presets and the
 * work kept locally across reloads. Every way in goes through `parseScenario`; a problem
 * shows as an alert and leaves the current scenario untouched.
 */
import type { Preset } from '../core/model';
import { createScenario, parseScenario, SCENARIO_FORMAT, SCENARIO_VERSION, type Scenario } from '../core/scenario';
import { download } from './download';
import { openExperimentDocument } from './experiments/experimentSession';
import { isExperimentDocument } from '../core/experiment/schema';
import { COMFORTABLE_LINK_CHARS, decodeScenarioLink, encodeScenarioLink, fragmentOf } from '../core/scenarioLink';
import { migrateScenario } from '../core/scenarioMigrations';
import { t } from '../i18n';
import { findModel } from '../models/registry';
import { setup } from './session';
import { useApp, type Message } from './store';

const WORK_KEY = 'agora.work.v1';
const DISPLACED_KEY = 'agora.displaced.v1';
/** Largest scenario file accepted, in bytes. */
const MAX_FILE_BYTES = 1024 * 1024;
/** The address bar and the saved work follow the scenario after this quiet time (ms). */
const SETTLE_MS = 600;

function say(message: Message): void {
  useApp.setState({ message });
}

/** The scenario of the run on display: the parameters of its Setup and its seed. */
export function scenarioOnDisplay(onlyChanged: boolean): Scenario {
  const s = useApp.getState();
  return createScenario(findModel(s.modelId)!, s.appliedSeed, s.appliedParams, { onlyChanged });
}

/** The scenario in the controls (what the next Setup would run), for the work kept locally. */
function scenarioInControls(): Scenario {
  const s = useApp.getState();
  return createScenario(findModel(s.modelId)!, s.seed, s.params, { onlyChanged: true });
}

/**
 * Loads a scenario document (already decoded) and sets it up. Returns false, with an alert
 * naming the problem, when the document is not a valid scenario; nothing changes then.
 */
export function loadDocument(document: unknown, source: string): boolean {
  if (isExperimentDocument(document)) return openExperimentDocument(document, source);
  const migrated = migrateScenario(document);
  if (!migrated.ok) {
    say({ kind: 'error', text: t('scenario.refused', { source, problem: migrated.message }) });
    return false;
  }
  const parsed = parseScenario(migrated.document, findModel);
  if (!parsed.ok) {
    say({ kind: 'error', text: t('scenario.refused', { source, problem: parsed.errors[0].message }) });
    return false;
  }
  const { model, params, seed, warnings } = parsed.value;
  useApp.setState({ modelId: model.id, params, appliedParams: params, seed });
  setup();
  if (warnings.length) say({ kind: 'notice', text: warnings.join(' ') });
  return true;
}

async function loadLink(text: string): Promise<boolean> {
  const decoded = await decodeScenarioLink(text);
  if (!decoded.ok) {
    say({ kind: 'error', text: t('scenario.refused', { source: t('scenario.link'), problem: decoded.error.message }) });
    return false;
  }
  lastFragment = fragmentOf(text);
  return loadDocument(decoded.document, t('scenario.link'));
}

// ——— share ———

export async function share(): Promise<void> {
  const fragment = await encodeScenarioLink(scenarioOnDisplay(true));
  const url = `${location.origin}${location.pathname}${fragment}`;
  followAddress(fragment);
  let copied = false;
  try {
    await navigator.clipboard.writeText(url);
    copied = true;
  } catch {
    // No clipboard (insecure context, permission): the address bar holds the link anyway.
  }
  if (url.length > COMFORTABLE_LINK_CHARS) {
    say({
      kind: 'notice',
      text: t('scenario.longLink', { length: url.length, max: COMFORTABLE_LINK_CHARS }),
      action: { label: t('scenario.export'), run: exportFile },
    });
  } else {
    say({ kind: 'notice', text: copied ? t('scenario.copied', { length: url.length }) : t('scenario.inAddressBar') });
  }
}

// ——— the address bar ———

let lastFragment: string | null = null;
let settleTimer: ReturnType<typeof setTimeout> | null = null;

function followAddress(fragment: string): void {
  if (lastFragment === fragment.slice(1)) return;
  lastFragment = fragment.slice(1);
  // A new entry per settled scenario, so Back and Forward move between scenarios.
  history.pushState(null, '', fragment);
}

function scheduleFollow(): void {
  if (settleTimer) clearTimeout(settleTimer);
  settleTimer = setTimeout(() => {
    settleTimer = null;
    void encodeScenarioLink(scenarioOnDisplay(true)).then(followAddress);
    saveWork();
  }, SETTLE_MS);
}

// ——— work kept locally ———

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function saveWork(): void {
  try {
    storage()?.setItem(WORK_KEY, JSON.stringify(scenarioInControls()));
  } catch {
    // Storage full or refused: the work stays in the page; nothing else to do.
  }
}

function restoreFrom(key: string): boolean {
  const text = storage()?.getItem(key);
  if (!text) return false;
  try {
    return loadDocument(JSON.parse(text), t('scenario.savedWork'));
  } catch {
    return false;
  }
}

// ——— files ———

export function exportFile(): void {
  const scenario = scenarioOnDisplay(false);
  download(
    new Blob([JSON.stringify(scenario, null, 2) + '\n'], { type: 'application/json' }),
    `agora-${scenario.model}-seed-${scenario.seed}.json`,
  );
}

export async function importFile(file: File): Promise<void> {
  const source = t('scenario.file', { name: file.name.slice(0, 80) });
  if (file.size > MAX_FILE_BYTES) {
    say({
      kind: 'error',
      text: t('scenario.refused', { source, problem: t('scenario.fileTooLarge', { max: MAX_FILE_BYTES / 1024 }) }),
    });
    return;
  }
  let document: unknown;
  try {
    document = JSON.parse(await file.text());
  } catch {
    say({ kind: 'error', text: t('scenario.refused', { source, problem: t('scenario.notJson') }) });
    return;
  }
  if (loadDocument(document, source)) say({ kind: 'notice', text: t('scenario.opened', { source }) });
}

// ——— presets ———

export function openPreset(modelId: string, preset: Preset): void {
  const model = findModel(modelId)!;
  loadDocument(
    {
      format: SCENARIO_FORMAT,
      version: SCENARIO_VERSION,
      model: model.id,
      modelVersion: model.version,
      seed: preset.seed,
      params: preset.params,
    },
    preset.title,
  );
}

// ——— start ———

/**
 * Opens the link in the address bar if there is one (the work it displaces stays
 * restorable), else the work kept from last time, else the default scenario.
 */
export async function startScenarioSession(): Promise<void> {
  window.addEventListener('popstate', () => {
    const fragment = fragmentOf(location.hash);
    if (fragment && fragment !== lastFragment) void loadLink(location.hash);
  });
  useApp.subscribe((s, prev) => {
    if (
      s.appliedParams !== prev.appliedParams ||
      s.appliedSeed !== prev.appliedSeed ||
      s.modelId !== prev.modelId ||
      s.params !== prev.params ||
      s.seed !== prev.seed
    ) {
      scheduleFollow();
    }
  });
  // Closing the tab must not lose a change still waiting for the quiet time.
  window.addEventListener('pagehide', saveWork);
  let refusal: Message | null = null;
  if (fragmentOf(location.hash)) {
    const work = storage()?.getItem(WORK_KEY);
    if (work) storage()?.setItem(DISPLACED_KEY, work);
    const opened = await loadLink(location.hash);
    if (opened && work) {
      say({
        kind: 'notice',
        text: t('scenario.displaced'),
        action: { label: t('scenario.restore'), run: () => restoreFrom(DISPLACED_KEY) },
      });
    }
    if (opened) return;
    refusal = useApp.getState().message;
  }
  if (!restoreFrom(WORK_KEY)) setup();
  // Setup clears messages: say again why the link was not opened.
  if (refusal) say(refusal);
}
