/**
 * Scenarios in and out of the app: share links, the address bar, files, presets and the
 * work kept locally across reloads. Every way in goes through `parseScenario`; a problem
 * shows as an alert and leaves the current scenario untouched. Links and files that may hold
 * an experiment instead come in through `openDocument.ts`.
 */
import type { Preset } from '../core/model';
import { createScenario, parseScenario, SCENARIO_FORMAT, SCENARIO_VERSION, type Scenario } from '../core/scenario';
import { download } from './download';
import { COMFORTABLE_LINK_CHARS, encodeScenarioLink, fragmentOf } from '../core/scenarioLink';
import { migrateScenario } from '../core/scenarioMigrations';
import { t, tModel } from '../i18n';
import { findModel } from '../models/registry';
import { setup } from './session';
import { useApp, type Wording } from './store';
import { parseJsonText } from '../core/jsonDocument';
import { notify } from './notices';
import { onPresenterPick, presenterPick, setPresenterPick } from './presenterPlots';
import { problemSentence, problemText } from './problemText';

const WORK_KEY = 'agora.work.v1';
const DISPLACED_KEY = 'agora.displaced.v1';
/** The address bar and the saved work follow the scenario after this quiet time (ms). */
const SETTLE_MS = 600;

/** The scenario of the run on display: the parameters of its Setup, its seed and its timed changes. */
export function scenarioOnDisplay(onlyChanged: boolean): Scenario {
  const s = useApp.getState();
  return createScenario(findModel(s.modelId)!, s.appliedSeed, s.appliedParams, { onlyChanged, changes: s.changes });
}

/** The scenario on display with the plots presenter mode shows, as links and files keep it for a class. */
function scenarioToShare(onlyChanged: boolean): Scenario {
  const s = useApp.getState();
  return createScenario(findModel(s.modelId)!, s.appliedSeed, s.appliedParams, {
    onlyChanged,
    changes: s.changes,
    presenterPlots: presenterPick(s.modelId),
  });
}

/** The scenario in the controls (what the next Setup would run), for the work kept locally. */
function scenarioInControls(): Scenario {
  const s = useApp.getState();
  return createScenario(findModel(s.modelId)!, s.seed, s.params, {
    onlyChanged: true,
    changes: s.changes,
    presenterPlots: presenterPick(s.modelId),
  });
}

/**
 * Loads a scenario document (already decoded) and sets it up. Returns false, with an alert
 * naming the problem, when the document is not a valid scenario; nothing changes then.
 * `afterSetup` runs once the Setup was sent (a big scenario is estimated first), not when it was refused.
 */
export function loadScenario(document: unknown, source: Wording, afterSetup?: () => void): boolean {
  const migrated = migrateScenario(document);
  if (!migrated.ok) {
    notify({
      kind: 'error',
      say: () => t('scenario.refused', { source: source(), problem: problemSentence(migrated.message) }),
    });
    return false;
  }
  const parsed = parseScenario(migrated.document, findModel);
  if (!parsed.ok) {
    notify({
      kind: 'error',
      say: () => t('scenario.refused', { source: source(), problem: problemSentence(parsed.errors[0].message) }),
    });
    return false;
  }
  const { model, params, seed, changes, presenterPlots, warnings } = parsed.value;
  // A scenario without a pick (an older link) leaves the teacher's pick as it is.
  if (presenterPlots) setPresenterPick(model.id, presenterPlots);
  useApp.setState({ modelId: model.id, params, appliedParams: params, seed, changes });
  void setup().then((sent) => sent && afterSetup?.());
  if (warnings.length) notify({ kind: 'notice', say: () => warnings.map(problemText).join(' ') });
  return true;
}

// ——— share ———

export async function share(): Promise<void> {
  const fragment = await encodeScenarioLink(scenarioToShare(true));
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
    notify({
      kind: 'notice',
      say: () => t('scenario.longLink', { length: url.length, max: COMFORTABLE_LINK_CHARS }),
      action: { label: () => t('scenario.export'), run: exportFile },
    });
  } else {
    notify({
      kind: 'notice',
      say: () => (copied ? t('scenario.copied', { length: url.length }) : t('scenario.inAddressBar')),
    });
  }
}

// ——— the address bar ———

let lastFragment: string | null = null;
let settleTimer: ReturnType<typeof setTimeout> | null = null;
/** Bumped when Back or Forward moved the address: a link encoded before must not be pushed over it. */
let navigation = 0;

/** Notes the link (fragment without `#`) just opened, so the address bar does not push it again. */
export function linkOpened(fragment: string | null): void {
  lastFragment = fragment;
}

/** Whether the address bar already shows this link (fragment without `#`): Back to it opens nothing. */
export function addressShows(fragment: string): boolean {
  return fragment === lastFragment;
}

/**
 * Back or Forward moved the address bar: a change still settling keeps its work locally but no
 * longer pushes its link (that would bury the entry moved to and lose Forward).
 */
export function addressMoved(): void {
  navigation++;
  if (settleTimer) {
    clearTimeout(settleTimer);
    settleTimer = null;
    saveWork();
  }
}

function followAddress(fragment: string): void {
  if (lastFragment === fragment.slice(1)) return;
  lastFragment = fragment.slice(1);
  // A new entry per settled scenario, so Back and Forward move between scenarios; an address
  // without a scenario (the bare one) becomes the link of what it showed, so Back returns to it.
  if (fragmentOf(location.href)) history.pushState(null, '', fragment);
  else history.replaceState(null, '', fragment);
}

/** While a comparison is open, the address bar follows its link instead (see compare/compareSession.ts). */
let addressLink: (() => Promise<string>) | null = null;

export function followLinkOf(link: (() => Promise<string>) | null): void {
  addressLink = link;
}

/** The address bar shows the scenario on display, at once. */
export async function followNow(): Promise<void> {
  const at = navigation;
  const fragment = await (addressLink ? addressLink() : encodeScenarioLink(scenarioToShare(true)));
  if (at === navigation) followAddress(fragment);
}

function scheduleFollow(): void {
  if (settleTimer) clearTimeout(settleTimer);
  settleTimer = setTimeout(() => {
    settleTimer = null;
    void followNow();
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
  const parsed = parseJsonText(text);
  return parsed.ok && loadScenario(parsed.value, () => t('scenario.savedWork'));
}

// ——— files ———

export function exportFile(): void {
  const scenario = scenarioToShare(false);
  download(
    new Blob([JSON.stringify(scenario, null, 2) + '\n'], { type: 'application/json' }),
    `agora-${scenario.model}-seed-${scenario.seed}.json`,
  );
}

// ——— presets ———

export function openPreset(modelId: string, preset: Preset): void {
  const model = findModel(modelId)!;
  loadScenario(
    {
      format: SCENARIO_FORMAT,
      version: SCENARIO_VERSION,
      model: model.id,
      modelVersion: model.version,
      seed: preset.seed,
      params: preset.params,
    },
    () => tModel(model.id, `preset.${preset.id}.title`, preset.title),
  );
}

// ——— start ———

/** From now on the address bar and the work kept locally follow the scenario. */
export function followScenario(): void {
  useApp.subscribe((s, prev) => {
    if (
      s.appliedParams !== prev.appliedParams ||
      s.appliedSeed !== prev.appliedSeed ||
      s.modelId !== prev.modelId ||
      s.params !== prev.params ||
      s.seed !== prev.seed ||
      s.changes !== prev.changes
    ) {
      scheduleFollow();
    }
  });
  onPresenterPick(scheduleFollow);
  // Closing the tab must not lose a change still waiting for the quiet time.
  window.addEventListener('pagehide', saveWork);
}

/** Keeps the work of last time aside before a link displaces it; null when there is none. */
export function setWorkAside(): string | null {
  const work = storage()?.getItem(WORK_KEY) ?? null;
  if (work) storage()?.setItem(DISPLACED_KEY, work);
  return work;
}

/**
 * Whether the work set aside differs from the scenario now in the controls: a reload opens the
 * link of the very work kept, which replaces nothing.
 */
export function replacedOtherWork(work: string): boolean {
  return work !== JSON.stringify(scenarioInControls());
}

/** Offers to bring back the work a link displaced. */
export function offerWorkSetAside(): void {
  notify({
    kind: 'notice',
    say: () => t('scenario.displaced'),
    action: { label: () => t('scenario.restore'), run: () => restoreFrom(DISPLACED_KEY) },
  });
}

/** Opens the work kept from last time; false when there is none or it no longer opens. */
export function restoreWork(): boolean {
  return restoreFrom(WORK_KEY);
}
