/** Run-loop behaviour every model of the library must show (one table drives them all). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultParams } from '../../src/core/params';
import { Run } from '../../src/core/run';
import { parseScenario } from '../../src/core/scenario';
import { findModel, MODELS } from '../../src/models/registry';
import { GOLDENS } from '../models/goldens';

/** Ticks to exercise per model: enough to leave setup well behind, cheap enough for CI. */
const TICKS = 5;

describe.each(MODELS.map((m) => [m.id, m] as const))('%s', (_, model) => {
  const params = defaultParams(model.params);

  it('gives the same fingerprint for the same seed and another for another seed', () => {
    const a = Run.create(model, params, 1);
    const b = Run.create(model, params, 1);
    const c = Run.create(model, params, 2);
    a.runUntil(TICKS);
    b.runUntil(TICKS);
    c.runUntil(TICKS);
    expect(a.fingerprint()).toMatch(/^[0-9a-f]{16}$/);
    expect(b.fingerprint()).toBe(a.fingerprint());
    expect(c.fingerprint()).not.toBe(a.fingerprint());
    expect(b.reporters()).toEqual(a.reporters());
  });

  it('changes its fingerprint as it steps', () => {
    const run = Run.create(model, params, 3);
    const before = run.fingerprint();
    if (run.step()) expect(run.fingerprint()).not.toBe(before);
  });

  it('resumes a snapshot taken mid-run exactly like a straight run', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: TICKS }), (seed, split) => {
        const straight = Run.create(model, params, seed);
        straight.runUntil(TICKS);

        const first = Run.create(model, params, seed);
        first.runUntil(split);
        // Through JSON-free structured cloning, as a snapshot crosses a worker boundary.
        const resumed = Run.restore(model, structuredClone(first.snapshot()));
        expect(resumed.fingerprint()).toBe(first.fingerprint());
        resumed.runUntil(TICKS);
        expect(resumed.tick).toBe(straight.tick);
        expect(resumed.fingerprint()).toBe(straight.fingerprint());
        expect(resumed.reporters()).toEqual(straight.reporters());
      }),
      { numRuns: 20 },
    );
  });

  it('reports a finite number or null for every reporter', () => {
    const run = Run.create(model, params, 4);
    run.runUntil(TICKS);
    for (const value of Object.values(run.reporters())) {
      expect(value === null || Number.isFinite(value)).toBe(true);
    }
  });

  it('draws every portrayal layer from a declared agent set and columns', () => {
    const portrayal = model.portrayal(params);
    for (const layer of portrayal.layers) {
      const columns = model.world.agents[layer.agents];
      expect(columns, layer.agents).toBeDefined();
      expect(columns[layer.x]).toBeDefined();
      expect(columns[layer.y]).toBeDefined();
      if (layer.color.kind === 'category') expect(columns[layer.color.column]).toBeDefined();
    }
  });
});

describe('Run.setLiveParams', () => {
  const model = MODELS[0];
  const params = defaultParams(model.params);
  const [liveName] = Object.entries(model.params).find(([, s]) => s.apply === 'live') ?? [];
  const [setupName] = Object.entries(model.params).find(([, s]) => s.apply === 'setup') ?? [];

  it('refuses a parameter that needs Setup and an invalid value, changing nothing', () => {
    const run = Run.create(model, params, 1);
    const r = run.setLiveParams({ [setupName!]: params[setupName!] });
    expect(!r.ok && r.errors[0].message).toMatch(/next Setup/);
    expect(run.setLiveParams({ [liveName!]: NaN }).ok).toBe(false);
    expect(run.setLiveParams(JSON.parse('{"__proto__": 1}')).ok).toBe(false);
    expect(run.params).toEqual(params);
  });

  it('applies a live parameter at once', () => {
    const run = Run.create(model, params, 1);
    const spec = model.params[liveName!];
    const value = spec.kind === 'float' || spec.kind === 'int' ? spec.max : params[liveName!];
    expect(run.setLiveParams({ [liveName!]: value }).ok).toBe(true);
    expect(run.params[liveName!]).toBe(value);
  });
});

describe('Run.restore', () => {
  it('refuses a snapshot of another model version', () => {
    const model = MODELS[0];
    const snap = Run.create(model, defaultParams(model.params), 1).snapshot();
    expect(() => Run.restore(model, { ...snap, modelVersion: snap.modelVersion + 1 })).toThrow(/cannot resume/);
  });
});

describe.each(MODELS.map((m) => [m.id, m] as const))('presets of %s', (_, model) => {
  it.each((model.presets ?? []).map((p) => [p.id, p] as const))('%s is a valid scenario that runs', (_, preset) => {
    const parsed = parseScenario(
      {
        format: 'agora-scenario',
        version: 1,
        model: model.id,
        modelVersion: model.version,
        seed: preset.seed,
        params: preset.params,
      },
      findModel,
    );
    expect(parsed.ok, JSON.stringify(!parsed.ok && parsed.errors)).toBe(true);
    if (!parsed.ok) return;
    const run = Run.create(model, parsed.value.params, preset.seed);
    run.runUntil(TICKS);
    expect(run.fingerprint()).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('golden fingerprints (tests/models/goldens.ts)', () => {
  it('are recorded for every model at its current version, and for no other model or version', () => {
    const current = MODELS.map((m) => `${m.id} v${m.version}`).sort();
    const recorded = Object.entries(GOLDENS)
      .flatMap(([id, byVersion]) => Object.keys(byVersion).map((version) => `${id} v${version}`))
      .sort();
    expect(recorded).toEqual(current);
  });

  // A model without goldens for its version fails the test above.
  const withGoldens = MODELS.filter((m) => GOLDENS[m.id]?.[m.version]);
  describe.each(withGoldens.map((m) => [m.id, m.version, m] as const))('%s v%i', (_, version, model) => {
    it.each(GOLDENS[model.id][version])('seed %i at tick %i', (seed, tick, expected) => {
      const run = Run.create(model, defaultParams(model.params), seed);
      run.runUntil(tick);
      expect(run.tick).toBe(tick);
      expect(run.fingerprint(), 'results changed: bump the model version and record its goldens').toBe(expected);
    });
  });
});
