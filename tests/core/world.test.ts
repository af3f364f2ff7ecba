import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fingerprint } from '../../src/core/fingerprint';
import { defineModel } from '../../src/core/model';
import { AgentSet, copyWorld, createWorld, loadWorld } from '../../src/core/world';
import { segregation } from '../../src/models/segregation';

describe('AgentSet', () => {
  it('grows while keeping values and gives every agent a fresh id', () => {
    const set = new AgentSet('a', { x: 'f64', k: 'u8' }, 2);
    for (let i = 0; i < 100; i++) {
      const j = set.add();
      set.col.x[j] = i / 3;
      set.col.k[j] = i % 7;
    }
    expect(set.count).toBe(100);
    expect(set.capacity).toBeGreaterThanOrEqual(100);
    for (let i = 0; i < 100; i++) {
      expect(set.col.x[i]).toBe(i / 3);
      expect(set.col.k[i]).toBe(i % 7);
      expect(set.ids[i]).toBe(i);
    }
  });

  it('removes agents keeping the survivors in order, and never reuses ids', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 60 }), (removeFlags) => {
        const set = new AgentSet('a', { v: 'i32' });
        set.add(removeFlags.length);
        for (let i = 0; i < set.count; i++) set.col.v[i] = i * 10;
        set.removeWhere((i) => removeFlags[i]);
        const expected = removeFlags.map((r, i) => (r ? -1 : i)).filter((i) => i >= 0);
        expect(Array.from(set.ids.subarray(0, set.count))).toEqual(expected);
        expect(Array.from(set.col.v.subarray(0, set.count))).toEqual(expected.map((i) => i * 10));
        const first = set.add();
        expect(set.ids[first]).toBe(removeFlags.length);
      }),
    );
  });
});

describe('copyWorld / loadWorld', () => {
  it('round-trips agents and globals into a fresh world, detached from the original', () => {
    const decl = { agents: { a: { x: 'f64' }, b: { n: 'i32' } }, globals: ['g'] } as const;
    const w = createWorld(decl);
    w.agents.a.add(3);
    w.agents.a.col.x.set([0.1, -0, NaN]);
    w.agents.b.add(1);
    w.agents.b.removeWhere(() => true);
    w.globals.g = 7.5;
    const data = copyWorld(w);
    w.agents.a.col.x[0] = 99;
    const fresh = createWorld(decl);
    loadWorld(fresh, data);
    expect(Array.from(fresh.agents.a.col.x.subarray(0, 3))).toEqual([0.1, -0, NaN]);
    expect(Object.is(fresh.agents.a.col.x[1], -0)).toBe(true);
    expect(fresh.agents.b.count).toBe(0);
    expect(fresh.agents.b.nextId).toBe(1);
    expect(fresh.globals.g).toBe(7.5);
  });
});

describe('observer state', () => {
  const decl = {
    agents: { a: { x: 'f64', seen: 'i32' } },
    globals: ['g', 'watched'],
    observers: { columns: { a: ['seen'] }, globals: ['watched'] },
  } as const;
  const rng = { seed: 1, streams: {} };
  const print = (w: ReturnType<typeof createWorld<typeof decl>>) =>
    fingerprint({ modelId: 'm', modelVersion: 1, tick: 0, rng, world: w, observers: decl.observers });

  it('is left out of the fingerprint, while every other column and global counts', () => {
    const w = createWorld(decl);
    w.agents.a.add(2);
    const before = print(w);
    w.agents.a.col.seen[1] = 42;
    w.globals.watched = 3;
    expect(print(w)).toBe(before);
    // The same change without the observer declaration is seen.
    expect(fingerprint({ modelId: 'm', modelVersion: 1, tick: 0, rng, world: w })).not.toBe(before);
    w.agents.a.col.x[1] = 1;
    expect(print(w)).not.toBe(before);
    w.agents.a.col.x[1] = 0;
    w.globals.g = 1;
    expect(print(w)).not.toBe(before);
  });

  it('is kept by a snapshot of the world', () => {
    const w = createWorld(decl);
    w.agents.a.add(1);
    w.agents.a.col.seen[0] = 9;
    w.globals.watched = 4;
    const fresh = createWorld(decl);
    loadWorld(fresh, copyWorld(w));
    expect([fresh.agents.a.col.seen[0], fresh.globals.watched]).toEqual([9, 4]);
  });

  it('must name declared columns and globals', () => {
    const model = (observers: object) => () =>
      defineModel({ ...segregation, world: { ...segregation.world, observers } } as never);
    expect(model({ columns: { nope: ['x'] } })).toThrow(/observer nope\.x is not a declared column/);
    expect(model({ globals: ['nothing'] })).toThrow(/observer global nothing is not declared/);
  });
});
