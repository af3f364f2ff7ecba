/**
 * A run's timeline: snapshots kept as the run goes, so that any past day can be shown again by
 * restoring the nearest earlier snapshot and replaying to the day. Memory is bounded: snapshots
 * are kept every `spacing` ticks, and when they outgrow the budget the spacing doubles and every
 * snapshot off the new spacing is dropped (the first, tick 0 or a restored run's day, always
 * stays). Replaying is exact, so the
 * state of a day is the same however it was reached.
 */
import { Run, type Snapshot } from './run';
import type { Model } from './model';
import type { TimedChange } from './timedChanges';
import type { AgentSet, Column, WorldData } from './world';

/** Bytes a snapshot's state arrays take (ids and columns); parameters and streams are small beside them. */
export function snapshotBytes(snapshot: Snapshot): number {
  return worldBytes(snapshot.world);
}

function worldBytes(world: WorldData): number {
  let bytes = 0;
  for (const set of Object.values(world.agents)) {
    bytes += set.ids.byteLength;
    for (const column of Object.values(set.columns)) bytes += column.byteLength;
  }
  return bytes;
}

/** What `snapshotBytes` of a snapshot of `run` would be, without copying anything. */
function liveBytes(run: Run): number {
  let bytes = 0;
  for (const set of Object.values(run.world.agents) as AgentSet[]) {
    bytes += set.count * set.ids.BYTES_PER_ELEMENT;
    for (const column of Object.values(set.col as Record<string, Column>))
      bytes += set.count * column.BYTES_PER_ELEMENT;
  }
  return bytes;
}

/**
 * The sandbox's budget for a run's snapshots: a 5-year, 10,000-customer market keeps about 130 MB
 * of them (`npm run bench -- timeline`), within issue 16's bound of about 200 MB in all.
 */
export const TIMELINE_BYTES = 150e6;

export interface TimelineOptions {
  /** Most bytes of snapshots kept (see `snapshotBytes`). */
  readonly budgetBytes: number;
  /** Ticks between snapshots at first; doubles whenever the budget is exceeded. Default 1. */
  readonly spacing?: number;
}

export class Timeline {
  private readonly snapshots = new Map<number, { snapshot: Snapshot; bytes: number }>();
  private spacingNow: number;
  private total = 0;
  /** The tick of the earliest snapshot (day 0, or the day a run was restored at): thinning keeps it. */
  private origin = 0;

  constructor(private readonly options: TimelineOptions) {
    this.spacingNow = Math.max(1, Math.floor(options.spacing ?? 1));
  }

  /** Ticks between kept snapshots now. */
  get spacing(): number {
    return this.spacingNow;
  }

  /** Bytes of the snapshots kept. */
  get bytes(): number {
    return this.total;
  }

  /** The ticks of the snapshots kept, in order. */
  get ticks(): number[] {
    return [...this.snapshots.keys()].sort((a, b) => a - b);
  }

  /**
   * Keeps a snapshot of `run` when its tick is on the spacing (call after Setup and after every
   * tick). A run whose one snapshot would exceed the budget is not copied at all: it has no timeline.
   */
  record(run: Run): void {
    if (run.tick % this.spacingNow !== 0 || this.snapshots.has(run.tick)) return;
    if (liveBytes(run) > this.options.budgetBytes) return;
    if (this.snapshots.size === 0) this.origin = run.tick;
    const snapshot = run.snapshot();
    const bytes = snapshotBytes(snapshot);
    this.snapshots.set(run.tick, { snapshot, bytes });
    this.total += bytes;
    // Thinning never drops the first snapshot, where every replay can start.
    while (this.total > this.options.budgetBytes && this.snapshots.size > 1) this.thin();
  }

  /** Forgets every snapshot after `tick`, e.g. when the run changes course there. */
  dropAfter(tick: number): void {
    for (const [t, kept] of this.snapshots) {
      if (t <= tick) continue;
      this.snapshots.delete(t);
      this.total -= kept.bytes;
    }
  }

  /** The latest snapshot at or before `tick`, or undefined when there is none. */
  nearest(tick: number): Snapshot | undefined {
    let best = -1;
    for (const t of this.snapshots.keys()) if (t <= tick && t > best) best = t;
    return best >= 0 ? this.snapshots.get(best)!.snapshot : undefined;
  }

  /**
   * A run at `tick`: the nearest earlier snapshot restored and replayed to the tick (or to
   * where the run stops, if sooner). Undefined when no snapshot is at or before `tick`.
   *
   * `changes`, the run's timed changes now, go with it, so that going on from the day shown
   * replays the changes made after the snapshot was taken. It holds because a change made live
   * at tick t drops the snapshots from t on (call `dropAfter(t - 1)`): every snapshot kept was
   * taken with the same changes up to its tick.
   */
  seek(model: Model, tick: number, changes?: readonly TimedChange[]): Run | undefined {
    const kept = this.nearest(tick);
    if (!kept) return undefined;
    const snapshot = changes
      ? { ...kept, changes: [...changes], changesApplied: changes.filter((c) => c.tick <= kept.tick).length }
      : kept;
    const run = Run.restore(model, snapshot);
    run.runUntil(tick);
    return run;
  }

  private thin(): void {
    this.spacingNow *= 2;
    for (const [t, kept] of this.snapshots) {
      if (t === this.origin || t % this.spacingNow === 0) continue;
      this.snapshots.delete(t);
      this.total -= kept.bytes;
    }
  }
}
