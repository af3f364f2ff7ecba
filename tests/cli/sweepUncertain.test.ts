/**
 * `agora sweep` of an experiment with uncertain inputs: the values drawn for each run are written
 * beside its varied values, and are the same on 2 worker processes as in 3 merged shards.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs, type MergeArgs, type SweepArgs } from '../../src/cli/args';
import { mergeCommand, sweepCommand } from '../../src/cli/sweepCommand';

const EXPERIMENT = 'tests/fixtures/experiments/uncertain.json';
const quiet = { stdout: () => {}, stderr: () => {} };
const dir = mkdtempSync(join(tmpdir(), 'agora-uncertain-'));
const file = (name: string) => join(dir, name);

describe('agora sweep with uncertain inputs', () => {
  it('writes each run’s drawn values, identical on 2 worker processes and in 3 merged shards', async () => {
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'sweep', EXPERIMENT, '--workers', '2', '--out', file('two.csv')],
      { encoding: 'utf8' },
    );
    expect(r.status, r.stderr).toBe(0);
    for (const i of [1, 2, 3]) {
      const args = parseArgs(['sweep', EXPERIMENT, '--workers', '1', '--shard', `${i}/3`, '--out', file(`p${i}.csv`)]);
      await sweepCommand(args as SweepArgs, quiet);
    }
    mergeCommand(
      parseArgs(['merge', file('p3.csv'), file('p1.csv'), file('p2.csv'), '--out', file('m.csv')]) as MergeArgs,
      quiet,
    );
    const whole = readFileSync(file('two.csv'), 'utf8');
    expect(readFileSync(file('m.csv'), 'utf8')).toBe(whole);
    const lines = whole.split('\n');
    const columns = lines.find((l) => l.startsWith('run,'))!.split(',');
    expect(columns.slice(3, 6)).toEqual(['vendors#2.strategy', 'growth', 'vendors#0.strategy']);
    const runs = lines.filter((l) => /^\d+,/.test(l)).map((l) => l.split(','));
    expect(runs).toHaveLength(8);
    const growth = runs.map((cells) => Number(cells[4]));
    expect(growth.every((g) => g >= 5 && g < 45)).toBe(true);
    // Repetition k of both strategies meets the same draws; the 4 repetitions differ.
    expect(runs.slice(0, 4).map((c) => c.slice(4, 6))).toEqual(runs.slice(4, 8).map((c) => c.slice(4, 6)));
    expect(new Set(growth).size).toBe(4);
  });
});
