/**
 * A sweep keeps its finished runs as it goes: an interrupted sweep resumes without rerunning
 * them and writes the same bytes as an uninterrupted one; an --out that cannot be written is
 * refused before any run; --workers is clamped to the machine; big sweeps need --yes.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs, type SweepArgs } from '../../src/cli/args';
import { sweepCommand } from '../../src/cli/sweepCommand';

const EXPERIMENT = 'tests/fixtures/experiments/small.json';
const dir = mkdtempSync(join(tmpdir(), 'agora-resume-'));
const file = (name: string) => join(dir, name);

/** `agora sweep …` in this process; `onLine` sees each stderr line as it is written. */
async function sweep(argv: string[], onLine: (line: string) => void = () => {}): Promise<string[]> {
  const lines: string[] = [];
  await sweepCommand(parseArgs(['sweep', ...argv]) as SweepArgs, {
    stdout: () => {},
    stderr: (line) => {
      lines.push(line);
      onLine(line);
    },
  });
  return lines;
}

describe('agora sweep, interrupted and resumed', () => {
  it('keeps runs as they finish and resumes without rerunning them, byte-identical', async () => {
    const out = file('whole.csv');
    let journal = '';
    // When the last run is reported, every run is in the journal and the results are not yet written.
    await sweep([EXPERIMENT, '--workers', '1', '--out', out], (line) => {
      if (line.includes('12/12 runs')) journal = readFileSync(`${out}.partial`, 'utf8');
    });
    const whole = readFileSync(out, 'utf8');
    expect(existsSync(`${out}.partial`)).toBe(false);
    const [name, ...runs] = journal.trimEnd().split('\n');
    expect(runs).toHaveLength(12);

    // As if killed after 5 runs, in the middle of writing the sixth.
    const resumed = file('resumed.csv');
    writeFileSync(`${resumed}.partial`, [name, ...runs.slice(0, 5), runs[5].slice(0, 40)].join('\n'));
    const log = await sweep([EXPERIMENT, '--workers', '1', '--out', resumed, '--resume']);
    expect(log.join('\n')).toContain('5 kept from the interrupted sweep, 7 to run');
    expect(readFileSync(resumed, 'utf8')).toBe(whole);
    expect(existsSync(`${resumed}.partial`)).toBe(false);

    // Kept runs are taken as they are, not run again: a value changed in the journal shows in the results.
    const doctored = JSON.parse(runs[0]) as { rows: { values: (number | null)[] }[] };
    doctored.rows[0].values[0] = 12345.678;
    const again = file('doctored.csv');
    writeFileSync(`${again}.partial`, [name, JSON.stringify(doctored)].join('\n') + '\n');
    await sweep([EXPERIMENT, '--workers', '1', '--out', again, '--resume']);
    expect(readFileSync(again, 'utf8')).toContain('12345.678');
  });

  it('refuses to start over an interrupted sweep, or to resume another sweep', async () => {
    const out = file('other.csv');
    writeFileSync(`${out}.partial`, 'agora-sweep 0.0.0 0000 limit none shard 1/1\n');
    await expect(sweep([EXPERIMENT, '--workers', '1', '--out', out])).rejects.toThrow(/add --resume to continue/);
    await expect(sweep([EXPERIMENT, '--workers', '1', '--out', out, '--resume'])).rejects.toThrow(
      /journal of another sweep/,
    );
    await expect(sweep([EXPERIMENT, '--workers', '1', '--resume'])).rejects.toThrow(/--resume needs --out/);
    await expect(sweep([EXPERIMENT, '--workers', '1', '--out', file('none.csv'), '--resume'])).rejects.toThrow(
      /no interrupted sweep to resume/,
    );
  });

  it('refuses an --out it cannot write before any run', async () => {
    const lines: string[] = [];
    await expect(
      sweep([EXPERIMENT, '--workers', '1', '--out', join(dir, 'no-such-dir', 'r.csv')], (l) => lines.push(l)),
    ).rejects.toThrow(/--out: cannot write .*no-such-dir.*ENOENT/);
    expect(lines.filter((l) => /runs,|estimate/.test(l))).toEqual([]);
  });

  it('clamps --workers to the cores of the machine, with a notice', async () => {
    const lines = await sweep([EXPERIMENT, '--workers', '256', '--limit', '1', '--out', file('clamped.csv')]);
    expect(lines).toContain(
      `agora: --workers 256 is more than this machine's ${availableParallelism()} cores: using ${availableParallelism()}`,
    );
  });

  it('estimates a long sweep and starts it only with --yes', async () => {
    const experiment = JSON.parse(readFileSync(EXPERIMENT, 'utf8')) as Record<string, unknown>;
    const long = file('long.json');
    // 6 settings × 166,666 repetitions: a million runs, days of work. (A horizon of 10^8 days
    // is no longer enough: the market's runs end at their own horizon of a year, as calibrated.)
    writeFileSync(long, JSON.stringify({ ...experiment, repetitions: 166_666 }));
    const lines: string[] = [];
    await expect(sweep([long, '--workers', '1', '--out', file('long.csv')], (l) => lines.push(l))).rejects.toThrow(
      /this sweep would take about \d+ (days|h).* add --yes to start it/,
    );
    expect(lines.some((l) => /^agora: estimate: about/.test(l))).toBe(true);
    expect(existsSync(file('long.csv.partial'))).toBe(false);
  });
});
