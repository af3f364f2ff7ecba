import { describe, expect, it } from 'vitest';
import { Hasher } from '../../src/core/hash';

describe('Hasher', () => {
  it('gives 16 lowercase hex characters, stable for equal input', () => {
    const a = new Hasher().text('k-means').float(0.1).hex();
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(new Hasher().text('k-means').float(0.1).hex()).toBe(a);
  });

  it('tells apart inputs that differ in one bit, in order, or in length', () => {
    const seen = new Set<string>();
    const variants = [
      new Hasher().float(0),
      new Hasher().float(-0),
      new Hasher().float(5e-324),
      new Hasher().word(1).word(2),
      new Hasher().word(2).word(1),
      new Hasher().word(1),
      new Hasher().word(0).word(1),
      new Hasher().text('ab'),
      new Hasher().text('a').text('b'),
      new Hasher(),
    ];
    for (const h of variants) seen.add(h.hex());
    expect(seen.size).toBe(variants.length);
  });

  it('spreads single-word inputs over both halves (no collisions in 100k)', () => {
    const lo = new Set<string>();
    const hi = new Set<string>();
    for (let i = 0; i < 100000; i++) {
      const hex = new Hasher().word(i).hex();
      lo.add(hex.slice(8));
      hi.add(hex.slice(0, 8));
    }
    expect(lo.size).toBeGreaterThan(99990);
    expect(hi.size).toBeGreaterThan(99990);
  });
});
