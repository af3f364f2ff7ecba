/** The CLI as people and scripts call it: a real process, stdout, stderr and exit code. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { encodeScenarioLink } from '../../src/core/scenarioLink';

function agora(...argv: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...argv], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('agora CLI', () => {
  it('prints the same fingerprint twice for --seed 1 and another for --seed 2', () => {
    const a = agora('run', '--model', 'k-means', '--seed', '1', '--json');
    const b = agora('run', '--model', 'k-means', '--seed', '1', '--json');
    const c = agora('run', '--model', 'k-means', '--seed', '2', '--json');
    expect(a.code).toBe(0);
    expect(a.stderr).toBe('');
    const [ra, rb, rc] = [a, b, c].map((r) => JSON.parse(r.stdout));
    expect(ra.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(rb.fingerprint).toBe(ra.fingerprint);
    expect(rc.fingerprint).not.toBe(ra.fingerprint);
    expect(Object.keys(ra)).toEqual(
      expect.arrayContaining(['model', 'modelVersion', 'seed', 'ticks', 'fingerprint', 'reporters']),
    );
  });

  it('answers a bad value with one line on stderr, exit code 2 and nothing on stdout', () => {
    const r = agora('run', '--model', 'k-means', '--seed', '-1', '--json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual(['agora: --seed must be an integer from 0 to 4294967295, got "-1"']);
  });

  it('runs a link made with an older model version on the current one, with a notice on stderr', async () => {
    const v1 = { format: 'agora-scenario', version: 1, model: 'cloud-market', modelVersion: 1, seed: 4 };
    const link = `https://agora.example/${await encodeScenarioLink({ ...v1, params: { customers: 200 } })}`;
    const r = agora('run', '--scenario', link, '--ticks', '3', '--json');
    expect(r.code).toBe(0);
    expect(r.stderr.trim()).toBe(
      'agora: warning: This scenario was made with cloud-market version 1; this is version 2, so its numbers may differ.',
    );
    expect(JSON.parse(r.stdout)).toMatchObject({ model: 'cloud-market', modelVersion: 2, seed: 4, ticks: 3 });
  });

  it('documents every flag in --help', () => {
    const r = agora('--help');
    expect(r.code).toBe(0);
    for (const flag of ['--model', '--scenario', '--param', '--seed', '--ticks', '--json', '--help'])
      expect(r.stdout).toContain(flag);
  });
});
