/**
 * The actions of the app: they change the store and send commands to the simulation.
 * One SimClient per page; frames update the store's run slice and the frame bus.
 */
import { t, tModelText } from '../i18n';
import { isValidSeed, MAX_SEED } from '../core/rng';
import { defaultParams } from '../core/params';
import { findModel } from '../models/registry';
import type { FromWorker } from '../worker/protocol';
import { SimClient } from '../worker/simClient';
import { publishFrame } from './frameBus';
import { initialRun, scenarioFor, useApp, type Page } from './store';

/**
 * How often plots re-sample while running (ms). A chart update costs tens of ms in recharts on
 * the main thread, where a collection landing in one makes a long task: a slow run gets smooth
 * plots, a fast one fewer updates that each show more days.
 */
function plotInterval(ticksPerSecond: number | null): number {
  if (ticksPerSecond === null) return 1000; // as fast as possible
  return ticksPerSecond > 30 ? 500 : 250;
}
let lastPlotUpdate = 0;

function onMessage(message: FromWorker): void {
  if (message.type === 'error') {
    useApp.setState({ message: { kind: 'error', text: t('error.invalid', { message: message.message }) } });
    return;
  }
  publishFrame(message);
  const now = performance.now();
  const plotDue =
    message.status !== 'running' ||
    message.reset ||
    now - lastPlotUpdate > plotInterval(useApp.getState().ticksPerSecond);
  if (plotDue) lastPlotUpdate = now;
  useApp.setState((s) => ({
    tick: message.tick,
    status: message.status,
    fingerprint: message.fingerprint,
    runSeed: message.seed,
    plotVersion: plotDue ? s.plotVersion + 1 : s.plotVersion,
  }));
}

let client: SimClient | null = null;

function sim(): SimClient {
  client ??= new SimClient({
    onMessage,
    onCrash: (reason) => useApp.setState({ message: { kind: 'error', text: t('error.worker', { message: reason }) } }),
  });
  return client;
}

/** Starts a new run from the current params and seed (NetLogo's Setup). */
export function setup(): void {
  const { modelId, params, seed } = useApp.getState();
  // Odd parameters that still run (no customers, say) are said rather than run silently.
  const notices = findModel(modelId)!.notices?.(params) ?? [];
  const message = notices.length
    ? { kind: 'notice' as const, text: notices.map((n) => tModelText(modelId, n)).join(' ') }
    : null;
  useApp.setState({ appliedParams: params, appliedSeed: seed, message, inspected: null });
  sim().send({ type: 'setup', modelId, params: { ...params }, seed });
}

export function go(): void {
  sim().send({ type: 'go' });
}

export function pause(): void {
  sim().send({ type: 'pause' });
}

/** Advances exactly `count` ticks (one press of Step is one tick). */
export function step(count = 1): void {
  sim().send({ type: 'step', count });
}

/** Puts every parameter back to its default; the change can be undone. */
export function resetToDefaults(): void {
  const { modelId, params } = useApp.getState();
  const defaults = defaultParams(findModel(modelId)!.params);
  useApp.setState({
    params: defaults,
    message: {
      kind: 'notice',
      text: t('control.resetDone'),
      action: { label: t('control.undo'), run: () => useApp.setState({ params }) },
    },
  });
}

export function setSpeed(ticksPerSecond: number | null): void {
  useApp.setState({ ticksPerSecond });
  sim().send({ type: 'speed', ticksPerSecond });
}

/** Changes one parameter in the controls; a live parameter reaches the running model at once. */
export function setParam(name: string, value: unknown): void {
  const { modelId, params } = useApp.getState();
  useApp.setState({ params: { ...params, [name]: value } as typeof params });
  if (findModel(modelId)!.params[name]?.apply === 'live') {
    sim().send({ type: 'setLive', params: { [name]: value } });
    useApp.setState((s) => ({ appliedParams: { ...s.appliedParams, [name]: value } as typeof params }));
  }
}

/** Sets the seed from the text of the seed field; returns an error message or null. */
export function setSeedText(text: string): string | null {
  const value = Number(text);
  if (text.trim() === '' || !isValidSeed(value)) return t('error.seed', { max: MAX_SEED });
  useApp.setState({ seed: value });
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

export function dismissMessage(): void {
  useApp.setState({ message: null });
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
