/** One number, one seed: every spelling of a seed that is equal as a number gives one run. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalSeed, Rng } from '../../src/core/rng';
import { Run } from '../../src/core/run';
import { parseScenario } from '../../src/core/scenario';
import { findModel } from '../../src/models/registry';
import { kMeans } from '../../src/models/kmeans';

/** JSON spellings of one integer: what a hand-written file or an edited link may hold. */
function spellings(seed: number): string[] {
  const out = [String(seed), `${seed}.0`, `${seed}e0`, `${seed}.000E+0`, `${seed * 10}e-1`];
  if (seed === 0) out.push('-0', '-0.0', '0e5', '-0E-3');
  return out;
}

/** The fingerprint after a few ticks of the scenario that holds the seed written as `text`. */
function fingerprintOf(text: string): { seed: number; fingerprint: string } {
  const document = JSON.parse(
    `{"format":"agora-scenario","version":1,"model":"k-means","modelVersion":${kMeans.version},"seed":${text}}`,
  ) as unknown;
  const parsed = parseScenario(document, findModel);
  if (!parsed.ok) throw new Error(parsed.errors[0].message);
  const run = Run.create(parsed.value.model, parsed.value.params, parsed.value.seed);
  run.runUntil(2);
  return { seed: parsed.value.seed, fingerprint: run.fingerprint() };
}

describe('one number, one seed', () => {
  it('reads -0 as seed 0: the same streams, the same fingerprint, the same text', () => {
    const zero = fingerprintOf('0');
    for (const text of spellings(0)) {
      const other = fingerprintOf(text);
      expect(Object.is(other.seed, 0), text).toBe(true);
      expect(other.fingerprint, text).toBe(zero.fingerprint);
    }
    expect(Object.is(new Rng(-0).seed, 0)).toBe(true);
    expect(new Rng(-0).save()).toEqual(new Rng(0).save());
  });

  it('gives equal fingerprints for equal seeds, however they are written', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1000 })), (seed) => {
        const expected = fingerprintOf(String(seed)).fingerprint;
        for (const text of spellings(seed)) expect(fingerprintOf(text).fingerprint, text).toBe(expected);
      }),
      { numRuns: 25 },
    );
  });

  it('keeps every valid seed as it is, except that -0 becomes 0', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 0xffffffff }), (seed) => canonicalSeed(seed) === seed));
    expect(Object.is(canonicalSeed(-0), 0)).toBe(true);
  });
});
