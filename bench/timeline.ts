/**
 * Timeline benchmark: a five-year, 10,000-customer cloud-market run keeps its snapshots in a
 * 200 MB timeline (issue 16's bound), then shows past days: the time to show a day is the
 * restore of the nearest earlier snapshot plus the replay to the day. Prints bytes and times.
 */
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { validateParams } from '../src/core/params';
import { Run } from '../src/core/run';
import { Timeline, TIMELINE_BYTES } from '../src/core/timeline';
import { cloudMarket } from '../src/models/cloudMarket';

/** Issue 16's bound on the memory of a run's snapshots. */
const BOUND_BYTES = 200e6;
const MB = 1e6;

/** Collects garbage first, so that what is counted is what the timeline holds, not what it dropped. */
function arrayBuffersMb(): number {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  return process.memoryUsage().arrayBuffers / MB;
}

function row(name: string, value: string): void {
  console.log(`${name.padEnd(44)} ${value}`);
}

export function benchTimeline(): void {
  const checked = validateParams(cloudMarket.params, { customers: 10_000, years: 5 });
  if (!checked.ok) throw new Error(checked.errors[0].message);
  const plainStart = performance.now();
  Run.create(cloudMarket, checked.value, 1).runUntil(Infinity);
  const plainMs = performance.now() - plainStart;
  const before = arrayBuffersMb();
  const start = performance.now();
  const run = Run.create(cloudMarket, checked.value, 1);
  const timeline = new Timeline({ budgetBytes: TIMELINE_BYTES });
  timeline.record(run);
  run.runUntil(run.horizon, (r) => timeline.record(r));
  const runMs = performance.now() - start;
  const label = 'timeline, 10,000 customers, 5 years';
  row(
    `${label}: run with recording`,
    `${(runMs / 1000).toFixed(2)} s (${run.tick} days; without: ${(plainMs / 1000).toFixed(2)} s)`,
  );
  row(
    `${label}: snapshots`,
    `${timeline.ticks.length} kept, every ${timeline.spacing} days, ${(timeline.bytes / MB).toFixed(1)} MB ` +
      `(the sandbox's budget ${TIMELINE_BYTES / MB} MB)`,
  );
  const heldMb = arrayBuffersMb() - before;
  row(
    `${label}: array buffers held`,
    `${heldMb.toFixed(1)} MB, snapshots and the live run (target < ${BOUND_BYTES / MB} MB: ${heldMb * MB < BOUND_BYTES ? 'met' : 'NOT met'})`,
  );
  // The slowest days are just before a kept snapshot: the longest replay.
  const days = [
    0,
    1,
    run.tick,
    ...timeline.ticks.slice(1).map((t) => t - 1),
    ...[0.25, 0.5, 0.75].map((f) => Math.round(f * run.tick)),
  ];
  const times: number[] = [];
  for (const day of days) {
    const t0 = performance.now();
    timeline.seek(cloudMarket, day);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  row(
    `${label}: show a day`,
    `median ${median.toFixed(0)} ms, worst ${times.at(-1)!.toFixed(0)} ms over ${days.length} days ` +
      `(target < 300 ms: ${times.at(-1)! < 300 ? 'met' : 'NOT met'})`,
  );
}
