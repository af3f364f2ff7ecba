/**
 * Forks: a second run from a run's snapshot at its tick, with timed changes of its own from
 * that tick on. The fork keeps the base's random streams and its scheduled changes, so a fork
 * without changes steps exactly like the base (same fingerprint at every tick), and a fork with
 * changes steps exactly like one run set up with the base's changes and the fork's together.
 */
import type { Model } from './model';
import type { ValidationError } from './params';
import type { Snapshot } from './run';
import { applyChange, checkTimedChanges, MAX_TIMED_CHANGES, recordChange, type TimedChange } from './timedChanges';

export type ForkResult = { ok: true; value: Snapshot } | { ok: false; errors: ValidationError[] };

/**
 * The base's changes with the fork's recorded among them (see `recordChange`): the timed
 * changes a single run from Setup replays to reach the fork's state.
 */
export function mergeChanges(base: readonly TimedChange[], fork: readonly TimedChange[]): TimedChange[] {
  const merged = base.map((c) => ({ ...c }));
  for (const change of fork) recordChange(merged, { ...change });
  return merged;
}

/**
 * The snapshot a fork starts from: `snapshot` with `changes` (untrusted) scheduled, each at
 * the snapshot's tick or later; those at the snapshot's tick are in force at once, as they
 * would be in a run that had them from the start. Returns every problem naming its field.
 */
export function forkSnapshot(
  model: Model,
  snapshot: Snapshot,
  changes: readonly { tick: number; param: string; value: unknown }[],
  field = 'fork.changes',
): ForkResult {
  const early = changes.findIndex((c) => c.tick < snapshot.tick);
  if (early >= 0) {
    const where = `${field}[${early}].tick`;
    return {
      ok: false,
      errors: [{ field: where, message: `${where}: must be at least the fork day ${snapshot.tick}` }],
    };
  }
  const checked = checkTimedChanges(model, snapshot.params, changes, field);
  if (!checked.ok) return checked;
  const merged = mergeChanges(snapshot.changes ?? [], checked.value);
  if (merged.length > MAX_TIMED_CHANGES) {
    const message = `${field}: at most ${MAX_TIMED_CHANGES} timed changes in a run with the base's, got ${merged.length}`;
    return { ok: false, errors: [{ field, message }] };
  }
  let params = snapshot.params;
  for (const c of checked.value) {
    if (c.tick !== snapshot.tick) continue;
    const applied = applyChange(model.params, params, c.param, c.value);
    // checkTimedChanges applied the same changes in the same order on the same parameters.
    if (!applied.ok) throw new Error(`fork change of ${c.param}: ${applied.message}`);
    params = applied.params;
  }
  const changesApplied = merged.filter((c) => c.tick <= snapshot.tick).length;
  return { ok: true, value: { ...snapshot, params, changes: merged, changesApplied } };
}
