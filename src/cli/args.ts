/**
 * The CLI's argument parser: argv in, a typed command or one usage error out. Pure, so every
 * error path is unit-tested without spawning a process.
 */
import { parseArgs as parseArgv } from 'node:util';
import { canonicalSeed, MAX_SEED } from '../core/rng';

export interface RunArgs {
  readonly command: 'run';
  readonly model?: string;
  readonly scenario?: string;
  /** `name=value` overrides, in the order given. */
  readonly params: readonly { readonly name: string; readonly value: string }[];
  readonly seed?: number;
  readonly ticks?: number;
  readonly json: boolean;
  /** CSV file to write every tick's reporters to. */
  readonly series?: string;
  /** Start even when the estimate says the run is long or big. */
  readonly yes: boolean;
}
export interface SweepArgs {
  readonly command: 'sweep';
  readonly experiment: string;
  /** Parallel worker processes; default: one per core. */
  readonly workers?: number;
  readonly shard: { readonly index: number; readonly count: number };
  readonly limit: number | null;
  /** Results file (.csv or .json); default: CSV on stdout. */
  readonly out?: string;
  /** Continue the interrupted sweep whose runs are kept next to --out. */
  readonly resume: boolean;
  /** Start even when the estimate says the sweep is long or big. */
  readonly yes: boolean;
}
export interface MergeArgs {
  readonly command: 'merge';
  readonly parts: readonly string[];
  readonly out?: string;
}
export interface ExpectationsArgs {
  readonly command: 'expectations';
  /** Only expectation N (1–8). */
  readonly only?: number;
  /** One expectation from this experiment file instead of experiments/expectation-*.json. */
  readonly file?: string;
  readonly workers?: number;
  readonly json: boolean;
}
export interface ReportArgs {
  readonly command: 'report';
  /** A results file (.csv or .json) written by `sweep` or downloaded from the Experiments page. */
  readonly results: string;
  /** The vendor whose strategies the report compares, by name; default: the first varied. */
  readonly vendor?: string;
  /** Share threshold X, in percent. */
  readonly share: number;
  /** Cumulative profit threshold Y, in credits. */
  readonly profit: number;
  readonly json: boolean;
}
export interface CompareArgs {
  readonly command: 'compare';
  /** A comparison file (format "agora-comparison") or a comparison link. */
  readonly scenario: string;
  readonly ticks?: number;
  readonly json: boolean;
}
export type Command =
  | CompareArgs
  | ExpectationsArgs
  | ReportArgs
  | RunArgs
  | SweepArgs
  | MergeArgs
  | { readonly command: 'help'; readonly topic?: 'run' | 'sweep' | 'merge' | 'report' | 'compare' }
  | { readonly command: 'models'; readonly json: boolean };

export class UsageError extends Error {}

type Flag = { readonly type: 'string' | 'boolean'; readonly multiple?: boolean };

/** Each flag given, with its values in the order given (a boolean flag: one empty string). */
interface Flags {
  readonly values: ReadonlyMap<string, readonly string[]>;
  readonly positionals: readonly string[];
  readonly help: boolean;
}

/**
 * Reads the flags of one command with `util.parseArgs`. It runs non-strict, and its tokens are
 * checked here instead: strict mode would refuse `--seed -1` as ambiguous before we could say
 * what a seed must be, and it does not notice a flag given twice.
 */
function readFlags(command: string, argv: readonly string[], flags: Readonly<Record<string, Flag>>): Flags {
  const { tokens } = parseArgv({
    args: [...argv],
    options: { ...flags, help: { type: 'boolean', short: 'h' } },
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const allowed = Object.keys(flags).map((name) => `--${name}`);
  const values = new Map<string, string[]>();
  const positionals: string[] = [];
  let help = false;
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    if (token.name === 'help') {
      help = true;
      continue;
    }
    const flag = Object.hasOwn(flags, token.name) ? flags[token.name] : undefined;
    if (!flag)
      throw new UsageError(`unknown flag ${token.rawName} for "${command}" (allowed: ${allowed.join(', ')}, --help)`);
    const value = token.value;
    if (flag.type === 'boolean') {
      if (value !== undefined) throw new UsageError(`${token.rawName} takes no value`);
      values.set(token.name, ['']);
      continue;
    }
    // `--seed=` has no value; nor has `--seed --json`: a flag right after a value flag.
    if (value === undefined || (token.inlineValue ? value === '' : /^--./.test(value)))
      throw new UsageError(`${token.rawName} needs a value`);
    if (values.has(token.name) && !flag.multiple) throw new UsageError(`${token.rawName} given twice`);
    values.set(token.name, [...(values.get(token.name) ?? []), value]);
  }
  return { values, positionals, help };
}

/** The value of a flag, if given; an empty value counts as none. */
function textFlag(flags: Flags, name: string): string | undefined {
  const value = flags.values.get(name)?.[0];
  if (value === '') throw new UsageError(`--${name} needs a value`);
  return value;
}

const INTEGER = /^\d+$/;

/** An integer flag from `min` to `max`, if given. */
function integerFlag(flags: Flags, name: string, min: number, max: number): number | undefined {
  const text = flags.values.get(name)?.[0];
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!INTEGER.test(text) || value > max) {
    throw new UsageError(`--${name} must be an integer from 0 to ${max}, got ${JSON.stringify(text)}`);
  }
  if (value < min) throw new UsageError(`--${name} must be at least ${min}`);
  return value;
}

/** A seed from --seed in its one spelling (see canonicalSeed). */
const optionalSeed = (seed: number | undefined) => (seed === undefined ? undefined : canonicalSeed(seed));

function noPositionals(command: string, flags: Flags, what = 'no arguments'): void {
  if (flags.positionals.length)
    throw new UsageError(`${command} takes ${what}, got ${JSON.stringify(flags.positionals[0])}`);
}

/** Parses argv (without node and script). Throws UsageError with a one-line message. */
export function parseArgs(argv: readonly string[]): Command {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    const topic = rest[0];
    const topics = ['run', 'sweep', 'merge', 'report', 'compare'] as const;
    return { command: 'help', topic: topics.find((t) => t === topic) };
  }
  if (command === 'run') return parseRun(rest);
  if (command === 'sweep') return parseSweep(rest);
  if (command === 'merge') return parseMerge(rest);
  if (command === 'expectations') return parseExpectations(rest);
  if (command === 'report') return parseReport(rest);
  if (command === 'models') return parseModels(rest);
  if (command === 'compare') return parseCompare(rest);
  throw new UsageError(
    `unknown command ${JSON.stringify(command)} (commands: run, compare, sweep, merge, expectations, report, models, help)`,
  );
}

function parseCompare(rest: readonly string[]): CompareArgs | { command: 'help'; topic: 'compare' } {
  const flags = readFlags('compare', rest, {
    scenario: { type: 'string' },
    ticks: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (flags.help) return { command: 'help', topic: 'compare' };
  noPositionals('compare', flags, 'no file (give it with --scenario)');
  const scenario = textFlag(flags, 'scenario');
  if (scenario === undefined) throw new UsageError('compare needs --scenario <comparison file or link>');
  return { command: 'compare', scenario, ticks: integerFlag(flags, 'ticks', 0, 1e9), json: flags.values.has('json') };
}

const WORKERS = { type: 'string' } as const;

function parseRun(rest: readonly string[]): RunArgs | { command: 'help'; topic: 'run' } {
  const flags = readFlags('run', rest, {
    model: { type: 'string' },
    scenario: { type: 'string' },
    param: { type: 'string', multiple: true },
    seed: { type: 'string' },
    ticks: { type: 'string' },
    series: { type: 'string' },
    json: { type: 'boolean' },
    yes: { type: 'boolean' },
  });
  if (flags.help) return { command: 'help', topic: 'run' };
  noPositionals('run', flags, 'no file (give it with --scenario)');
  const params = (flags.values.get('param') ?? []).map((text) => {
    const at = text.indexOf('=');
    if (at <= 0) throw new UsageError(`--param must look like name=value, got ${JSON.stringify(text)}`);
    return { name: text.slice(0, at), value: text.slice(at + 1) };
  });
  const run: RunArgs = {
    command: 'run',
    model: textFlag(flags, 'model'),
    scenario: textFlag(flags, 'scenario'),
    params,
    seed: optionalSeed(integerFlag(flags, 'seed', 0, MAX_SEED)),
    ticks: integerFlag(flags, 'ticks', 0, 1e9),
    json: flags.values.has('json'),
    series: textFlag(flags, 'series'),
    yes: flags.values.has('yes'),
  };
  if (run.model === undefined && run.scenario === undefined)
    throw new UsageError('run needs --model <id> or --scenario <file>');
  return run;
}

function parseSweep(rest: readonly string[]): SweepArgs | { command: 'help'; topic: 'sweep' } {
  const flags = readFlags('sweep', rest, {
    workers: WORKERS,
    shard: { type: 'string' },
    limit: { type: 'string' },
    out: { type: 'string' },
    resume: { type: 'boolean' },
    yes: { type: 'boolean' },
  });
  if (flags.help) return { command: 'help', topic: 'sweep' };
  if (flags.positionals.length !== 1)
    throw new UsageError(`sweep needs exactly one experiment file, got ${flags.positionals.length}`);
  let shard = { index: 1, count: 1 };
  const shardText = textFlag(flags, 'shard');
  if (shardText !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(shardText);
    const index = m ? Number(m[1]) : NaN;
    const count = m ? Number(m[2]) : NaN;
    if (!m || count < 1 || count > 100_000 || index < 1 || index > count) {
      throw new UsageError(
        `--shard must be i/n with 1 ≤ i ≤ n (shards are numbered from 1), got ${JSON.stringify(shardText)}`,
      );
    }
    shard = { index, count };
  }
  return {
    command: 'sweep',
    experiment: flags.positionals[0],
    workers: integerFlag(flags, 'workers', 1, 256),
    shard,
    limit: integerFlag(flags, 'limit', 1, 1e9) ?? null,
    out: textFlag(flags, 'out'),
    resume: flags.values.has('resume'),
    yes: flags.values.has('yes'),
  };
}

function parseExpectations(rest: readonly string[]): ExpectationsArgs | { command: 'help' } {
  const flags = readFlags('expectations', rest, {
    only: { type: 'string' },
    file: { type: 'string' },
    workers: WORKERS,
    json: { type: 'boolean' },
  });
  if (flags.help) return { command: 'help' };
  noPositionals('expectations', flags, 'no file (it reads experiments/expectation-*.json, or --file)');
  const file = textFlag(flags, 'file');
  if (file !== undefined && flags.values.has('only'))
    throw new UsageError('expectations: give --only or --file, not both');
  return {
    command: 'expectations',
    only: integerFlag(flags, 'only', 0, 99),
    file,
    workers: integerFlag(flags, 'workers', 1, 256),
    json: flags.values.has('json'),
  };
}

/** A number flag (a decimal, as JavaScript reads one), if given. */
function numberFlag(flags: Flags, name: string, min: number, max: number): number | undefined {
  const text = textFlag(flags, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < min || value > max)
    throw new UsageError(`--${name} must be a number from ${min} to ${max}, got ${JSON.stringify(text)}`);
  return value;
}

function parseReport(rest: readonly string[]): ReportArgs | { command: 'help'; topic: 'report' } {
  const flags = readFlags('report', rest, {
    vendor: { type: 'string' },
    share: { type: 'string' },
    profit: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (flags.help) return { command: 'help', topic: 'report' };
  if (flags.positionals.length !== 1)
    throw new UsageError(`report needs exactly one results file (.csv or .json), got ${flags.positionals.length}`);
  return {
    command: 'report',
    results: flags.positionals[0],
    vendor: textFlag(flags, 'vendor'),
    share: numberFlag(flags, 'share', 0, 100) ?? 15,
    profit: numberFlag(flags, 'profit', -1e15, 1e15) ?? 0,
    json: flags.values.has('json'),
  };
}

function parseMerge(rest: readonly string[]): MergeArgs | { command: 'help'; topic: 'merge' } {
  const flags = readFlags('merge', rest, { out: { type: 'string' } });
  if (flags.help) return { command: 'help', topic: 'merge' };
  if (flags.positionals.length === 0) throw new UsageError('merge needs the part files to merge');
  return { command: 'merge', parts: flags.positionals, out: textFlag(flags, 'out') };
}

function parseModels(rest: readonly string[]): Command {
  const flags = readFlags('models', rest, { json: { type: 'boolean' } });
  if (flags.help) return { command: 'help' };
  noPositionals('models', flags);
  return { command: 'models', json: flags.values.has('json') };
}

export const HELP = `Agora — run agent-based models headless.

Usage:
  npm run -s agora -- run --model <id> [options]
  npm run -s agora -- run --scenario <file.json | 'share link'> [options]
  npm run -s agora -- compare --scenario <comparison.json | 'link'> [--ticks N]
                              [--json]
  npm run -s agora -- sweep <experiment.json> [--workers N] [--shard i/n]
                            [--limit N] [--out results.csv|results.json]
                            [--resume] [--yes]
  npm run -s agora -- merge <part.csv>... [--out results.csv]
  npm run -s agora -- expectations [--only N | --file <experiment.json>]
                                   [--workers N] [--json]
  npm run -s agora -- report <results.csv|results.json> [--vendor NAME]
                             [--share X] [--profit Y] [--json]
  npm run -s agora -- models [--json]
  npm run -s agora -- --help

Commands:
  run       set up a model, run it, print its reporters and fingerprint
  compare   run a what-if (format "agora-comparison", see whatifs/): a base
            scenario and a fork of it from a day, with changes; print both
            runs' reporters, fingerprints and the differences (fork − base)
  sweep     run an experiment (format "agora-experiment", see experiments/)
  merge     merge the parts written by sharded sweeps into one results file
  expectations  rerun the model brief's eight expectations with their ablations
            and robustness variations: verdict, effect with its 95% interval,
            runs, carrying mechanisms, robust or fragile
  report    the strategy report of a finished experiment's results: per
            strategy, P(share ≥ X), P(profit ≥ Y), P(both) with 95% intervals
            and the path criteria — the table of the Experiments page
  models    list the models and their parameters

Options of run:
  --model <id>            model to run (see "models"); optional with --scenario
  --scenario <file|link>  scenario file (JSON, format "agora-scenario"), or a
                          share link copied from the app (quote it: it has a #)
  --param <name>=<value>  set a parameter; repeatable; overrides the scenario
  --seed <N>              seed, an integer from 0 to ${MAX_SEED}; default: the
                          scenario's seed, else a random seed reported on stderr
  --ticks <N>             stop at tick N or at the model's stop condition,
                          whichever comes first; default: run to the stop
                          condition or the model's horizon
  --series <file.csv>     also write every tick's reporters to a CSV file
  --json                  print exactly one JSON object on stdout:
                          { model, modelVersion, seed, ticks, fingerprint,
                            reporters, ...the model's own keys }
  --yes                   start even if the estimate (from timing a few ticks)
                          is over 10 minutes or 1 GB; above 4 GB a run is
                          refused (fewer --ticks, or no --series)
  --help                  show this help

Options of compare:
  --scenario <file|link>  comparison file (JSON, format "agora-comparison"), or
                          a comparison link (quote it: it has a #c=)
  --ticks <N>             run both to tick N; default: the base's horizon
  --json                  print exactly one JSON object on stdout:
                          { model, modelVersion, seed, question, forkDay,
                            forkChanges, ticks, base, fork, difference }, base
                            and fork each { ticks, fingerprint, reporters }

Options of sweep:
  --workers <N>           worker processes; default and most: one per core
  --limit <N>             only the first N runs of the canonical order (a quick
                          look); applied before sharding
  --shard <i/n>           run only shard i of n (numbered from 1), e.g. one per
                          machine; merge the parts afterwards
  --out <file>            write results there (.json for JSON, else CSV);
                          default: CSV on stdout. Checked writable before the
                          first run; finished runs are kept in <file>.partial
                          as they finish, until the results are written
  --resume                continue the interrupted sweep kept in <file>.partial:
                          its finished runs are not run again
  --yes                   start even if the estimate (from timing a few ticks)
                          is over 10 minutes or 1 GB of results; above 4 GB
                          a sweep is refused: split it with --shard
  Results are byte-identical whatever the number of workers or shards, and
  whether or not the sweep was interrupted and resumed.

Options of merge:
  --out <file>            write the merged CSV there; default: stdout
  Refuses parts of different experiments, duplicate or missing shards.

Options of report:
  --vendor <name>         the vendor whose strategies are compared; default:
                          the first vendor whose strategy the experiment varies
  --share <X>             share threshold in percent (default 15)
  --profit <Y>            cumulative profit threshold in credits (default 0),
                          e.g. 30e6
  --json                  print { vendor, minShare, minProfit, header, rows,
                          note } instead of the table

Errors: a bad flag or value prints one line on stderr and exits with code 2.
`;
