import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as d from '../../src/core/dmath';
import { DMATH_GOLDEN } from './dmathGolden';

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);
const i64 = new BigInt64Array(f64.buffer);

function bits(x: number): string {
  f64[0] = x;
  return u64[0].toString(16).padStart(16, '0');
}

/** Distance in units in the last place between two doubles (0 when both are NaN). */
function ulps(a: number, b: number): number {
  if (Number.isNaN(a) && Number.isNaN(b)) return 0;
  const key = (x: number) => {
    f64[0] = x;
    const v = i64[0];
    return v < 0n ? -(v & 0x7fffffffffffffffn) : v;
  };
  const k = key(a) - key(b);
  return Number(k < 0n ? -k : k);
}

/** A fixed pseudo-random sequence (a test must not depend on Math.random). */
function sequence(seed: number, n: number, map: (u: number) => number): number[] {
  let s = seed >>> 0;
  return Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return map(s / 4294967296);
  });
}

describe('deterministic math: golden bit patterns', () => {
  it.each(DMATH_GOLDEN)('%s(%j)', (name, args, expected) => {
    const fn = d[name] as (...a: number[]) => number;
    expect(bits(fn(...args))).toBe(expected);
  });
});

describe('deterministic math: special values', () => {
  it('exp and log', () => {
    expect(d.exp(NaN)).toBeNaN();
    expect(d.exp(Infinity)).toBe(Infinity);
    expect(d.exp(-Infinity)).toBe(0);
    expect(d.exp(0)).toBe(1);
    expect(d.exp(710)).toBe(Infinity);
    expect(d.exp(-746)).toBe(0);
    expect(d.exp(-745)).toBe(5e-324);
    expect(d.log(1)).toBe(0);
    expect(d.log(0)).toBe(-Infinity);
    expect(d.log(-0)).toBe(-Infinity);
    expect(d.log(-1)).toBeNaN();
    expect(d.log(Infinity)).toBe(Infinity);
    expect(d.log(5e-324)).toBeCloseTo(-744.4400719213812, 12);
  });

  it('sin and cos', () => {
    for (const f of [d.sin, d.cos]) {
      expect(f(NaN)).toBeNaN();
      expect(f(Infinity)).toBeNaN();
    }
    expect(Object.is(d.sin(-0), -0)).toBe(true);
    expect(d.cos(0)).toBe(1);
  });

  it('pow follows ECMAScript (Math.pow and **) in every special case', () => {
    const specials = [NaN, Infinity, -Infinity, 0, -0, 1, -1, 0.5, -0.5, 2, -2, 3, -3, 1.5, 5e-324];
    for (const x of specials) {
      for (const y of specials) {
        const expected = Math.pow(x, y);
        const got = d.pow(x, y);
        if (!Number.isFinite(expected) || expected === 0 || Number.isNaN(expected)) {
          expect(Object.is(got, expected), `pow(${x}, ${y}) = ${got}, expected ${expected}`).toBe(true);
        } else {
          expect(ulps(got, expected), `pow(${x}, ${y})`).toBeLessThanOrEqual(1);
        }
      }
    }
  });

  it('pow is exact where the result is representable', () => {
    expect(d.pow(3, 2)).toBe(9);
    expect(d.pow(2, 10)).toBe(1024);
    expect(d.pow(10, 15)).toBe(1e15);
    expect(d.pow(-2, 3)).toBe(-8);
    expect(d.pow(2, -1074)).toBe(5e-324);
    expect(d.pow(0.5, 2)).toBe(0.25);
    expect(d.pow(10, 309)).toBe(Infinity);
  });
});

describe('deterministic math: accuracy against the host engine (a sanity check, not the reference)', () => {
  // Host functions are themselves only approximately correct (V8 is within 1 ulp), so two
  // implementations each within 1 ulp of the truth may differ by 2.
  const cases: [string, (x: number) => number, (x: number) => number, (u: number) => number][] = [
    ['exp', d.exp, Math.exp, (u) => (u - 0.5) * 1400],
    ['log', d.log, Math.log, (u) => 10 ** ((u - 0.5) * 600)],
    ['log near 1', d.log, Math.log, (u) => 1 + (u - 0.5) * 0.01],
    ['sin', d.sin, Math.sin, (u) => (u - 0.5) * 2000],
    ['cos', d.cos, Math.cos, (u) => (u - 0.5) * 2000],
    ['pow', (x) => d.pow(x, 1.7), (x) => Math.pow(x, 1.7), (u) => u * 1000],
    ['pow near 1', (y) => d.pow(1.0001, y), (y) => Math.pow(1.0001, y), (u) => (u - 0.5) * 1e6],
  ];
  it.each(cases)('%s', (_, ours, host, map) => {
    let worst = 0;
    for (const x of sequence(7, 4000, map)) worst = Math.max(worst, ulps(ours(x), host(x)));
    expect(worst).toBeLessThanOrEqual(2);
  });
});

describe('deterministic math: properties', () => {
  it('exp(log x) returns x within 2 ulps for positive normal x', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 1e300, noNaN: true }), (x) => {
        expect(ulps(d.exp(d.log(x)), x)).toBeLessThanOrEqual(Math.max(2, Math.abs(d.log(x)) * 2));
      }),
    );
  });

  it('sin² + cos² = 1', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e4, max: 1e4, noNaN: true }), (x) => {
        const s = d.sin(x);
        const c = d.cos(x);
        expect(Math.abs(s * s + c * c - 1)).toBeLessThan(4e-16);
      }),
    );
  });
});
