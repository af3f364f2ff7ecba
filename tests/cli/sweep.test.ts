/**
 * `agora sweep` / `agora merge`: one end-to-end case as a real process on a pool of worker
 * processes, whose bytes the in-process sweep, and 3 shards merged, must equal; GNU parallel over
 * local shards; the Kubernetes Job's command for each index. The pool itself is tested in-process
 * (tests/worker/experimentPool.test.ts, tests/cli/sweepPool.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs, type MergeArgs, type SweepArgs } from '../../src/cli/args';
import { mergeCommand, sweepCommand } from '../../src/cli/sweepCommand';

const EXPERIMENT = 'tests/fixtures/experiments/small.json';

function agora(...argv: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...argv], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const quiet = { stdout: () => {}, stderr: () => {} };
/** `agora sweep …` in this process, on one worker: runs in-process, no pool. */
const sweep = (...argv: string[]) => sweepCommand(parseArgs(['sweep', ...argv, '--workers', '1']) as SweepArgs, quiet);
const merge = (...argv: string[]) => mergeCommand(parseArgs(['merge', ...argv]) as MergeArgs, quiet);

const dir = mkdtempSync(join(tmpdir(), 'agora-sweep-'));
const file = (name: string) => join(dir, name);
const hasParallel = spawnSync('parallel', ['--version'], { encoding: 'utf8' }).status === 0;

describe('agora sweep and merge', () => {
  it('writes the same bytes on 2 worker processes as in-process, and 3 merged shards equal them', async () => {
    const two = agora('sweep', EXPERIMENT, '--workers', '2', '--out', file('two.csv'));
    expect(two.code, two.stderr).toBe(0);
    expect(two.stderr).toMatch(/on 2 workers\n(.*\n)*agora: 12\/12 runs/);
    await sweep(EXPERIMENT, '--out', file('one.csv'));
    const one = readFileSync(file('one.csv'), 'utf8');
    expect(one).toMatch(/^# shard: 1\/1$/m);
    expect(one.split('\n').filter((l) => /^\d+,/.test(l)).length).toBeGreaterThan(12);
    expect(readFileSync(file('two.csv'), 'utf8')).toBe(one);
    for (const i of [1, 2, 3]) await sweep(EXPERIMENT, '--shard', `${i}/3`, '--out', file(`part-${i}.csv`));
    expect(readFileSync(file('part-1.csv'), 'utf8')).not.toBe(one);
    merge(file('part-2.csv'), file('part-3.csv'), file('part-1.csv'), '--out', file('merged.csv'));
    expect(readFileSync(file('merged.csv'), 'utf8')).toBe(one);
    expect(() => merge(file('part-1.csv'), file('part-3.csv'))).toThrow(/missing shard 2\/3/);
  });

  it('--limit takes the first N runs of the canonical order before sharding', async () => {
    await sweep(EXPERIMENT, '--limit', '3', '--shard', '2/2', '--out', file('limited.csv'));
    const csv = readFileSync(file('limited.csv'), 'utf8');
    const runs = csv
      .split('\n')
      .filter((l) => /^\d+,/.test(l))
      .map((l) => l.split(',')[0]);
    expect([...new Set(runs)]).toEqual(['1']);
    expect(csv).toMatch(/^# limit: 3$/m);
  });

  it('answers bad flags and bad experiments with one clear message', async () => {
    expect(() => sweep(EXPERIMENT, '--shard', '0/3')).toThrow(/--shard must be i\/n with 1 ≤ i ≤ n/);
    expect(() => sweep(EXPERIMENT, '--shard', '4/3')).toThrow(/--shard must be i\/n/);
    await expect(sweep('no-such.json')).rejects.toThrow(/no such file/);
    await expect(sweep('package.json')).rejects.toThrow(/not a valid experiment/);
  });

  // Reported as skipped (not passed) where `parallel` is absent; .ci/run installs it.
  it.skipIf(!hasParallel)(
    'runs local shards with GNU parallel and merges them to the unsharded bytes (skipped without `parallel`)',
    { timeout: 180_000 },
    () => {
      const r = spawnSync('bash', ['docs/cluster/parallel.sh', EXPERIMENT, '3', file('parallel.csv')], {
        encoding: 'utf8',
      });
      expect(r.status, r.stderr).toBe(0);
      expect(readFileSync(file('parallel.csv'), 'utf8')).toBe(readFileSync(file('one.csv'), 'utf8'));
    },
  );

  it("renders the Kubernetes Indexed Job's command for every index", () => {
    const yaml = readFileSync('docs/cluster/sweep-job.yaml', 'utf8');
    const command = /# agora-shard-command[^\n]*\n\s*- (.+)\n/.exec(yaml)![1];
    const shards = Number(/name: SHARDS\n\s*value: "(\d+)"/.exec(yaml)![1]);
    expect(Number(/completions: (\d+)/.exec(yaml)![1])).toBe(shards);
    for (let index = 0; index < shards; index++) {
      const rendered = spawnSync('sh', ['-c', `echo ${command}`], {
        encoding: 'utf8',
        env: {
          ...process.env,
          JOB_COMPLETION_INDEX: String(index),
          SHARDS: String(shards),
          EXPERIMENT: '/experiments/e.json',
          OUT_DIR: '/results',
        },
      }).stdout.trim();
      expect(rendered).toBe(
        `npm run -s agora -- sweep /experiments/e.json --shard ${index + 1}/${shards} --out /results/part-${index + 1}.csv`,
      );
    }
  });
});
