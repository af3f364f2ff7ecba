/** The CLI as people and scripts call it: a real process, stdout, stderr and exit code. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeScenarioLink } from '../../src/core/scenarioLink';

const dir = mkdtempSync(join(tmpdir(), 'agora-cli-'));
function file(name: string, content: string | Buffer): string {
  writeFileSync(join(dir, name), content);
  return join(dir, name);
}
const KMEANS = '{"format":"agora-scenario","version":1,"model":"k-means","modelVersion":1,"seed":0';

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
      'agora: warning: This scenario was made with cloud-market version 1; this is version 3, so its numbers may differ.',
    );
    expect(JSON.parse(r.stdout)).toMatchObject({ model: 'cloud-market', modelVersion: 3, seed: 4, ticks: 3 });
  });

  it('refuses a billion ticks of flocking without --yes and, with --series, even with --yes', () => {
    const series = join(dir, 'huge-series.csv');
    const refused = agora('run', '--model', 'flocking', '--seed', '1', '--ticks', '1000000000', '--series', series);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    // The estimate's unit (days or hours) depends on the machine's speed; its being asked or refused does not.
    expect(refused.stderr).toMatch(/^agora: estimate: about [^\n]+ and .*\nagora: run: about .* is over the limit/);
    expect(existsSync(series)).toBe(false);
    const long = agora('run', '--model', 'flocking', '--seed', '1', '--ticks', '1000000000', '--json');
    expect(long.code).toBe(2);
    expect(long.stderr).toMatch(/\nagora: run: this run would take about [^\n]+ and .*; add --yes to start it\n$/);
  });

  it('estimates a run to the model’s horizon, not to a --ticks past it, and starts it silently', () => {
    // Five years of a big market, longer than the calibration sees: a billion days would be days of work.
    const started = agora(
      ...['run', '--model', 'cloud-market', '--seed', '1', '--param', 'customers=100000'],
      ...['--ticks', '1000000000', '--json'],
    );
    expect(started.stderr).toBe('');
    expect(started.code).toBe(0);
    expect(JSON.parse(started.stdout).ticks).toBe(1825);
  });

  it('asks for ten million birds at once, from smaller runs, without setting them up first', () => {
    const asked = agora('run', '--model', 'flocking', '--seed', '1', '--param', 'birds=10000000', '--ticks', '1000');
    expect(asked.code).toBe(2);
    expect(asked.stderr).toMatch(
      /\nagora: run: this run would take about [^\n]+ and .* \(approximate, from smaller runs\); add --yes to start it\n$/,
    );
  });

  it('starts a billion ticks of k-means silently: its run ends by itself, as the calibration saw', () => {
    const started = agora('run', '--model', 'k-means', '--seed', '1', '--ticks', '1000000000', '--json');
    expect(started.code).toBe(0);
    expect(started.stderr).toBe('');
    expect(JSON.parse(started.stdout).fingerprint).toBe(
      JSON.parse(agora('run', '--model', 'k-means', '--seed', '1', '--json').stdout).fingerprint,
    );
  });

  it('documents every flag in --help', () => {
    const r = agora('--help');
    expect(r.code).toBe(0);
    for (const flag of ['--model', '--scenario', '--param', '--seed', '--ticks', '--json', '--yes', '--help'])
      expect(r.stdout).toContain(flag);
  });

  it('refuses a scenario or experiment file that gives a key twice, naming the key', () => {
    const scenario = agora('run', '--scenario', file('twice.json', `${KMEANS},"seed":5}`), '--json');
    expect(scenario.code).toBe(2);
    expect(scenario.stderr).toMatch(/twice\.json gives the key "seed" twice in one object \(at line 1, column \d+\)/);
    const experiment = agora('sweep', file('twice-exp.json', '{"format":"agora-experiment","name":"a","name":"b"}'));
    expect(experiment.code).toBe(2);
    expect(experiment.stderr).toMatch(/gives the key "name" twice/);
  });

  it('reads a file with a byte-order mark like one without, and -0 as seed 0', () => {
    const plain = agora('run', '--scenario', file('plain.json', `${KMEANS}}`), '--ticks', '3', '--json');
    const bom = agora('run', '--scenario', file('bom.json', `\ufeff${KMEANS}}`), '--ticks', '3', '--json');
    const minus = agora(
      'run',
      '--scenario',
      file('minus.json', `${KMEANS.replace('"seed":0', '"seed":-0')}}`),
      '--ticks',
      '3',
      '--json',
    );
    expect(plain.code, plain.stderr).toBe(0);
    expect(bom.stdout).toBe(plain.stdout);
    expect(minus.stdout).toBe(plain.stdout);
  });

  it('never writes raw bytes or control sequences of hostile input to the terminal', () => {
    const utf16 = agora('run', '--scenario', file('\u202eutf16.json', Buffer.from(`\ufeff${KMEANS}}`, 'utf16le')));
    expect(utf16.stderr).toMatch(/\\u\{202E\}utf16\.json is not UTF-8 text \(binary, or UTF-16\?\)/);
    // The key's escapes are JSON's: the parsed key holds ESC and CSI themselves.
    const hostile = file('\u202egnp.json', `${KMEANS},"\\u001b[2J\\u009b31m":1}`);
    const r = agora('run', '--scenario', hostile);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\\u\{001B\}\[2J\\u\{009B\}31m: unknown key/);
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must not appear
    expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
  });
});
