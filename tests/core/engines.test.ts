/**
 * "Bit-identical in every engine", tested in a second engine. Chromium and Node are both V8, so
 * the core and the models, bundled into one script, also run in QuickJS (an interpreter compiled
 * to WebAssembly, with its own libm): the dmath goldens, a sweep of dmath inputs and one seeded
 * run per model must give the same bits in both, and V8's must equal the goldens of record.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { MODELS } from '../../src/models/registry';
import {
  bundleProbe,
  differences,
  evalInQuickJS,
  evalInV8,
  probeLabels,
  probeScript,
  runInQuickJS,
  runInV8,
} from '../engines/engines';
import type { ProbeRequest, ProbeResult } from '../engines/probe';
import { GOLDENS, type Golden } from '../models/goldens';
import { DMATH_GOLDEN } from './dmathGolden';

/**
 * One seeded run per model (default parameters): its longest golden of record at the model's
 * current version (tests/models/goldens.ts). QuickJS takes about 1.5 s for the four.
 */
const RUNS = MODELS.map((model) => {
  const goldens = GOLDENS[model.id]?.[model.version] ?? [];
  const [seed, ticks, fingerprint] = goldens.reduce((a, b) => (b[1] > a[1] ? b : a), [0, -1, 'no golden'] as Golden);
  return { model: model.id, seed, ticks, fingerprint };
});

/** A fixed pseudo-random sequence in [0, 1) (exact integer steps: the same in every engine). */
function sequence(seed: number, n: number): number[] {
  let s = seed >>> 0;
  return Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  });
}

/** dmath inputs beyond the goldens, over the ranges models use: compared across engines only. */
function sweep(): [string, number[]][] {
  const u = sequence(12, 300);
  const v = sequence(34, 300);
  const one = (name: string, map: (x: number) => number) => u.map((x): [string, number[]] => [name, [map(x)]]);
  const two = (name: string, mapX: (x: number) => number, mapY: (y: number) => number) =>
    u.map((x, i): [string, number[]] => [name, [mapX(x), mapY(v[i])]]);
  return [
    ...one('exp', (x) => (x - 0.5) * 1400),
    ...one('log', (x) => 10 ** ((x - 0.5) * 600)),
    ...one('sin', (x) => (x - 0.5) * 2000),
    ...one('cos', (x) => (x - 0.5) * 2000),
    ...two(
      'pow',
      (x) => x * 1000,
      (y) => (y - 0.5) * 20,
    ),
  ];
}

const request: ProbeRequest = {
  math: [...DMATH_GOLDEN.map(([name, args]): [string, number[]] => [name, args]), ...sweep()],
  runs: RUNS.map(({ model, seed, ticks }) => ({ model, seed, ticks })),
};

let bundle: string;
let v8: ProbeResult;
let quickjs: ProbeResult;

beforeAll(async () => {
  bundle = await bundleProbe();
  const script = probeScript(bundle, request);
  v8 = runInV8(script);
  quickjs = await runInQuickJS(script);
}, 120_000);

describe('V8 (Node) running the bundled core', () => {
  it('reproduces every dmath golden bit pattern', () => {
    const labels = probeLabels(request);
    const got = Object.fromEntries(DMATH_GOLDEN.map((_, i) => [labels[i], v8.math[i]]));
    const expected = Object.fromEntries(DMATH_GOLDEN.map(([, , bits], i) => [labels[i], bits]));
    expect(got).toEqual(expected);
  });

  it('reaches the golden fingerprint of one run per model', () => {
    expect(RUNS.filter((r) => r.ticks < 0).map((r) => r.model)).toEqual([]);
    expect(v8.runs).toEqual(RUNS.map((r) => r.fingerprint));
  });
});

describe('QuickJS (WebAssembly) running the same script', () => {
  it('agrees with V8 bit for bit on every dmath result and every fingerprint', () => {
    expect(quickjs.math).toHaveLength(request.math.length);
    expect(quickjs.runs).toHaveLength(request.runs.length);
    expect(differences(request, { engine: 'V8', result: v8 }, { engine: 'QuickJS', result: quickjs })).toEqual([]);
  });

  it('has a Math of its own that differs from V8’s: the agreement above is dmath’s doing', async () => {
    const code = `JSON.stringify([${sequence(56, 2000).map((x) => (x - 0.5) * 1400)}].map(Math.exp))`;
    const native = [JSON.parse(evalInV8(code) as string), JSON.parse((await evalInQuickJS(code)) as string)];
    const disagreeing = native[0].filter((y: number, i: number) => y !== native[1][i]).length;
    expect(disagreeing).toBeGreaterThan(0);
  });

  it('throws if core calls an approximated Math function instead of dmath, in both engines', async () => {
    const script = `${probeScript(bundle, { math: [], runs: [] })}Math.exp(1);\n`;
    expect(() => evalInV8(script)).toThrow(/Math\.exp was called/);
    await expect(evalInQuickJS(script)).rejects.toThrow(/Math\.exp was called/);
  });
});

describe('the engine comparison', () => {
  it('names each entry where two engines differ, with both values', () => {
    const small: ProbeRequest = { math: [['exp', [0.5]]], runs: [{ model: 'k-means', seed: 1, ticks: 3 }] };
    const a = { engine: 'V8', result: { math: ['3ffa61298e1e069c'], runs: ['695f9dd0b95f38b3'] } };
    const b = { engine: 'QuickJS', result: { math: ['3ffa61298e1e069d'], runs: ['695f9dd0b95f38b3'] } };
    expect(differences(small, a, b)).toEqual(['exp(0.5): V8 3ffa61298e1e069c ≠ QuickJS 3ffa61298e1e069d']);
    expect(differences(small, a, a)).toEqual([]);
  });
});
