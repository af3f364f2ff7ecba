/**
 * Benchmarks: print figures, assert nothing (timed assertions don't belong in tests).
 * `npm run bench` runs a quick selection of the headless suites; `npm run bench -- market` (or
 * `kmeans`, `math`) runs one suite in full; `npm run bench -- sweep` measures experiments in the CLI;
 * `npm run bench -- timeline` measures a 5-year run's timeline of snapshots (bytes, time to show a day);
 * `npm run bench -- ui [--compare] [--minutes N]` measures the live sandbox in headless Chromium (10 minutes
 * of repeated runs by default; `--compare`: only two runs compared and the time slider, issue 16). Quote before/after figures when a change moves them.
 */
import { performance } from 'node:perf_hooks';
import { cos, exp, log, pow, sin } from '../src/core/dmath';
import { defaultParams } from '../src/core/params';
import { Run } from '../src/core/run';
import { kMeans } from '../src/models/kmeans';
import { benchMarket } from './market';
import { benchSweep } from './sweep';
import { benchTimeline } from './timeline';
import { benchUi } from './ui';

function time<T>(fn: () => T): { ms: number; result: T } {
  const start = performance.now();
  const result = fn();
  return { ms: performance.now() - start, result };
}

function row(name: string, value: string): void {
  console.log(`${name.padEnd(44)} ${value}`);
}

function benchKMeans(points: number, centroids: number): void {
  const params = {
    ...defaultParams(kMeans.params),
    numDataPoints: points,
    numCentroids: centroids,
    numClusters: centroids,
  };
  const setup = time(() => Run.create(kMeans, params, 1));
  const run = setup.result;
  const steps = time(() => {
    let n = 0;
    while (n < 10 && run.step()) n++;
    return n;
  });
  const fp = time(() => run.fingerprint());
  const label = `k-means ${points.toLocaleString('en')} points, ${centroids} centroids`;
  row(`${label}: setup`, `${setup.ms.toFixed(1)} ms`);
  row(`${label}: step`, `${(steps.ms / Math.max(steps.result, 1)).toFixed(2)} ms/tick (${steps.result} ticks)`);
  row(`${label}: fingerprint`, `${fp.ms.toFixed(2)} ms`);
}

function benchMath(): void {
  const n = 2_000_000;
  const inputs = new Float64Array(n);
  for (let i = 0; i < n; i++) inputs[i] = ((i * 7919) % 100_000) / 1000 - 50;
  const cases: [string, (x: number) => number, (x: number) => number][] = [
    ['exp', exp, Math.exp],
    ['log', (x) => log(Math.abs(x) + 1e-3), (x) => Math.log(Math.abs(x) + 1e-3)],
    ['sin', sin, Math.sin],
    ['cos', cos, Math.cos],
    ['pow', (x) => pow(Math.abs(x), 1.7), (x) => Math.pow(Math.abs(x), 1.7)],
  ];
  // NOTE: every function goes through one call site, so these are per-call costs including the
  // (equal) call overhead, good for comparing ours with the host's, not as absolute figures.
  for (const [name, ours, host] of cases) {
    let sink = 0;
    const a = time(() => {
      for (let i = 0; i < n; i++) sink += ours(inputs[i]);
    });
    const b = time(() => {
      for (let i = 0; i < n; i++) sink += host(inputs[i]);
    });
    row(
      `dmath.${name} vs Math.${name}`,
      `${((a.ms * 1e6) / n).toFixed(1)} ns vs ${((b.ms * 1e6) / n).toFixed(1)} ns per call`,
    );
    if (!Number.isFinite(sink)) row(`dmath.${name}`, 'non-finite checksum');
  }
}

const suite = process.argv[2];
const SUITES = ['kmeans', 'math', 'market', 'sweep', 'timeline', 'ui'];
if (suite !== undefined && !SUITES.includes(suite)) {
  console.error(`bench: unknown suite ${JSON.stringify(suite)} (suites: ${SUITES.join(', ')})`);
  process.exit(2);
}
console.log(
  `Agora benchmarks — Node ${process.version}${suite ? `, suite ${suite}` : ', quick selection of every suite'}`,
);
if (!suite || suite === 'kmeans') {
  benchKMeans(10_000, 5);
  benchKMeans(100_000, 10);
  if (suite) benchKMeans(1_000_000, 10);
}
if (!suite || suite === 'math') benchMath();
if (!suite || suite === 'market') benchMarket(suite === 'market');
if (suite === 'sweep') await benchSweep();
if (suite === 'timeline') benchTimeline();
if (suite === 'ui') {
  const args = process.argv.slice(3);
  const compareOnly = args[0] === '--compare';
  await benchUi(uiMinutes(compareOnly ? args.slice(1) : args), compareOnly);
}

function uiMinutes(args: string[]): number {
  if (args.length === 0) return 10;
  const minutes = Number(args[1]);
  if (args[0] !== '--minutes' || args.length !== 2 || !(minutes > 0 && minutes <= 600)) {
    console.error('bench ui: expected nothing or --minutes N (0 < N ≤ 600)');
    process.exit(2);
  }
  return minutes;
}
