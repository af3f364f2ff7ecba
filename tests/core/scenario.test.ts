import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultParams } from '../../src/core/params';
import { createScenario, parseScenario, SCENARIO_VERSION } from '../../src/core/scenario';
import { findModel } from '../../src/models/registry';
import { kMeans } from '../../src/models/kmeans';

const base = {
  format: 'agora-scenario',
  version: 1,
  model: 'k-means',
  modelVersion: kMeans.version,
  seed: 5,
  params: {},
};

describe('parseScenario', () => {
  it('round-trips a scenario written by createScenario, full or with changed params only', () => {
    const params = { ...defaultParams(kMeans.params), numCentroids: 6 };
    for (const onlyChanged of [false, true]) {
      const doc = JSON.parse(JSON.stringify(createScenario(kMeans, 42, params, { onlyChanged })));
      const r = parseScenario(doc, findModel);
      expect(r.ok && r.value.params).toEqual(params);
      expect(r.ok && r.value.seed).toBe(42);
      expect(r.ok && r.value.warnings).toEqual([]);
    }
    expect(createScenario(kMeans, 1, params, { onlyChanged: true }).params).toEqual({ numCentroids: 6 });
  });

  it.each([
    ['not an object', 'x', 'scenario'],
    ['a wrong format', { ...base, format: 'other' }, 'format'],
    ['an unknown top-level key', { ...base, extra: 1 }, 'extra'],
    ['an unknown model', { ...base, model: 'nope' }, 'model'],
    ['a negative seed', { ...base, seed: -1 }, 'seed'],
    ['a seed of 2^32', { ...base, seed: 2 ** 32 }, 'seed'],
    ['a fractional model version', { ...base, modelVersion: 1.5 }, 'modelVersion'],
    ['a bad parameter', { ...base, params: { numCentroids: 0 } }, 'params.numCentroids'],
    ['parameters that are a list', { ...base, params: [] }, 'params'],
    ['no seed', { ...base, seed: undefined }, 'seed'],
  ])('rejects %s, naming the field', (_, doc, field) => {
    const r = parseScenario(doc, findModel);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].field).toBe(field);
  });

  it('says a scenario from a newer format version needs a newer Agora', () => {
    const r = parseScenario({ ...base, version: SCENARIO_VERSION + 1 }, findModel);
    expect(!r.ok && r.errors[0].message).toMatch(/newer Agora/);
  });

  it('opens a scenario of another model version with a warning', () => {
    const r = parseScenario({ ...base, modelVersion: kMeans.version + 1 }, findModel);
    expect(r.ok && r.value.warnings[0]).toMatch(/numbers may differ/);
  });

  it('never throws on hostile documents', () => {
    fc.assert(
      fc.property(
        fc.record({
          format: fc.oneof(fc.constant('agora-scenario'), fc.string()),
          version: fc.oneof(fc.constant(1), fc.anything()),
          model: fc.oneof(fc.constant('k-means'), fc.string()),
          modelVersion: fc.anything(),
          seed: fc.oneof(fc.nat(), fc.double()),
          params: fc.anything(),
        }),
        (doc) => {
          parseScenario(doc, findModel);
        },
      ),
    );
  });
});

describe('presenter plots', () => {
  const market = findModel('cloud-market')!;
  const base = createScenario(market, 1, defaultParams(market.params), { onlyChanged: true });

  it('travel with a scenario, ids of the model plots only', () => {
    const scenario = createScenario(market, 1, defaultParams(market.params), {
      onlyChanged: true,
      presenterPlots: ['share', 'price'],
    });
    expect(scenario.presenterPlots).toEqual(['share', 'price']);
    const parsed = parseScenario({ ...scenario, presenterPlots: ['price', 'no-such-plot'] }, findModel);
    expect(parsed.ok && parsed.value.presenterPlots).toEqual(['price']);
  });

  it('are absent from a scenario that says nothing of them, and refused when not a list of ids', () => {
    expect('presenterPlots' in base).toBe(false);
    const parsed = parseScenario(base, findModel);
    expect(parsed.ok && 'presenterPlots' in parsed.value).toBe(false);
    for (const bad of ['share', [1], Array(101).fill('share')]) {
      const refused = parseScenario({ ...base, presenterPlots: bad }, findModel);
      expect(!refused.ok && refused.errors[0].field).toMatch(/^presenterPlots/);
    }
  });
});
