import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../src/cli/args';

function usageError(argv: string[]): string {
  try {
    parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) return e.message;
    throw e;
  }
  throw new Error(`expected a usage error for ${argv.join(' ')}`);
}

describe('parseArgs', () => {
  it('parses a full run command, in both flag forms', () => {
    expect(
      parseArgs(['run', '--model', 'k-means', '--seed', '7', '--ticks=3', '--param', 'a=1', '--param=b=x=y', '--json']),
    ).toEqual({
      command: 'run',
      model: 'k-means',
      seed: 7,
      ticks: 3,
      params: [
        { name: 'a', value: '1' },
        { name: 'b', value: 'x=y' },
      ],
      json: true,
      yes: false,
    });
    expect(parseArgs(['run', '--model', 'k-means', '--yes'])).toMatchObject({ yes: true });
  });

  it('parses sweep, merge and expectations, with a switch given twice tolerated', () => {
    expect(parseArgs(['sweep', 'a.json', '--shard=2/3', '--limit', '5', '--workers', '2', '--out', 'r.csv'])).toEqual({
      command: 'sweep',
      experiment: 'a.json',
      workers: 2,
      shard: { index: 2, count: 3 },
      limit: 5,
      out: 'r.csv',
      resume: false,
      yes: false,
    });
    expect(parseArgs(['sweep', 'a.json', '--resume', '--yes', '--out', 'r.csv'])).toMatchObject({
      resume: true,
      yes: true,
    });
    expect(parseArgs(['merge', 'a.csv', 'b.csv', '--out', 'c.csv'])).toEqual({
      command: 'merge',
      parts: ['a.csv', 'b.csv'],
      out: 'c.csv',
    });
    expect(parseArgs(['expectations', '--only', '3', '--json', '--json'])).toEqual({
      command: 'expectations',
      only: 3,
      json: true,
    });
    expect(parseArgs(['expectations', '--file', 'mine.json'])).toEqual({
      command: 'expectations',
      file: 'mine.json',
      json: false,
    });
  });

  it('accepts the whole seed range', () => {
    expect(parseArgs(['run', '--model', 'm', '--seed', '0'])).toMatchObject({ seed: 0 });
    expect(parseArgs(['run', '--model', 'm', '--seed', '4294967295'])).toMatchObject({ seed: 4294967295 });
  });

  it.each([
    [['run', '--model', 'm', '--seed', '-1'], /^--seed must be an integer from 0 to 4294967295, got "-1"$/],
    [['run', '--model', 'm', '--seed', '1.5'], /^--seed must be an integer/],
    [['run', '--model', 'm', '--seed', '4294967296'], /^--seed must be an integer/],
    [['run', '--model', 'm', '--seed', 'abc'], /^--seed must be an integer/],
    [['run', '--model', 'm', '--seed', ''], /^--seed must be an integer/],
    [['run', '--model', 'm', '--seed'], /^--seed needs a value$/],
    [['run', '--model', 'm', '--seed', '--json'], /^--seed needs a value$/],
    [['run', '--model', 'm', '--ticks', 'NaN'], /^--ticks must be an integer/],
    [['run', '--model', 'm', '--ticks', '1e3'], /^--ticks must be an integer/],
    [['run', '--model', 'm', '--param', 'novalue'], /^--param must look like name=value/],
    [['run', '--model', 'm', '--param', '=3'], /^--param must look like name=value/],
    [['run', '--model', 'm', '--colour', 'red'], /^unknown flag --colour/],
    [['run', '--model', 'm', '--json=yes'], /^--json takes no value$/],
    [['run', '--model', 'm', '--series'], /^--series needs a value$/],
    [['run', '--model', 'm', '--model', 'n'], /^--model given twice$/],
    [['run', '--model', 'm', '--seed='], /^--seed needs a value$/],
    [['run', '--model', 'm', 'extra.json'], /^run takes no file \(give it with --scenario\), got "extra.json"$/],
    [['run', '--model', ''], /^--model needs a value$/],
    [['run'], /^run needs --model <id> or --scenario <file>$/],
    [['sweep', 'a.json', '--workers', '0'], /^--workers must be at least 1$/],
    [['sweep', 'a.json', '--shard', '1/2', '--shard', '2/2'], /^--shard given twice$/],
    [['sweep', 'a.json', '--limit', '--out', 'r.csv'], /^--limit needs a value$/],
    [['sweep', 'a.json', 'b.json'], /^sweep needs exactly one experiment file, got 2$/],
    [['merge', 'a.csv', '--colour'], /^unknown flag --colour for "merge" \(allowed: --out, --help\)$/],
    [['expectations', 'x.json'], /^expectations takes no file/],
    [['expectations', '--only', '3', '--file', 'x.json'], /^expectations: give --only or --file, not both$/],
    [['fly'], /^unknown command "fly"/],
    [['models', '--verbose'], /^unknown flag --verbose/],
  ])('%j → one clear line', (argv, message) => {
    const text = usageError(argv);
    expect(text).toMatch(message);
    expect(text).not.toContain('\n');
  });

  it('routes help', () => {
    expect(parseArgs([])).toEqual({ command: 'help', topic: undefined });
    expect(parseArgs(['--help'])).toEqual({ command: 'help', topic: undefined });
    expect(parseArgs(['run', '--model', 'm', '--help'])).toEqual({ command: 'help', topic: 'run' });
    expect(parseArgs(['sweep', 'a.json', '-h'])).toEqual({ command: 'help', topic: 'sweep' });
    expect(parseArgs(['expectations', '--help'])).toEqual({ command: 'help' });
  });
});

describe('parseArgs compare', () => {
  it('reads --scenario, --ticks and --json, and refuses what compare does not take', () => {
    expect(parseArgs(['compare', '--scenario', 'w.json', '--ticks', '400', '--json'])).toEqual({
      command: 'compare',
      scenario: 'w.json',
      ticks: 400,
      json: true,
    });
    expect(parseArgs(['compare', '--help'])).toEqual({ command: 'help', topic: 'compare' });
    expect(() => parseArgs(['compare'])).toThrow(/^compare needs --scenario/);
    expect(() => parseArgs(['compare', 'w.json'])).toThrow(/^compare takes no file \(give it with --scenario\)/);
    expect(() => parseArgs(['compare', '--scenario', 'w.json', '--seed', '1'])).toThrow(/^unknown flag --seed/);
    expect(() => parseArgs(['compare', '--scenario', 'w.json', '--ticks', '-3'])).toThrow(UsageError);
  });
});
