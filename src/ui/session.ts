/**
 * The actions of the app: they change the store and send commands to the simulation.
 * One SimClient per page; frames update the store's run slice and the frame bus.
 */
import { t, tCount, tModelText } from '../i18n';
import { canonicalSeed, isValidSeed, MAX_SEED } from '../core/rng';
import { defaultParams } from '../core/params';
import { applicableChanges, recordChange, type TimedChange } from '../core/timedChanges';
import { isBeyondNormalSize, type ScenarioPace } from '../core/calibrationSize';
import type { Estimate } from '../core/estimate';
import { findModel } from '../models/registry';
import type { FromWorker } from '../worker/protocol';
import { SimClient } from '../worker/simClient';
import { webSimHost } from '../worker/webSimHost';
import { publishFrame } from './frameBus';
import { initialRun, scenarioFor, useApp, type Page } from './store';
import { notify } from './notices';
import { askToStart } from './confirmStart';
import { sandboxVerdict, setupEstimate } from './sandboxEstimate';
import { problemText } from './problemText';

/**
 * How often plots re-sample while running (ms). A chart update costs tens of ms in recharts on
 * the main thread, where a collection landing in one makes a long task: a slow run gets smooth
 * plots, a fast one fewer updates that each show more days.
 */
function plotInterval(ticksPerSecond: number | null): number {
  if (ticksPerSecond === null) return 1000; // as fast as possible
  return ticksPerSecond > 30 ? 500 : 250;
}

/**
 * When the plots last re-sampled while running, shared by every run's clock: a comparison's two
 * runs re-sample together, so its plots of both redraw once per interval, not once for each.
 */
let plotEpoch = { at: 0, count: 0 };

/** A run's plot clock: whether a frame's rows should re-sample the plots now (see plotInterval). */
export function plotClock(): (frame: { status: string; reset: boolean }) => boolean {
  let seen = 0;
  return (frame) => {
    const now = performance.now();
    if (now - plotEpoch.at > plotInterval(useApp.getState().ticksPerSecond)) {
      plotEpoch = { at: now, count: plotEpoch.count + 1 };
    }
    const due = frame.status !== 'running' || frame.reset || seen !== plotEpoch.count;
    seen = plotEpoch.count;
    return due;
  };
}
const plotDueFor = plotClock();

/**
 * Setups sent whose first frame has not come back: a live change the worker reports meanwhile
 * belongs to the run being replaced, not to the scenario now on display.
 */
let setupsInFlight = 0;

function onMessage(message: FromWorker): void {
  if (message.type === 'error') {
    useApp.setState({ pendingLive: {} });
    notify({ kind: 'error', say: () => t('error.invalid', { message: problemText(message.message) }) });
    return;
  }
  if (message.type === 'changed') {
    if (setupsInFlight === 0) recordLive(message.changes);
    return;
  }
  if (message.type === 'pace') return paceArrived?.(message.pace);
  if (message.type === 'ask') return driver ? driver.asked(message.estimate) : void askToGo(message.estimate);
  if (message.type !== 'frame') return;
  if (message.reset && seekInFlight) seekDone();
  else if (message.reset) setupsInFlight = Math.max(0, setupsInFlight - 1);
  publishFrame(message);
  const plotDue = plotDueFor(message);
  useApp.setState((s) => ({
    tick: message.tick,
    reached: message.reached,
    status: message.status,
    fingerprint: message.fingerprint,
    runSeed: message.seed,
    plotVersion: plotDue ? s.plotVersion + 1 : s.plotVersion,
  }));
}

let client: SimClient | null = null;

/**
 * The time slider sends one seek at a time: while the worker shows one day, the slider may have
 * moved on many; only the last of them is sent next, so dragging never queues work.
 */
let seekInFlight = false;
let seekWanted: number | null = null;

/** Shows day `tick` of the run again (at most the latest day reached); Go continues from it. */
export function seek(tick: number): void {
  driver?.seeked(tick);
  seekWanted = tick;
  if (!seekInFlight) sendSeek();
}

function sendSeek(): void {
  seekInFlight = true;
  const tick = seekWanted!;
  seekWanted = null;
  sim().send({ type: 'seek', tick });
}

function seekDone(): void {
  seekInFlight = false;
  if (seekWanted !== null) sendSeek();
}

function sim(): SimClient {
  client ??= new SimClient(
    {
      onMessage,
      onCrash: (reason, lost, resumedAt) => {
        // A seek the lost worker did not answer is never answered.
        seekInFlight = false;
        if (lost) useApp.setState({ status: 'starting' });
        const key = lost ? 'error.workerLost' : resumedAt === null ? 'error.worker' : 'error.workerResumed';
        notify({ kind: 'error', say: () => t(key, { message: reason, day: resumedAt ?? 0 }) });
      },
    },
    webSimHost,
  );
  return client;
}

interface LiveChanges {
  readonly changes: readonly TimedChange[];
  readonly pendingLive: Readonly<Record<string, unknown>>;
}

/** A run's timed changes with the ones its worker just made recorded, and those values no longer pending. */
export function withChangesMade(s: LiveChanges, made: readonly TimedChange[]): LiveChanges {
  const changes = [...s.changes];
  const pendingLive = { ...s.pendingLive };
  for (const change of made) {
    recordChange(changes, change);
    delete pendingLive[change.param];
  }
  return { changes, pendingLive };
}

function recordLive(made: readonly TimedChange[]): void {
  useApp.setState((s) => withChangesMade(s, made));
}

/** The run on display was estimated big before its Setup: its Go to a far horizon may ask first. */
let bigRun = false;

export function isBigRun(): boolean {
  return bigRun;
}

/** Answers the estimate asked of the worker, once. */
let paceArrived: ((pace: ScenarioPace | null) => void) | null = null;

/**
 * Starts a new run from the current params and seed (NetLogo's Setup), replaying the timed
 * changes from day 0; those the params no longer allow (a row removed, a shorter horizon) go.
 * A model beyond its sliders' size range is estimated first, and asked about or refused when
 * big (issue 18); until the answer nothing changes. Normal sizes start at once, as ever.
 * Resolves true once the Setup was sent to the worker, false when it was refused or declined.
 */
export function setup(): Promise<boolean> {
  const scenario = useApp.getState();
  if (isBeyondNormalSize(findModel(scenario.modelId)!, scenario.params)) return estimateThenSetup(scenario);
  startSetup(scenario);
  return Promise.resolve(true);
}

type SetupScenario = Pick<ReturnType<typeof useApp.getState>, 'modelId' | 'params' | 'seed' | 'changes'>;

async function estimateThenSetup(scenario: SetupScenario): Promise<boolean> {
  const { modelId, params, seed } = scenario;
  paceArrived?.(null);
  const estimated = await new Promise<ScenarioPace | null>((resolve) => {
    paceArrived = (pace) => {
      paceArrived = null;
      resolve(pace);
    };
    sim().send({ type: 'estimate', modelId, params: { ...params }, seed });
  });
  // No estimate: the Setup itself says what is wrong with the scenario.
  if (!estimated) {
    startSetup(scenario);
    return true;
  }
  const { verdict, words } = sandboxVerdict(setupEstimate(estimated), estimated.approximate);
  if (verdict === 'refuse') {
    notify({ kind: 'error', say: () => t('sandbox.refusedSetup', { estimate: words() }) });
    return false;
  }
  if (verdict === 'ask' && !(await askToStart(t('sandbox.askSetup', { estimate: words() })))) return false;
  startSetup(scenario, { setupMs: estimated.pace.setupMs, tickMs: estimated.pace.tickMs });
  return true;
}

/** Go to a far horizon of a big run: asked first; the worker runs on only once confirmed. */
async function askToGo(estimate: { ms: number; bytes: number }): Promise<void> {
  const { verdict, words } = sandboxVerdict(estimate, true);
  if (verdict === 'refuse') return notify({ kind: 'error', say: () => t('sandbox.refusedGo', { estimate: words() }) });
  if (await askToStart(t('sandbox.askGo', { estimate: words() }))) sim().send({ type: 'go', confirmed: true });
}

const setupListeners = new Set<() => void>();

/** Calls `listener` at every Setup sent to the run (a comparison ends with its base's run). */
export function onSetup(listener: () => void): () => void {
  setupListeners.add(listener);
  return () => setupListeners.delete(listener);
}

function startSetup(scenario: SetupScenario, pace?: { setupMs: number; tickMs: number }): void {
  for (const listener of [...setupListeners]) listener();
  bigRun = pace !== undefined;
  const { modelId, params, seed, changes } = scenario;
  const kept = applicableChanges(findModel(modelId)!, params, changes);
  useApp.setState({
    appliedParams: params,
    appliedSeed: seed,
    changes: kept,
    pendingLive: {},
    messages: [],
    inspected: null,
  });
  // Odd parameters that still run (no customers, say) are said rather than run silently.
  const notices = findModel(modelId)!.notices?.(params) ?? [];
  if (notices.length) notify({ kind: 'notice', say: () => notices.map((n) => tModelText(modelId, n)).join(' ') });
  const dropped = changes.length - kept.length;
  if (dropped) notify({ kind: 'notice', say: () => tCount('timed.dropped', dropped) });
  setupsInFlight++;
  sim().send({ type: 'setup', modelId, params: { ...params }, seed, changes: kept, pace });
}

/**
 * Changes a live parameter or a live table cell (by path, see core/timedChanges) in the running
 * model at its current tick; the run reports the timed change it made, which joins the scenario.
 */
export function setLive(path: string, value: unknown): void {
  useApp.setState((s) => ({ pendingLive: { ...s.pendingLive, [path]: value } }));
  sim().send({ type: 'setLive', params: { [path]: value } });
}

/** Erases the scenario's timed changes and sets up anew without them; the erasure can be undone. */
export function eraseTimedChanges(): void {
  const { changes } = useApp.getState();
  useApp.setState({ changes: [] });
  setup();
  notify({
    kind: 'notice',
    say: () => tCount('timed.erased', changes.length),
    action: {
      label: () => t('control.undo'),
      run: () => {
        useApp.setState({ changes });
        setup();
      },
    },
  });
}

/** What drives Go, Pause and Step instead of the one run: a comparison's lock-step (see compare/lockStep.ts). */
export interface RunDriver {
  go(): void;
  pause(): void;
  step(count: number): void;
  /** The base run was sent to another day (time slider). */
  seeked(tick: number): void;
  /** Go of the big run on display would run long to its horizon (see goRunUntil): asked before it runs. */
  asked(estimate: Estimate): void;
}

let driver: RunDriver | null = null;

export function driveRunsWith(next: RunDriver | null): void {
  driver = next;
}

export function go(): void {
  if (driver) return driver.go();
  sim().send({ type: 'go' });
}

export function pause(): void {
  if (driver) return driver.pause();
  sim().send({ type: 'pause' });
}

/** Advances exactly `count` ticks (one press of Step is one tick). */
export function step(count = 1): void {
  if (driver) return driver.step(count);
  stepRun(count);
}

/** Advances the run on display by `count` ticks, whatever drives it. */
export function stepRun(count: number): void {
  sim().send({ type: 'step', count });
}

/**
 * Runs the run on display to day `until` at most: a comparison's shared budget (compare/lockStep.ts).
 * Unless `confirmed`, a big run to a far horizon does not run but says `ask` to the driver first.
 */
export function goRunUntil(until: number, confirmed = true): void {
  sim().send({ type: 'go', confirmed, until });
}

/** Puts every parameter back to its default; the change can be undone. */
export function resetToDefaults(): void {
  const { modelId, params } = useApp.getState();
  const defaults = defaultParams(findModel(modelId)!.params);
  useApp.setState({ params: defaults });
  notify({
    kind: 'notice',
    say: () => t('control.resetDone'),
    action: { label: () => t('control.undo'), run: () => useApp.setState({ params }) },
  });
}

export function setSpeed(ticksPerSecond: number | null): void {
  useApp.setState({ ticksPerSecond });
  sim().send({ type: 'speed', ticksPerSecond });
}

/**
 * Changes one parameter in the controls. A live parameter reaches the running model at once,
 * as a timed change; before the first run it changes the scenario's starting value.
 */
export function setParam(name: string, value: unknown): void {
  const { modelId, params, status } = useApp.getState();
  if (findModel(modelId)!.params[name]?.apply === 'live' && status !== 'starting') return setLive(name, value);
  useApp.setState({ params: { ...params, [name]: value } as typeof params });
}

/** Sets the seed from the text of the seed field; returns an error message or null. */
export function setSeedText(text: string): string | null {
  const value = Number(text);
  if (text.trim() === '' || !isValidSeed(value)) return t('error.seed', { max: MAX_SEED });
  useApp.setState({ seed: canonicalSeed(value) });
  return null;
}

/** Draws a fresh seed (outside the simulation: any entropy will do) and sets up with it. */
export function newSeed(): void {
  const seed = crypto.getRandomValues(new Uint32Array(1))[0];
  useApp.setState({ seed });
  setup();
}

export function selectModel(modelId: string): void {
  if (!findModel(modelId)) return;
  useApp.setState({
    ...scenarioFor(modelId, useApp.getState().seed),
    ...initialRun,
    ticksPerSecond: useApp.getState().ticksPerSecond,
  });
  setup();
}

/** Opens (or, with null, closes) the inspector on one agent; the worker then sends its attributes. */
export function inspect(agent: { agents: string; id: number } | null): void {
  useApp.setState({ inspected: agent });
  sim().send({ type: 'inspect', agent });
}

/** An experiment worker failed or hung and was replaced: told like a failure of the simulation worker. */
export function experimentWorkerReplaced(reason: string): void {
  notify({ kind: 'error', say: () => t('exp.workerReplaced', { reason }) });
}

/** Shows one page: the sandbox, the experiments or the expectations. */
export function showPage(page: Page): void {
  useApp.setState({ page });
}

export function togglePresenter(): void {
  useApp.setState((s) => ({ presenter: !s.presenter }));
}

/** Shows or hides the keyboard-shortcut help. */
export function showHelp(show: boolean): void {
  useApp.setState({ showHelp: show });
}

/** Esc: closes the shortcut help and leaves presenter mode. */
export function closeOverlays(): void {
  useApp.setState({ showHelp: false, presenter: false });
}
