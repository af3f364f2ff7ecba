/** `agora compare` as scripts call it: its fingerprints are those of `agora run` of the base and of the forked scenario. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeComparisonLink } from '../../src/core/comparisonLink';

const dir = mkdtempSync(join(tmpdir(), 'agora-compare-'));
function file(name: string, content: unknown): string {
  writeFileSync(join(dir, name), JSON.stringify(content));
  return join(dir, name);
}
function agora(...argv: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...argv], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
function json(...argv: string[]) {
  const r = agora(...argv, '--json');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

const BASE = {
  format: 'agora-scenario',
  version: 2,
  model: 'cloud-market',
  modelVersion: 3,
  seed: 11,
  params: { customers: 400, years: 1 },
  changes: [{ tick: 50, param: 'choiceNoise', value: 0.8 }],
};
const comparison = (fork: unknown) => ({ format: 'agora-comparison', version: 1, base: BASE, fork });

describe('agora compare', () => {
  it('gives equal fingerprints and no difference for a fork without changes', () => {
    const r = json('compare', '--scenario', file('same.json', comparison({ day: 30 })), '--ticks', '90');
    expect(r.base.ticks).toBe(90);
    expect(r.fork.fingerprint).toBe(r.base.fingerprint);
    expect(Object.values(r.difference).every((d) => d === null || d === 0)).toBe(true);
    expect(r.base.fingerprint).toBe(json('run', '--scenario', file('base.json', BASE), '--ticks', '90').fingerprint);
  });

  it('prints the fingerprints agora run gives for the base and for the forked scenario, from a file or a link', async () => {
    const doc = comparison({ day: 30, changes: [{ tick: 40, param: 'vendors#2.strategy', value: 'profit' }] });
    const r = json('compare', '--scenario', file('fork.json', doc), '--ticks', '90');
    expect(r.forkDay).toBe(30);
    const forked = { ...BASE, changes: [{ tick: 40, param: 'vendors#2.strategy', value: 'profit' }, ...BASE.changes] };
    const base = json('run', '--scenario', file('base.json', BASE), '--ticks', '90');
    const alone = json('run', '--scenario', file('forked.json', forked), '--ticks', '90');
    expect(r.base.fingerprint).toBe(base.fingerprint);
    expect(r.fork.fingerprint).toBe(alone.fingerprint);
    expect(r.fork.fingerprint).not.toBe(r.base.fingerprint);
    expect(r.fork.reporters).toEqual(alone.reporters);
    expect(r.difference['share.v2']).toBe(alone.reporters['share.v2'] - base.reporters['share.v2']);
    const viaLink = json(
      'compare',
      '--scenario',
      `https://agora.example/${await encodeComparisonLink(doc)}`,
      '--ticks',
      '90',
    );
    expect(viaLink).toEqual(r);
  });

  it('runs a fork with Setup parameters as the scenario with them', () => {
    const events = JSON.parse(readFileSync('whatifs/supply-shock-a-year-earlier.json', 'utf8')).fork.params.events;
    const shockEarly = { ...events, rows: [{ ...events.rows[0], day: 20 }] };
    const r = json(
      'compare',
      '--scenario',
      file('setup.json', comparison({ day: 0, params: { events: shockEarly } })),
      '--ticks',
      '60',
    );
    const alone = json(
      'run',
      '--scenario',
      file('early.json', { ...BASE, params: { ...BASE.params, events: shockEarly } }),
      '--ticks',
      '60',
    );
    expect(r.fork.fingerprint).toBe(alone.fingerprint);
    expect(r.fork.fingerprint).not.toBe(r.base.fingerprint);
  });

  it('prints a table of both runs and the difference, and refuses a bad comparison with one line', () => {
    const text = agora('compare', '--scenario', 'whatifs/cirrus-ends-price-war.json', '--ticks', '400');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('What if Cirrus ends its price war in year 2?');
    expect(text.stdout).toContain('fork at day 365: vendors#2.strategy = "profit" at tick 365');
    expect(text.stdout).toMatch(/^ {2}share\.v2 +[\d.]+ +[\d.]+ +-?[\d.e-]+$/m);
    const bad = agora('compare', '--scenario', file('bad.json', comparison({ day: 10, params: { customers: 5 } })));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^agora: --scenario: fork\.params: change only at Setup/);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(agora('compare', '--scenario', 'whatifs/cirrus-ends-price-war.json', '--ticks', '100').stderr).toMatch(
      /--ticks 100 is before the fork day 365/,
    );
  });
});
