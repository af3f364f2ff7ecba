/**
 * Estimates of big runs without waiting for them: a scenario beyond its sliders' size range is
 * calibrated at reduced sizes and its pace extended to its full size (issue 18). A model declares its size
 * parameters (`ModelDefinition.size`); this module knows nothing else of any model.
 */
import { calibrate, type Pace } from './estimate';
import type { Model } from './model';
import type { NumberSpec, ParamSchema, ParamValues } from './params';

type Params = ParamValues<ParamSchema>;

/** The first calibration's agents; each next one doubles them (see calibrateScenario). */
const FIRST_AGENTS = 1000;
/** Calibrations stop doubling at this share of the real run's agents (1–5% of a million). */
const MAX_SHARE = 0.05;
/** ... or once one of them took this long (ms): the next would take about twice as long or more. */
const POINT_MS = 200;

function sizeValue(model: Model, params: Params, name: string): { value: number; uiMax: number } {
  const spec = model.params[name] as NumberSpec;
  return { value: params[name] as number, uiMax: spec.uiMax };
}

/**
 * True when a size parameter is beyond its slider's range (typed in, or from a link or file):
 * only such a Setup is estimated first. Normal sizes start as they always did, with no calibration.
 */
export function isBeyondNormalSize(model: Model, params: Params): boolean {
  if (!model.size) return false;
  const names = [model.size.agents, ...(model.size.area ?? [])];
  return names.some((name) => {
    const { value, uiMax } = sizeValue(model, params, name);
    return value > uiMax;
  });
}

/**
 * The scenario at about `target` agents, and its agents. The world shrinks with the agents (each
 * side by the square root of the fraction) so that the density stays the same; the agents are
 * then counted from the area actually kept, as a side of at least 1 may keep more of it.
 */
export function reducedScenario(model: Model, params: Params, target: number): { params: Params; agents: number } {
  const size = model.size!;
  const agents = sizeValue(model, params, size.agents).value;
  const fraction = Math.min(1, target / agents);
  const reduced: Record<string, unknown> = { ...params };
  let kept = fraction;
  if (size.area) {
    kept = 1;
    for (const side of size.area) {
      const full = params[side] as number;
      const smaller = Math.max(1, Math.round(full * Math.sqrt(fraction)));
      reduced[side] = smaller;
      kept *= smaller / full;
    }
  }
  const fewer = Math.max(1, Math.min(agents, Math.round(agents * kept)));
  reduced[size.agents] = fewer;
  return { params: reduced as Params, agents: fewer };
}

/** A pace, and whether it was scaled up from smaller runs (then it is approximate). */
export interface ScenarioPace {
  readonly pace: Pace;
  readonly approximate: boolean;
}

/** Each of `a`'s measures extended along the line through `a` (at `na` agents) and `b` (at `nb`), to `n` agents. */
function extend(a: Pace, na: number, b: Pace, nb: number, n: number): Pace {
  const line = (ya: number, yb: number) => {
    const slope = Math.max(0, (yb - ya) / (nb - na));
    return Math.max(yb, yb + slope * (n - nb));
  };
  return {
    setupMs: line(a.setupMs, b.setupMs),
    tickMs: line(a.tickMs, b.tickMs),
    worldBytes: line(a.worldBytes, b.worldBytes),
  };
}

/**
 * The pace of a scenario at full size, calibrated at reduced sizes of the same density: 1000
 * agents, then twice as many while a calibration stays short and below 5% of the real run.
 * IMPORTANT, the scaling assumption: at equal density, Setup time, tick time and memory grow
 * linearly with the number of agents (each agent meets as many neighbours), plus a fixed cost;
 * the last two calibrations give the line. A world shrunk below the agents' reach, or a stop
 * condition reached sooner, departs from it: the estimate is approximate, and says so.
 * `maxTicks` bounds the ticks of a calibration at full size (a run that short ends within it).
 */
export function calibrateScenario(
  model: Model,
  params: Params,
  seed: number,
  now: () => number,
  maxTicks = Infinity,
): ScenarioPace {
  const agents = model.size ? sizeValue(model, params, model.size.agents).value : 0;
  if (!model.size || agents <= FIRST_AGENTS / MAX_SHARE) {
    return { pace: calibrate(model, params, seed, now, 250, maxTicks), approximate: false };
  }
  let previous: { pace: Pace; agents: number } | null = null;
  // A first, cold calibration compiles the model's code: it would make the smallest run look slow.
  calibrate(model, reducedScenario(model, params, FIRST_AGENTS).params, seed, now, POINT_MS / 4);
  for (let target = FIRST_AGENTS; ; target *= 2) {
    const reduced = reducedScenario(model, params, target);
    const start = now();
    const pace = calibrate(model, reduced.params, seed, now, POINT_MS / 2);
    const took = now() - start;
    const line = previous && previous.agents < reduced.agents ? previous : null;
    if (line && (took > POINT_MS || target * 2 > agents * MAX_SHARE)) {
      return { pace: extend(line.pace, line.agents, pace, reduced.agents, agents), approximate: true };
    }
    previous = { pace, agents: reduced.agents };
  }
}
