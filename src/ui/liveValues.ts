/**
 * What a live parameter or lever is in the run on display: the Setup's value with the timed
 * changes up to the current tick applied, or the value just sent to the run and not yet
 * confirmed (so a control follows the hand at once).
 */
import type { Model } from '../core/model';
import type { ParamSchema, ParamValues } from '../core/params';
import { paramsAt, readPath, type TimedChange } from '../core/timedChanges';
import { useApp } from './store';

type Params = ParamValues<ParamSchema>;

/** The last answer, for the last inputs: every live control asks at every frame. */
let memo: { base: Params; changes: readonly TimedChange[]; tick: number; value: Params } | null = null;

function paramsInForce(model: Model, base: Params, changes: readonly TimedChange[], tick: number): Params {
  if (memo?.base !== base || memo.changes !== changes || memo.tick !== tick) {
    memo = { base, changes, tick, value: paramsAt(model.params, base, changes, tick) };
  }
  return memo.value;
}

/** The value the path (see core/timedChanges) has now in the run. */
export function useLiveValue(model: Model, path: string): unknown {
  return useApp((s) =>
    Object.hasOwn(s.pendingLive, path)
      ? s.pendingLive[path]
      : readPath(paramsInForce(model, s.appliedParams, s.changes, s.tick), path),
  );
}
