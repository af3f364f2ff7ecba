/**
 * Big work is estimated before it starts: a short calibration (one Setup and the ticks that fit
 * in a time budget) measures a scenario's pace, which is extrapolated to a run's ticks and an
 * experiment's runs. Core reads no clock: the caller passes one in (a fake one in tests).
 */
import type { Model } from './model';
import type { ParamSchema, ParamValues } from './params';
import { Run } from './run';
import type { AgentSet, Column } from './world';

/** The measured pace of one scenario. */
export interface Pace {
  readonly setupMs: number;
  /** Mean time of the calibration's ticks. */
  readonly tickMs: number;
  /** Memory of the run's agent columns after the calibration (bytes). */
  readonly worldBytes: number;
  /**
   * The tick at which the calibration's run ended (its stop condition or horizon) within the
   * budget; a run of this scenario takes the measured time, not an extrapolation past it.
   * Undefined: the run was still going when the budget was spent.
   */
  readonly endTick?: number;
}

export interface Estimate {
  readonly ms: number;
  readonly bytes: number;
}

/**
 * Above either, work needs the user's yes (the CLI's --yes, the browser's confirm dialog):
 * 10 minutes, 1 GB.
 */
const ASK_ABOVE: Estimate = { ms: 10 * 60_000, bytes: 1e9 };
/**
 * Above this much memory, work is refused: results held past it do not fit a browser tab or
 * one JavaScript string. A sweep that big is split with --shard, or records less often (`every`).
 */
const REFUSE_ABOVE_BYTES = 4e9;

/** Memory of one recorded row (tick and values, as objects and as results text), per reporter and fixed. */
const ROW_BYTES = 96;
const VALUE_BYTES = 32;

/**
 * Sets up the scenario and steps it until `budgetMs` passed on `now` (at least one tick, at most
 * `maxTicks`). The pace of ticks is taken from the second half of the budget, once the engine
 * has compiled the model's hot code (the first ticks run several times slower).
 */
function measurePace(
  model: Model,
  params: ParamValues<ParamSchema>,
  seed: number,
  now: () => number,
  budgetMs = 250,
  maxTicks = Infinity,
): Pace {
  const start = now();
  const run = Run.create(model, params, seed);
  const setUp = now();
  let ticks = 0;
  let elapsed = 0;
  let warm = { ticks: 0, elapsed: 0 };
  let ended = false;
  for (;;) {
    if (ticks >= maxTicks || !run.step()) {
      ended = true;
      break;
    }
    ticks++;
    elapsed = now() - setUp;
    if (elapsed >= budgetMs) break;
    if (elapsed < budgetMs / 2) warm = { ticks, elapsed };
  }
  const budgetSpent = elapsed >= budgetMs;
  if (!budgetSpent || ticks === warm.ticks) warm = { ticks: 0, elapsed: 0 };
  const tickMs = ticks ? (elapsed - warm.elapsed) / (ticks - warm.ticks) : 0;
  let worldBytes = 0;
  for (const set of Object.values(run.world.agents) as AgentSet[]) {
    worldBytes += set.ids.byteLength;
    for (const column of Object.values(set.col as Record<string, Column>)) worldBytes += column.byteLength;
  }
  const pace = { setupMs: setUp - start, tickMs, worldBytes };
  return ended ? { ...pace, endTick: run.tick } : pace;
}

/**
 * The pace of a scenario, measured again while less than half the budget is spent: a cheap run
 * measured once, cold, overstates its cost several times.
 */
export function calibrate(
  model: Model,
  params: ParamValues<ParamSchema>,
  seed: number,
  now: () => number,
  budgetMs = 250,
  maxTicks = Infinity,
): Pace {
  const start = now();
  let pace: Pace;
  do pace = measurePace(model, params, seed, now, budgetMs, maxTicks);
  while (now() - start < budgetMs / 2);
  return pace;
}

/**
 * One run of up to `maxTicks` ticks (fewer when the calibration's run ended sooner); with `seriesReporters`, it also keeps every tick's values of that
 * many reporters (the CLI's --series) until the run ends.
 */
export function runEstimate(pace: Pace, maxTicks: number, seriesReporters?: number): Estimate {
  // A run that ended in the calibration ends there again: its measured time, not an upper bound.
  const ticks = Math.min(maxTicks, pace.endTick ?? Infinity);
  const series = seriesReporters === undefined ? 0 : (ticks + 1) * (ROW_BYTES + VALUE_BYTES * seriesReporters);
  return { ms: pace.setupMs + pace.tickMs * ticks, bytes: pace.worldBytes + series };
}

/**
 * An experiment of `runs` runs of up to `horizon` ticks each on `workers` workers, recording
 * `reporters` values every `every` ticks (0: the last tick only). Runs end where the calibrated
 * run ended, if it did; otherwise an upper bound, as a stop condition may end runs earlier.
 */
export function sweepEstimate(
  pace: Pace,
  sweep: { horizon: number; every: number; reporters: number; runs: number; workers: number },
): Estimate {
  const ticks = Math.min(sweep.horizon, pace.endTick ?? Infinity);
  const rows = (sweep.every > 0 ? Math.floor(ticks / sweep.every) : 0) + 1;
  return {
    ms: (sweep.runs * runEstimate(pace, sweep.horizon).ms) / Math.max(1, Math.min(sweep.workers, sweep.runs)),
    bytes: sweep.runs * rows * (ROW_BYTES + VALUE_BYTES * sweep.reporters) + sweep.workers * pace.worldBytes,
  };
}

/** Whether work of this size goes ahead, needs a yes, or is refused. */
export function judge(estimate: Estimate): 'go' | 'ask' | 'refuse' {
  if (estimate.bytes > REFUSE_ABOVE_BYTES) return 'refuse';
  return estimate.ms > ASK_ABOVE.ms || estimate.bytes > ASK_ABOVE.bytes ? 'ask' : 'go';
}

/** The words of an estimate: English for the CLI; the app passes its locale's. */
export interface EstimateWords {
  seconds(s: number): string;
  minutes(m: number): string;
  hours(h: number, m: number): string;
  days(d: number): string;
  about(time: string, memory: string): string;
}

const ENGLISH: EstimateWords = {
  seconds: (s) => `${s} s`,
  minutes: (m) => `${m} min`,
  hours: (h, m) => `${h} h ${m} min`,
  days: (d) => `${d} days`,
  about: (time, memory) => `about ${time} and ${memory}`,
};

/** "about 3 h 20 min and 1.2 GB": for people. */
export function describeEstimate(estimate: Estimate, words: EstimateWords = ENGLISH): string {
  const s = Math.round(estimate.ms / 1000);
  const time =
    s < 60
      ? words.seconds(s)
      : s < 3600
        ? words.minutes(Math.round(s / 60))
        : s < 86_400 * 2
          ? words.hours(Math.floor(s / 3600), Math.round((s % 3600) / 60))
          : words.days(Math.round(s / 86_400));
  const mb = estimate.bytes / 1e6;
  const memory = mb < 1000 ? `${Math.max(1, Math.round(mb))} MB` : `${(mb / 1000).toFixed(1)} GB`;
  return words.about(time, memory);
}
