/**
 * One benchmark configuration in a process of its own (so that its peak memory and JIT state
 * are its own). Argument: a JSON job; prints a progress line after each simulation (the
 * parent's watchdog) and the result as the last JSON line.
 *   gate: the statistic after the full run for each of `seeds` seeds.
 *   time: warm-ups, then timed runs (seeds 1001, 1002, …): setup wall time, steps' CPU and wall
 *         time, and the wall time at the end of every tick.
 */
import { performance } from 'node:perf_hooks';
import type { Config, Create, ImplName, ModelName } from './types';

export interface Job {
  readonly mode: 'gate' | 'time';
  readonly model: ModelName;
  readonly impl: ImplName;
  readonly config: Config;
  readonly seeds: number;
  readonly warmups: number;
  readonly runs: number;
  /** A simulation (setup and steps) longer than this ends the job: the row is skipped. */
  readonly capMs: number;
}

export interface TimedRun {
  readonly setupMs: number;
  readonly stepCpuMs: number;
  readonly stepWallMs: number;
  /** Wall time from the first step to the end of each tick (cumulative). */
  readonly tickWallMs: number[];
}

export type Result =
  | { readonly mode: 'gate'; readonly statistics: number[] }
  | { readonly mode: 'time'; readonly runs: TimedRun[]; readonly peakMiB: number }
  | { readonly mode: 'time'; readonly skipped: 'cap'; readonly partial: SoFar };

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** A simulation has ended: the parent's watchdog starts the cap afresh. */
function progress(): void {
  console.log(JSON.stringify({ progress: true }));
}

/**
 * How far the simulation under way has got, at most once a second: when the cap stops a slow
 * row, the parent still knows the rate of its first ticks.
 */
export interface SoFar {
  /** The setup's wall time, and the wall time from the first step to the end of each tick done so far (cumulative). */
  readonly setupMs: number;
  readonly tickWallMs: number[];
}

/** The line that carries it (named apart from the other lines the child prints). */
export interface SoFarLine {
  readonly partial: SoFar;
}

async function main(job: Job): Promise<Result> {
  const { create } = (await import(`./${job.model}.${job.impl}.ts`)) as { create: Create<Config> };
  const { steps } = job.config;
  if (job.mode === 'gate') {
    const statistics: number[] = [];
    for (let seed = 1; seed <= job.seeds; seed++) {
      const sim = create(job.config, seed);
      for (let s = 0; s < steps; s++) sim.step();
      statistics.push(sim.statistic());
      progress();
    }
    return { mode: 'gate', statistics };
  }
  const runs: TimedRun[] = [];
  for (let r = 0; r < job.warmups + job.runs; r++) {
    const wall0 = performance.now();
    const sim = create(job.config, 1001 + r);
    const setupMs = performance.now() - wall0;
    const tickWallMs: number[] = [];
    console.log(JSON.stringify({ partial: { setupMs, tickWallMs } } satisfies SoFarLine));
    const wall1 = performance.now();
    const cpu1 = cpuMs();
    let reported = wall1;
    for (let s = 0; s < steps; s++) {
      sim.step();
      const now = performance.now();
      tickWallMs.push(now - wall1);
      if (now - reported > 1000) {
        console.log(JSON.stringify({ partial: { setupMs, tickWallMs } } satisfies SoFarLine));
        reported = now;
      }
    }
    const cpu2 = cpuMs();
    const wall2 = performance.now();
    if (setupMs + wall2 - wall1 > job.capMs) return { mode: 'time', skipped: 'cap', partial: { setupMs, tickWallMs } };
    progress();
    if (r >= job.warmups) runs.push({ setupMs, stepCpuMs: cpu2 - cpu1, stepWallMs: wall2 - wall1, tickWallMs });
  }
  return { mode: 'time', runs, peakMiB: process.resourceUsage().maxRSS / 1024 };
}

console.log(JSON.stringify(await main(JSON.parse(process.argv[2]) as Job)));
