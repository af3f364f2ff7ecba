/**
 * The app's store, in slices: the scenario being edited (model, params, seed), the state of
 * the run (tick, status, fingerprint, messages) and the page on show. Actions are plain
 * functions in ./session.ts and the other *Session.ts modules. Per-tick agent data never
 * enters this store (see frameBus).
 */
import { create } from 'zustand';
import { defaultParams, type ParamSchema, type ParamValues } from '../core/params';
import type { TimedChange } from '../core/timedChanges';
import type { RunStatus } from '../worker/protocol';
import { DEFAULT_MODEL_ID, findModel } from '../models/registry';

type Params = ParamValues<ParamSchema>;

export interface ScenarioSlice {
  modelId: string;
  /** Values in the controls. */
  params: Params;
  /** Values of the last Setup: a difference means "press Setup to apply". */
  appliedParams: Params;
  seed: number;
  /** Seed of the last Setup: with appliedParams, the scenario on display. */
  appliedSeed: number;
  /** The scenario's timed changes: replayed from day 0 at Setup, joined by every live change. */
  changes: readonly TimedChange[];
  /** Live changes sent to the run and not yet confirmed, by path: the controls show them meanwhile. */
  pendingLive: Readonly<Record<string, unknown>>;
}

export interface RunSlice {
  tick: number;
  /** The latest tick the run has reached: the time slider goes from 0 to it. */
  reached: number;
  status: RunStatus | 'starting';
  fingerprint: string | null;
  /** The seed of the run on display. */
  runSeed: number | null;
  /** Messages for the person at the keyboard (errors and notices), oldest first; see notices.ts. */
  messages: readonly ShownMessage[];
  ticksPerSecond: number | null;
  /** Bumped when reporter data changed, so plots re-sample (a few times a second at most). */
  plotVersion: number;
  /** The agent open in the inspector: its agent set and stable id. */
  inspected: { readonly agents: string; readonly id: number } | null;
  /** Presenter mode: large type, the view and the main plots fill the screen. */
  presenter: boolean;
  /** The keyboard-shortcut help overlay. */
  showHelp: boolean;
}

/** What fills the window below the top bar. */
export type Page = 'sandbox' | 'experiments' | 'expectations';

interface PageSlice {
  page: Page;
}

/**
 * How to say a text: called each time it is shown, so that it speaks the locale on display (a
 * message notified in English is said in Chinese after a change of language). Everything
 * translated is computed inside; data from outside (a file name, a worker's reason) is captured as is.
 */
export type Wording = () => string;

export interface Message {
  readonly kind: 'error' | 'notice';
  readonly say: Wording;
  readonly action?: { readonly label: Wording; readonly run: () => void };
}

/** A message on screen: its id keys it while its words change with the language. */
export interface ShownMessage extends Message {
  readonly id: number;
}

export type AppState = ScenarioSlice & RunSlice & PageSlice;

function scenarioFor(modelId: string, seed: number): ScenarioSlice {
  const model = findModel(modelId)!;
  const params = defaultParams(model.params);
  return { modelId, params, appliedParams: params, seed, appliedSeed: seed, changes: [], pendingLive: {} };
}

export const initialRun: RunSlice = {
  tick: 0,
  reached: 0,
  status: 'starting',
  fingerprint: null,
  runSeed: null,
  messages: [],
  ticksPerSecond: 30,
  plotVersion: 0,
  inspected: null,
  presenter: false,
  showHelp: false,
};

export const useApp = create<AppState>()(() => ({
  ...scenarioFor(DEFAULT_MODEL_ID, 1),
  ...initialRun,
  page: 'sandbox',
}));

export { scenarioFor };
