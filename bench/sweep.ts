/**
 * Experiment throughput (`npm run bench -- sweep`): runs per second of the default scenario
 * (the ready strategy comparison, repeated to the size wanted) in the CLI with 1 and 2 worker
 * processes and their ratio, the browser pool beside them, and the time of 1,000 runs.
 * Wall-clock figures, start-up included: run it on an idle machine.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { browserRuns } from './sweepBrowser';

const EXPERIMENT = 'experiments/strategy-comparison.json';

/** Wall time of `agora sweep` over an experiment of `runs` runs, process start-up included. */
function sweep(runs: number, workers: number, dir: string): number {
  const file = join(dir, `experiment-${runs}.json`);
  writeFileSync(file, JSON.stringify(firstRuns(runs)));
  const start = performance.now();
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/cli/main.ts',
      'sweep',
      file,
      '--limit',
      String(runs),
      '--workers',
      String(workers),
      '--out',
      join(dir, 'results.csv'),
    ],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`sweep failed:\n${r.stderr}`);
  return (performance.now() - start) / 1000;
}

function row(name: string, value: string): void {
  console.log(`${name.padEnd(52)} ${value}`);
}

/** The ready experiment cut to its first `runs` runs (its repetitions shrunk), as a document. */
function firstRuns(runs: number): Record<string, unknown> {
  const experiment = JSON.parse(readFileSync(EXPERIMENT, 'utf8'));
  const arms = experiment.vary[0].values.length;
  return { ...experiment, name: `${experiment.name} (${runs} runs)`, repetitions: Math.ceil(runs / arms) };
}

export async function benchSweep(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'agora-bench-'));
  try {
    console.log(
      `\nexperiments in the CLI: ${EXPERIMENT} (default scenario, 5 years), ${availableParallelism()} cores, load ${loadavg()[0].toFixed(2)}`,
    );
    // 1,000 runs: enough that the worker processes' start-up (about a second) weighs little.
    const runs = 1000;
    const oneSeconds = sweep(runs, 1, dir);
    const twoSeconds = sweep(runs, 2, dir);
    const one = runs / oneSeconds;
    const two = runs / twoSeconds;
    row(`${runs.toLocaleString('en')} runs, 1 worker`, `${one.toFixed(2)} runs/s`);
    row(`${runs.toLocaleString('en')} runs, 2 workers`, `${two.toFixed(2)} runs/s`);
    row(
      'ratio 2 workers / 1 worker',
      `${(two / one).toFixed(2)} — target ≥ 1.7: ${two / one >= 1.7 ? 'met' : 'NOT met'}`,
    );
    for (const workers of [1, 2]) {
      const browser = await browserRuns(firstRuns(200), workers);
      row(
        `browser pool, ${browser.runs} runs, ${workers} worker${workers > 1 ? 's' : ''}`,
        `${(browser.runs / browser.seconds).toFixed(2)} runs/s (CLI: ${(workers === 1 ? one : two).toFixed(2)}); largest event-loop lag ${browser.maxLagMs.toFixed(0)} ms`,
      );
    }
    row(
      '1,000 runs, 2 workers',
      `${(twoSeconds / 60).toFixed(1)} min — minutes, not hours: ${twoSeconds < 3600 ? 'met' : 'NOT met'}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
