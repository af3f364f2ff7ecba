/** Timed changes: made live or replayed from a scenario, a run comes out the same; hostile ones are refused. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { executeRun, runTask } from '../../src/core/experiment/execute';
import { prepareExperiment } from '../../src/core/experiment/prepare';
import { defaultParams, validateParams, type ParamSchema, type ParamValues } from '../../src/core/params';
import { Run } from '../../src/core/run';
import { createScenario, parseScenario } from '../../src/core/scenario';
import { decodeScenarioLink, encodeScenarioLink } from '../../src/core/scenarioLink';
import { migrateScenario } from '../../src/core/scenarioMigrations';
import {
  applicableChanges,
  checkTimedChanges,
  MAX_TIMED_CHANGES,
  paramsAt,
  readPath,
  recordChange,
  type TimedChange,
} from '../../src/core/timedChanges';
import { cloudMarket } from '../../src/models/cloudMarket';
import { STRATEGIES } from '../../src/models/cloudMarket/params';
import { findModel, MODELS } from '../../src/models/registry';

type Params = ParamValues<ParamSchema>;

/** A small market (one year, few customers), so that many runs stay cheap. */
function smallMarket(): Params {
  const checked = validateParams(cloudMarket.params, { customers: 300, years: 1 });
  if (!checked.ok) throw new Error(checked.errors[0].message);
  return checked.value;
}
const TICKS = 40;

/** Runs to `ticks`, making each change live when the run reaches its tick, as the worker does. */
function runLive(params: Params, seed: number, changes: readonly TimedChange[], ticks: number): Run {
  const run = Run.create(cloudMarket, params, seed);
  for (;;) {
    for (const c of changes.filter((c) => c.tick === run.tick)) {
      const made = run.setLiveParams({ [c.param]: c.value });
      expect(made.ok, JSON.stringify(!made.ok && made.errors)).toBe(true);
    }
    if (run.tick >= ticks || !run.step()) return run;
  }
}

const leverChange = fc.oneof(
  fc.record({
    param: fc.constantFrom('vendors#0.strategy', 'vendors#2.strategy'),
    value: fc.constantFrom(...STRATEGIES),
  }),
  fc.record({ param: fc.constant('vendors#1.margin'), value: fc.integer({ min: 0, max: 200 }) }),
  fc.record({ param: fc.constant('vendors#2.priceMin'), value: fc.integer({ min: 0, max: 60 }) }),
  fc.record({ param: fc.constant('choiceNoise'), value: fc.double({ min: 0.02, max: 5, noNaN: true }) }),
);
const timedChanges = fc
  .array(fc.record({ tick: fc.integer({ min: 0, max: TICKS }), change: leverChange }), { minLength: 1, maxLength: 4 })
  .map(
    (list) => list.map(({ tick, change }) => ({ tick, ...change })).sort((a, b) => a.tick - b.tick) as TimedChange[],
  );

describe('replay', () => {
  it('gives a run set up with the timed changes the fingerprint of the run they were made live in', () => {
    const params = smallMarket();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), timedChanges, (seed, changes) => {
        const live = runLive(params, seed, changes, TICKS);
        const recorded = live.timedChanges;
        const replayed = Run.create(cloudMarket, params, seed, recorded);
        replayed.runUntil(TICKS);
        expect(replayed.fingerprint()).toBe(live.fingerprint());
        expect(replayed.reporters()).toEqual(live.reporters());
        expect(replayed.params).toEqual(live.params);
        // And through a scenario document, as a link or file carries them.
        const doc = JSON.parse(JSON.stringify(createScenario(cloudMarket, seed, params, { changes: recorded })));
        const parsed = parseScenario(doc, findModel);
        expect(parsed.ok && parsed.value.changes).toEqual(recorded);
      }),
      { numRuns: 12 },
    );
  });

  it('resumes a snapshot taken between a live change and its step exactly', () => {
    const params = smallMarket();
    const changes: TimedChange[] = [
      { tick: 10, param: 'vendors#2.strategy', value: 'profit' },
      { tick: 20, param: 'vendors#0.strategy', value: 'aggressive' },
    ];
    const straight = Run.create(cloudMarket, params, 5, changes);
    straight.runUntil(30);
    const first = Run.create(cloudMarket, params, 5);
    first.runUntil(10);
    first.setLiveParams({ 'vendors#2.strategy': 'profit' });
    const resumed = Run.restore(cloudMarket, structuredClone({ ...first.snapshot() }));
    resumed.runUntil(20);
    resumed.setLiveParams({ 'vendors#0.strategy': 'aggressive' });
    resumed.runUntil(30);
    expect(resumed.fingerprint()).toBe(straight.fingerprint());
    expect(resumed.timedChanges).toEqual(changes);
  });

  it.each(MODELS.map((m) => [m.id, m] as const))('%s: a live slider changed mid-run replays', (_, model) => {
    const [name, spec] = Object.entries(model.params).find(([, s]) => s.apply === 'live' && s.kind !== 'table') ?? [];
    if (!name || !spec) return;
    const params = defaultParams(model.params);
    const value =
      spec.kind === 'float' || spec.kind === 'int'
        ? spec.uiMax
        : spec.kind === 'boolean'
          ? !spec.default
          : spec.default;
    const live = Run.create(model, params, 9);
    live.runUntil(3);
    expect(live.setLiveParams({ [name]: value }).ok).toBe(true);
    live.runUntil(6);
    const replayed = Run.create(model, params, 9, [{ tick: 3, param: name, value }]);
    replayed.runUntil(6);
    expect(replayed.fingerprint()).toBe(live.fingerprint());
  });

  it("takes a vendor's new strategy the day it is made: its price moves that day", () => {
    const params = smallMarket();
    // Day 3 is no repricing day (every 7 days): without the change Cirrus keeps its price.
    const plain = Run.create(cloudMarket, params, 2);
    plain.runUntil(3);
    const before = plain.reporters()['price.v2']!;
    plain.step();
    expect(plain.reporters()['price.v2']).toBe(before);
    const changed = Run.create(cloudMarket, params, 2, [{ tick: 3, param: 'vendors#2.strategy', value: 'profit' }]);
    changed.runUntil(4);
    // Aggressive prices below cost; profit prices at cost plus its margin.
    expect(changed.reporters()['price.v2']!).toBeGreaterThan(1.2 * before);
  });

  it('records a change made twice at one tick once, with its last value', () => {
    const run = Run.create(cloudMarket, smallMarket(), 1);
    run.runUntil(2);
    run.setLiveParams({ 'vendors#1.margin': 10 });
    run.setLiveParams({ 'vendors#1.margin': 12 });
    run.setLiveParams({ choiceNoise: 0.3 });
    expect(run.timedChanges).toEqual([
      { tick: 2, param: 'vendors#1.margin', value: 12 },
      { tick: 2, param: 'choiceNoise', value: 0.3 },
    ]);
  });

  it('applies a change scheduled for the current tick before one made live at it', () => {
    const run = Run.create(cloudMarket, smallMarket(), 1, [{ tick: 2, param: 'choiceNoise', value: 0.9 }]);
    run.runUntil(2);
    run.setLiveParams({ choiceNoise: 0.2 });
    expect(run.params.choiceNoise).toBe(0.2);
    const list: TimedChange[] = [{ tick: 2, param: 'choiceNoise', value: 0.9 }];
    recordChange(list, { tick: 1, param: 'vendors#0.margin', value: 3 });
    expect(list.map((c) => c.tick)).toEqual([1, 2]);
    expect(run.timedChanges).toEqual([{ tick: 2, param: 'choiceNoise', value: 0.2 }]);
  });
});

describe('timed changes in experiments', () => {
  it('are replayed in every run of an experiment on the scenario', () => {
    const small = JSON.parse(readFileSync('tests/fixtures/experiments/small.json', 'utf8'));
    const changes = [{ tick: 100, param: 'vendors#0.strategy', value: 'aggressive' }];
    const lastRow = (document: unknown) => {
      const prepared = prepareExperiment(document, findModel);
      if (!prepared.ok) throw new Error(prepared.errors.join('; '));
      const task = runTask(prepared.value.plan, 0);
      const outcome = executeRun(prepared.value.plan.model, prepared.value.settings, task);
      if (outcome.status !== 'ok') throw new Error(outcome.error);
      const direct = Run.create(cloudMarket, task.params, task.seed, task.changes);
      direct.runUntil(prepared.value.settings.horizon);
      const values = direct.reporters();
      expect(outcome.rows.at(-1)!.values).toEqual(prepared.value.settings.reporters.map((r) => values[r] ?? null));
      return outcome.rows.at(-1)!.values;
    };
    const withChanges = lastRow({ ...small, scenario: { ...small.scenario, version: 2, changes } });
    expect(withChanges).not.toEqual(lastRow(small));
  });
});

describe('parameters in force', () => {
  it('reads a path and applies the changes up to a tick', () => {
    const params = smallMarket();
    const changes: TimedChange[] = [
      { tick: 5, param: 'vendors#2.strategy', value: 'profit' },
      { tick: 9, param: 'vendors#2.strategy', value: 'follow' },
    ];
    expect(readPath(paramsAt(cloudMarket.params, params, changes, 4), 'vendors#2.strategy')).toBe('aggressive');
    expect(readPath(paramsAt(cloudMarket.params, params, changes, 5), 'vendors#2.strategy')).toBe('profit');
    expect(readPath(paramsAt(cloudMarket.params, params, changes, 100), 'vendors#2.strategy')).toBe('follow');
    expect(readPath(params, 'choiceNoise')).toBe(0.5);
    expect(readPath(params, 'vendors#99.strategy')).toBeUndefined();
  });

  it('leaves out changes whose row is gone or whose tick is past the horizon', () => {
    const params = smallMarket();
    const without = { ...params, vendors: { nextId: 5, rows: [] } } as Params;
    const changes: TimedChange[] = [
      { tick: 5, param: 'vendors#2.strategy', value: 'profit' },
      { tick: 400, param: 'choiceNoise', value: 1 },
      { tick: 6, param: 'choiceNoise', value: 1 },
    ];
    expect(applicableChanges(cloudMarket, without, changes)).toEqual([changes[2]]);
  });
});

describe('timed changes in links and files', () => {
  const params = smallMarket();
  const changes: TimedChange[] = [
    { tick: 0, param: 'switchingCost', value: 0 },
    { tick: 200, param: 'vendors#2.strategy', value: 'profit' },
    { tick: 200, param: 'vendors#2.margin', value: 55.5 },
  ];

  it('round-trip through a share link', async () => {
    const link = await encodeScenarioLink(createScenario(cloudMarket, 7, params, { onlyChanged: true, changes }));
    const decoded = await decodeScenarioLink(link);
    const parsed = decoded.ok ? parseScenario(decoded.document, findModel) : null;
    expect(parsed?.ok && parsed.value.changes).toEqual(changes);
  });

  it('round-trip through a file, and a scenario without any writes none', () => {
    const file = JSON.stringify(createScenario(cloudMarket, 7, params, { changes }), null, 2);
    const parsed = parseScenario(migrateScenario(JSON.parse(file)).ok && JSON.parse(file), findModel);
    expect(parsed.ok && parsed.value.changes).toEqual(changes);
    expect('changes' in createScenario(cloudMarket, 7, params)).toBe(false);
  });

  it('opens a version 1 scenario (no timed changes) as it is', () => {
    const v1 = { format: 'agora-scenario', version: 1, model: 'cloud-market', modelVersion: 1, seed: 3, params: {} };
    const migrated = migrateScenario(v1);
    expect(migrated.ok && migrated.document).toEqual(v1);
    const parsed = parseScenario(v1, findModel);
    expect(parsed.ok && parsed.value.changes).toEqual([]);
  });
});

describe('hostile timed changes', () => {
  const params = smallMarket();
  const doc = (changes: unknown) => ({
    format: 'agora-scenario',
    version: 2,
    model: 'cloud-market',
    modelVersion: cloudMarket.version,
    seed: 1,
    params: { customers: 300, years: 1 },
    changes,
  });

  it.each([
    ['an unknown parameter', [{ tick: 1, param: 'nope', value: 1 }], /changes\[0\]\.param: nope: unknown parameter/],
    [
      'a parameter applied at Setup',
      [{ tick: 1, param: 'customers', value: 200 }],
      /customers: takes effect at the next Setup/,
    ],
    [
      'a table cell applied at Setup',
      [{ tick: 1, param: 'vendors#2.quality', value: 1 }],
      /vendors#2\.quality: takes effect at the next Setup/,
    ],
    ['a whole table', [{ tick: 1, param: 'vendors', value: {} }], /a table: change one of its cells/],
    ['a row that does not exist', [{ tick: 1, param: 'vendors#42.strategy', value: 'profit' }], /no row with id 42/],
    ['a column that does not exist', [{ tick: 1, param: 'vendors#2.colour', value: 'x' }], /has no such column/],
    ['a bad value', [{ tick: 1, param: 'vendors#2.strategy', value: 'bribery' }], /must be one of profit/],
    ['a value out of range', [{ tick: 1, param: 'choiceNoise', value: 1e9 }], /choiceNoise: must be a number/],
    ['a prototype key', [{ tick: 1, param: '__proto__', value: 1 }], /unknown parameter/],
    ['a malformed path', [{ tick: 1, param: 'vendors#x.strategy', value: 1 }], /not a parameter path/],
    ['a tick past the horizon', [{ tick: 366, param: 'choiceNoise', value: 1 }], /at most the horizon, day 365/],
    ['a negative tick', [{ tick: -1, param: 'choiceNoise', value: 1 }], /changes\[0\]\.tick: must be a whole tick/],
    ['a fractional tick', [{ tick: 1.5, param: 'choiceNoise', value: 1 }], /must be a whole tick/],
    [
      'changes out of order',
      [
        { tick: 9, param: 'choiceNoise', value: 1 },
        { tick: 2, param: 'choiceNoise', value: 1 },
      ],
      /in order of tick/,
    ],
    ['an extra key', [{ tick: 1, param: 'choiceNoise', value: 1, when: 'now' }], /unknown key in a timed change/],
    ['not a list', { tick: 1 }, /must be a list of timed changes/],
  ])('refuses %s with a message naming it', (_, changes, message) => {
    const r = parseScenario(doc(changes), findModel);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0].message).toMatch(message);
  });

  it(`refuses more than ${MAX_TIMED_CHANGES} changes, in a scenario and in a run`, () => {
    const many = Array.from({ length: MAX_TIMED_CHANGES + 1 }, (_, i) => ({
      tick: Math.floor(i / 2),
      param: 'choiceNoise',
      value: 0.5,
    }));
    const r = checkTimedChanges(cloudMarket, params, many);
    expect(!r.ok && r.errors[0].message).toMatch(`at most ${MAX_TIMED_CHANGES} timed changes`);
    const run = Run.create(cloudMarket, params, 1, many.slice(0, MAX_TIMED_CHANGES));
    const refused = run.setLiveParams({ 'vendors#0.margin': 3 });
    expect(!refused.ok && refused.errors[0].message).toMatch(/erase some/);
  });

  it('refuses a live change of anything but a live parameter, changing nothing', () => {
    const run = Run.create(cloudMarket, params, 1);
    const r = run.setLiveParams({ 'vendors#2.strategy': 'profit', customers: 200 });
    expect(!r.ok && r.errors.map((e) => e.message)).toEqual(['customers: takes effect at the next Setup']);
    expect(run.params).toBe(params);
    expect(run.timedChanges).toEqual([]);
  });
});

describe('a longer run', () => {
  it('takes changes past the first horizon once an earlier change moved it', () => {
    const params = smallMarket();
    const longer: TimedChange[] = [
      { tick: 365, param: 'years', value: 2 },
      { tick: 500, param: 'vendors#2.strategy', value: 'aggressive' },
    ];
    const checked = checkTimedChanges(cloudMarket, params, longer);
    expect(checked.ok).toBe(true);
    const run = Run.create(cloudMarket, params, 3, longer);
    expect(run.runUntil(800)).toBe(730);
    expect(run.params.years).toBe(2);
    // Without the move, the same change past day 365 is refused.
    const refused = checkTimedChanges(cloudMarket, params, longer.slice(1));
    expect(!refused.ok && refused.errors[0].message).toMatch(/must be at most the horizon, day 365/);
  });
});
