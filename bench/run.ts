/**
 * Engine benchmarks: prints figures, asserts nothing (timed assertions don't belong in tests).
 * Run with `npm run bench`; quote before/after figures when a change moves them.
 */
import { performance } from 'node:perf_hooks';
import { cos, exp, log, pow, sin } from '../src/core/dmath';
import { defaultParams } from '../src/core/params';
import { Run } from '../src/core/run';
import { kMeans } from '../src/models/kmeans';

function time<T>(fn: () => T): { ms: number; result: T } {
  const start = performance.now();
  const result = fn();
  return { ms: performance.now() - start, result };
}

function row(name: string, value: string): void {
  console.log(`${name.padEnd(44)} ${value}`);
}

function benchKMeans(points: number, centroids: number): void {
  const params = { ...defaultParams(kMeans.params), numDataPoints: points, numCentroids: centroids, numClusters: centroids };
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
  for (const [name, ours, host] of cases) {
    let sink = 0;
    const a = time(() => {
      for (let i = 0; i < n; i++) sink += ours(inputs[i]);
    });
    const b = time(() => {
      for (let i = 0; i < n; i++) sink += host(inputs[i]);
    });
    row(`dmath.${name} vs Math.${name}`, `${((a.ms * 1e6) / n).toFixed(1)} ns vs ${((b.ms * 1e6) / n).toFixed(1)} ns per call`);
    if (!Number.isFinite(sink)) row(`dmath.${name}`, 'non-finite checksum');
  }
}

console.log(`Agora engine benchmark — Node ${process.version}`);
benchKMeans(10_000, 5);
benchKMeans(100_000, 10);
benchKMeans(1_000_000, 10);
benchMath();
