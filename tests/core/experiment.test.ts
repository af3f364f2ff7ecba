/** Experiments: parsing, canonical order, seeds, results bytes, shards and merging. */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { executeRun, runTask, type RunOutcome } from '../../src/core/experiment/execute';
import { plannedRun, runCount, selectedRuns, WHOLE } from '../../src/core/experiment/plan';
import { prepareExperiment, type PreparedExperiment } from '../../src/core/experiment/prepare';
import { mergeResults, resultsCsv } from '../../src/core/experiment/results';
import { parseExperiment, rangeValues } from '../../src/core/experiment/schema';
import { findModel } from '../../src/models/registry';

const small = () => JSON.parse(readFileSync('tests/fixtures/experiments/small.json', 'utf8'));
/** The small experiment varying choiceNoise only, in the way given. */
const variation = (fields: object) => ({ ...small(), vary: [{ param: 'choiceNoise', ...fields }] });

function prepare(document: unknown): PreparedExperiment {
  const r = prepareExperiment(document, findModel);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.value;
}

/** Every run of the small experiment, executed once and shared by the tests below. */
const prepared = prepare(small());
const outcomes: RunOutcome[] = selectedRuns(prepared.plan, WHOLE).map((i) =>
  executeRun(prepared.plan.model, prepared.settings, runTask(prepared.plan, i)),
);
const csv = (selection = WHOLE, list: readonly RunOutcome[] = outcomes) =>
  resultsCsv({ ...prepared, selection, scenarioLink: '#s=test' }, list);

describe('experiment documents', () => {
  it('names the field of every problem and never throws', () => {
    const doc = small();
    doc.vary[0].values = ['profit', 'telepathy'];
    doc.vary[1].param = 'noSuchParam';
    doc.repetitions = 0;
    const r = parseExperiment(doc, findModel);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toMatch(/repetitions/);
    const r2 = parseExperiment(
      {
        ...small(),
        vary: [
          { param: 'noSuchParam', values: [1] },
          { param: 'vendors#99.strategy', values: ['profit'] },
        ],
      },
      findModel,
    );
    expect(r2.ok).toBe(false);
    if (!r2.ok) {
      expect(r2.errors[0]).toMatch(/vary\[0\]\.param: unknown parameter "noSuchParam"/);
      expect(r2.errors[1]).toMatch(/no row with id 99/);
    }
    const r3 = parseExperiment(
      { ...small(), vary: [{ param: 'vendors#2.strategy', values: ['profit', 'telepathy'] }] },
      findModel,
    );
    expect(r3.ok).toBe(false);
    fc.assert(fc.property(fc.anything(), (junk) => parseExperiment(junk, findModel).ok === false));
  });

  it.each([
    ['a list', () => [], 'experiment: must be a JSON object'],
    ['an unknown key', () => ({ ...small(), colour: 'red' }), 'colour: unknown key in experiment'],
    ['no name', () => ({ ...small(), name: undefined }), 'name: must be a text of 1 to 200 characters'],
    ['a newer version', () => ({ ...small(), version: 2 }), 'version: is 2, made by a newer Agora'],
    ['a scenario that is a list', () => ({ ...small(), scenario: [] }), 'scenario: must be a JSON object'],
    ['a scenario of an unknown model', (d = small()) => ({ ...d, scenario: { ...d.scenario, model: 'x' } }), 'x"'],
    ['values and range', () => variation({ values: [0.3], range: { from: 0, to: 1, step: 1 } }), 'not both'],
    ['neither values nor range', () => variation({}), 'vary[0]: needs values (a list) or range'],
    ['a backwards range', () => variation({ range: { from: 1, to: 0, step: 1 } }), 'vary[0].range: needs from ≤ to'],
    ['a value that is an object', () => variation({ values: [{}] }), 'vary[0].values[0]: must be a number, a text'],
    ['an unknown key of a variation', () => variation({ values: [0.3], by: 1 }), 'vary[0].by: unknown key'],
    ['a stop without threshold', () => ({ ...small(), stop: { reporter: 'hhi' } }), 'stop: needs a threshold'],
    ['a reporter that is no text', () => ({ ...small(), record: { reporters: [1] } }), 'record.reporters[0]: must'],
  ])('refuses %s with a message naming the field', (_, doc, message) => {
    const r = parseExperiment(doc(), findModel);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toContain(message);
  });

  it('keeps the document as written, so its hash does not change', () => {
    const r = parseExperiment(small(), findModel);
    expect(r.ok && JSON.stringify(r.value.experiment)).toBe(JSON.stringify(small()));
  });

  it('expands ranges with the same decimals everywhere', () => {
    expect(rangeValues(0.1, 0.5, 0.1)).toEqual([0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(rangeValues(1, 10, 4)).toEqual([1, 5, 9]);
  });
});

describe('the canonical order and its seeds', () => {
  it('puts the first variation outermost and repetitions innermost', () => {
    expect(runCount(prepared.plan)).toBe(12);
    const runs = Array.from({ length: 12 }, (_, i) => plannedRun(prepared.plan, i));
    expect(
      runs.map((r) => `${r.values['vendors#2.strategy']}/${r.values.choiceNoise}/${r.repetition}`).slice(0, 5),
    ).toEqual(['profit/0.3/0', 'profit/0.3/1', 'profit/0.6/0', 'profit/0.6/1', 'aggressive/0.3/0']);
  });

  it('gives compared arms the same seeds (common random numbers) and other settings other seeds', () => {
    const seedOf = (i: number) => plannedRun(prepared.plan, i).seed;
    expect(seedOf(0)).toBe(seedOf(4)); // profit vs aggressive, noise 0.3, repetition 0
    expect(seedOf(0)).toBe(seedOf(8));
    expect(seedOf(0)).not.toBe(seedOf(1)); // another repetition
    expect(seedOf(0)).not.toBe(seedOf(2)); // another noise
  });

  it('keeps every other run’s seed when a setting is added', () => {
    const wider = small();
    wider.vary[1].values = [0.3, 0.45, 0.6];
    const plan2 = prepare(wider).plan;
    const seeds = (plan: PreparedExperiment['plan']) =>
      new Map(
        Array.from({ length: runCount(plan) }, (_, i) => plannedRun(plan, i)).map((r) => [
          JSON.stringify([r.values, r.repetition]),
          r.seed,
        ]),
      );
    const before = seeds(prepared.plan);
    const after = seeds(plan2);
    expect(after.size).toBe(18);
    for (const [key, seed] of before) expect(after.get(key)).toBe(seed);
  });
});

describe('results', () => {
  it('are the same bytes whatever order the runs finish in', () => {
    const reference = csv();
    fc.assert(
      fc.property(
        fc.shuffledSubarray(outcomes, { minLength: outcomes.length, maxLength: outcomes.length }),
        (shuffled) => csv(WHOLE, shuffled) === reference,
      ),
      { numRuns: 20 },
    );
  });

  it('from 3 shards merge into exactly the unsharded bytes; bad sets of parts are refused', () => {
    const part = (index: number, count = 3) => {
      const selection = { limit: null, shard: { index, count } };
      const mine = new Set(selectedRuns(prepared.plan, selection));
      return {
        name: `part-${index}.csv`,
        text: csv(
          selection,
          outcomes.filter((o) => mine.has(o.index)),
        ),
      };
    };
    const parts = [part(3), part(1), part(2)];
    expect(mergeResults(parts)).toBe(csv());
    expect(() => mergeResults([part(1), part(2)])).toThrow(/missing shard 3\/3/);
    expect(() => mergeResults([part(1), part(1), part(2), part(3)])).toThrow(/shard 1\/3 given twice/);
    const foreign = { name: 'other.csv', text: part(2).text.replace(/# limit: all/, '# limit: 5') };
    expect(() => mergeResults([part(1), foreign, part(3)])).toThrow(/foreign part/);
    const truncated = { name: 'cut.csv', text: part(2).text.split('\n').slice(0, -4).join('\n') + '\n' };
    expect(() => mergeResults([part(1), truncated, part(3)])).toThrow(/cut short/);
  });

  it('notices a part edited after its sweep wrote it, by the check in its header', () => {
    const part = (index: number) => {
      const selection = { limit: null, shard: { index, count: 2 } };
      const mine = new Set(selectedRuns(prepared.plan, selection));
      return {
        name: `part-${index}.csv`,
        text: csv(
          selection,
          outcomes.filter((o) => mine.has(o.index)),
        ),
      };
    };
    const [one, two] = [part(1), part(2)];
    expect(one.text).toMatch(/^# check: [0-9a-f]{16}$/m);
    expect(csv()).not.toMatch(/^# check:/m);
    // One digit of one value changed, as a spreadsheet or a hand might.
    const edited = {
      ...two,
      text: two.text.replace(/^(1,\d+,)(\d)/m, (_, lead, d) => `${lead}${(Number(d) + 1) % 10}`),
    };
    expect(edited.text).not.toBe(two.text);
    expect(() => mergeResults([one, edited])).toThrow(/part-2\.csv was edited after its sweep wrote it/);
    // A part saved with a byte-order mark, and a part written before checks existed, still merge.
    const withBom = { ...two, text: `\ufeff${two.text}` };
    const unchecked = { ...one, text: one.text.replace(/^# check: .*\n/m, '') };
    expect(mergeResults([unchecked, withBom])).toBe(csv());
  });

  it('applies --limit before sharding', () => {
    const limited = { limit: 5, shard: { index: 2, count: 2 } };
    expect(selectedRuns(prepared.plan, limited)).toEqual([1, 3]);
  });

  it('records every N ticks and the final tick, with the provenance header and each run’s seed', () => {
    const text = csv();
    const lines = text.split('\n');
    expect(lines[0]).toBe('# agora-results 1');
    expect(text).toMatch(/^# experiment: [0-9a-f]{16} \{/m);
    expect(text).not.toMatch(/\d{4}-\d\d-\d\dT|hostname|workers/);
    const header = lines.find((l) => l.startsWith('run,'))!;
    expect(header).toBe(
      'run,repetition,seed,vendors#2.strategy,choiceNoise,status,tick,share.v2,cumulativeProfit.v2,hhi,error',
    );
    const run0 = lines.filter((l) => l.startsWith('0,'));
    expect(run0.map((l) => l.split(',')[6])).toEqual(['120', '240', '360', '365']);
    expect(run0[0].split(',')[2]).toBe(String(plannedRun(prepared.plan, 0).seed));
  });

  it('records a failing run with its cause and goes on', () => {
    const task = { ...runTask(prepared.plan, 0), params: { ...prepared.plan.baseParams, customers: -5 } };
    const outcome = executeRun(prepared.plan.model, prepared.settings, task);
    expect(outcome.status).toBe('failed');
    if (outcome.status === 'failed') expect(outcome.error).toMatch(/customers/);
  });
});
