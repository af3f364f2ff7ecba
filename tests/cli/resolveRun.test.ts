import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError, type RunArgs } from '../../src/cli/args';
import { resolveRun } from '../../src/cli/resolveRun';
import { runCommand } from '../../src/cli/runCommand';
import { encodeScenarioLink } from '../../src/core/scenarioLink';
import { defaultParams } from '../../src/core/params';
import { Run } from '../../src/core/run';
import { kMeans } from '../../src/models/kmeans';

const dir = mkdtempSync(join(tmpdir(), 'agora-cli-'));
function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}
const scenario = {
  format: 'agora-scenario',
  version: 1,
  model: 'k-means',
  modelVersion: 1,
  seed: 9,
  params: { numCentroids: 3 },
};
const args = (more: Partial<RunArgs>): RunArgs => ({ command: 'run', params: [], json: true, yes: false, ...more });

async function message(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof UsageError) return e.message;
    throw e;
  }
  throw new Error('expected a usage error');
}

describe('resolveRun', () => {
  it('takes model, params and seed from a scenario file, with --param and --seed overriding', async () => {
    const path = file('s.json', scenario);
    const r = await resolveRun(args({ scenario: path, params: [{ name: 'numCentroids', value: '5' }], seed: 4 }));
    expect(r.model.id).toBe('k-means');
    expect(r.params.numCentroids).toBe(5);
    expect(r.seed).toBe(4);
    expect((await resolveRun(args({ scenario: path }))).seed).toBe(9);
    expect((await resolveRun(args({ scenario: path }))).params.numCentroids).toBe(3);
  });

  it('takes a share link wherever it takes a scenario file', async () => {
    const link = `https://agora.example/${await encodeScenarioLink(scenario)}`;
    const r = await resolveRun(args({ scenario: link }));
    expect(r.seed).toBe(9);
    expect(r.params.numCentroids).toBe(3);
    expect(await message(() => resolveRun(args({ scenario: link.slice(0, -3) })))).toMatch(
      /^--scenario: The link is damaged/,
    );
  });

  it('warns about a scenario of another model version', async () => {
    const r = await resolveRun(args({ scenario: file('v.json', { ...scenario, modelVersion: 99 }) }));
    expect(r.warnings[0]).toMatch(/numbers may differ/);
  });

  it.each([
    [{ model: 'nope' }, /^--model must be one of k-means/],
    [{ model: 'k-means', params: [{ name: 'bogus', value: '1' }] }, /^--param: k-means has no parameter "bogus"/],
    [{ model: 'k-means', params: [{ name: '__proto__', value: '1' }] }, /has no parameter "__proto__"/],
    [
      { model: 'k-means', params: [{ name: 'numCentroids', value: 'x' }] },
      /^--param numCentroids must be an integer, got "x"$/,
    ],
    [
      { model: 'k-means', params: [{ name: 'numCentroids', value: '99' }] },
      /^--param numCentroids: must be an integer from 1 to 20, got 99$/,
    ],
    [
      { model: 'k-means', params: [{ name: 'clusterSpread', value: 'NaN' }] },
      /^--param clusterSpread must be a number/,
    ],
    [{ scenario: join(dir, 'missing.json') }, /^--scenario: cannot read .* \(no such file\)$/],
  ])('%j → a clear message', async (more, expected) => {
    expect(await message(() => resolveRun(args(more as Partial<RunArgs>)))).toMatch(expected);
  });

  it('rejects a broken or hostile scenario file', async () => {
    expect(await message(() => resolveRun(args({ scenario: file('bad.json', '{') })))).toMatch(/is not valid JSON/);
    expect(
      await message(() =>
        resolveRun(args({ scenario: file('p.json', { ...scenario, params: JSON.parse('{"__proto__": {}}') }) })),
      ),
    ).toMatch(/params.__proto__: forbidden key/);
    expect(await message(() => resolveRun(args({ scenario: file('s2.json', scenario), model: 'other' })))).toMatch(
      /disagrees/,
    );
  });
});

describe('runCommand', () => {
  it('prints exactly one JSON object whose fingerprint equals an in-process run', async () => {
    const lines: string[] = [];
    const errors: string[] = [];
    await runCommand(
      args({ model: 'k-means', seed: 3, ticks: 2 }),
      { stdout: (t) => lines.push(t), stderr: (t) => errors.push(t) },
      () => 0,
    );
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0]);
    const run = Run.create(kMeans, defaultParams(kMeans.params), 3);
    run.runUntil(2);
    expect(result).toMatchObject({
      model: 'k-means',
      modelVersion: 1,
      seed: 3,
      ticks: 2,
      fingerprint: run.fingerprint(),
    });
    expect(result.reporters).toEqual(run.reporters());
    expect(errors).toEqual([]);
  });

  it('writes every tick of the reporters to the --series CSV file', async () => {
    const path = join(dir, 'series.csv');
    const errors: string[] = [];
    await runCommand(
      args({ model: 'k-means', seed: 3, ticks: 2, series: path }),
      { stdout: () => {}, stderr: (t) => errors.push(t) },
      () => 0,
    );
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('tick,square-deviation,max-centroid-shift,empty-centroids');
    expect(lines.map((l) => l.split(',')[0])).toEqual(['tick', '0', '1', '2']);
    expect(errors).toEqual([`agora: wrote 3 rows to ${path}`]);
  });

  it('draws a seed when none is given and says which on stderr', async () => {
    const errors: string[] = [];
    const lines: string[] = [];
    await runCommand(
      args({ model: 'k-means', ticks: 0 }),
      { stdout: (t) => lines.push(t), stderr: (t) => errors.push(t) },
      () => 77,
    );
    expect(JSON.parse(lines[0]).seed).toBe(77);
    expect(errors).toEqual(['agora: no seed given; using --seed 77']);
  });
});
