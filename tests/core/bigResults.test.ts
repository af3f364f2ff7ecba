/**
 * Results at the size that used to crash after every run had finished (issue 18): more than
 * ~124,000 rows were spread onto the stack when the CSV was written.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RunOutcome } from '../../src/core/experiment/execute';
import { selectedRuns, WHOLE } from '../../src/core/experiment/plan';
import { prepareExperiment } from '../../src/core/experiment/prepare';
import { mergeResults, resultsCsv } from '../../src/core/experiment/results';
import { findModel } from '../../src/models/registry';

const ROWS = 300_000;

describe('results of 300,000 rows', () => {
  it('are written as CSV, and one run with all of them too, and their shards merge', () => {
    const document = JSON.parse(readFileSync('tests/fixtures/experiments/small.json', 'utf8'));
    const prepared = prepareExperiment({ ...document, repetitions: ROWS / 6 }, findModel);
    if (!prepared.ok) throw new Error(prepared.errors.join('\n'));
    const row = { tick: 120, values: [0.5, 1, 2] };
    const many: RunOutcome[] = selectedRuns(prepared.value.plan, WHOLE).map((index) => ({
      index,
      seed: 0,
      status: 'ok',
      rows: [row],
    }));
    expect(many).toHaveLength(ROWS);
    const csv = resultsCsv({ ...prepared.value, selection: WHOLE, scenarioLink: '#s=test' }, many);
    expect(csv.split('\n').filter((l) => /^\d+,/.test(l))).toHaveLength(ROWS);

    const long = Array.from({ length: ROWS }, (_, tick) => ({ tick, values: [0, 0, 0] }));
    const one = resultsCsv(
      { ...prepared.value, selection: { limit: 1, shard: { index: 1, count: 1 } }, scenarioLink: '#s=test' },
      [{ index: 0, seed: 0, status: 'ok', rows: long }],
    );
    expect(one.split('\n').filter((l) => /^0,/.test(l))).toHaveLength(ROWS);

    const parts = [1, 2].map((index) => {
      const shard = { index, count: 2 };
      const selection = { limit: null, shard };
      const mine = many.filter((o) => o.index % 2 === index - 1);
      return {
        name: `part-${index}.csv`,
        text: resultsCsv({ ...prepared.value, selection, scenarioLink: '#s=test' }, mine),
      };
    });
    expect(mergeResults(parts)).toBe(csv);
  }, 60_000);
});
