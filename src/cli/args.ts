/**
 * The CLI's argument parser: argv in, a typed command or one usage error out. Pure, so every
 * error path is unit-tested without spawning a process.
 */
import { MAX_SEED } from '../core/rng';

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
  readonly workers?: number;
  readonly json: boolean;
}
export type Command =
  | ExpectationsArgs
  | RunArgs
  | SweepArgs
  | MergeArgs
  | { readonly command: 'help'; readonly topic?: 'run' | 'sweep' | 'merge' }
  | { readonly command: 'models'; readonly json: boolean };

export class UsageError extends Error {}

const INTEGER = /^\d+$/;

function integerFlag(flag: string, text: string, max: number): number {
  const value = Number(text);
  if (!INTEGER.test(text) || value > max) {
    throw new UsageError(`${flag} must be an integer from 0 to ${max}, got ${JSON.stringify(text)}`);
  }
  return value;
}

/** Parses argv (without node and script). Throws UsageError with a one-line message. */
export function parseArgs(argv: readonly string[]): Command {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    const topic = rest[0];
    return { command: 'help', topic: topic === 'run' || topic === 'sweep' || topic === 'merge' ? topic : undefined };
  }
  if (command === 'sweep') return parseSweep(rest);
  if (command === 'merge') return parseMerge(rest);
  if (command === 'expectations') return parseExpectations(rest);
  if (command === 'models') {
    for (const a of rest) if (a !== '--json') throw new UsageError(`unknown flag ${a} for "models" (allowed: --json)`);
    return { command: 'models', json: rest.includes('--json') };
  }
  if (command !== 'run')
    throw new UsageError(
      `unknown command ${JSON.stringify(command)} (commands: run, sweep, merge, expectations, models, help)`,
    );

  const out: { -readonly [K in keyof RunArgs]: RunArgs[K] } = { command: 'run', params: [], json: false };
  const params: { name: string; value: string }[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    // Accept both `--flag value` and `--flag=value`.
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = rest[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2))
        throw new UsageError(`${flag} needs a value`);
      i++;
      return next;
    };
    switch (flag) {
      case '--help':
      case '-h':
        return { command: 'help', topic: 'run' };
      case '--json':
        if (inline !== undefined) throw new UsageError('--json takes no value');
        out.json = true;
        break;
      case '--model':
        if (out.model !== undefined) throw new UsageError('--model given twice');
        out.model = value();
        break;
      case '--scenario':
        if (out.scenario !== undefined) throw new UsageError('--scenario given twice');
        out.scenario = value();
        break;
      case '--seed':
        if (out.seed !== undefined) throw new UsageError('--seed given twice');
        out.seed = integerFlag('--seed', value(), MAX_SEED);
        break;
      case '--ticks':
        if (out.ticks !== undefined) throw new UsageError('--ticks given twice');
        out.ticks = integerFlag('--ticks', value(), 1e9);
        break;
      case '--series':
        if (out.series !== undefined) throw new UsageError('--series given twice');
        out.series = value();
        break;
      case '--param': {
        const text = value();
        const at = text.indexOf('=');
        if (at <= 0) throw new UsageError(`--param must look like name=value, got ${JSON.stringify(text)}`);
        params.push({ name: text.slice(0, at), value: text.slice(at + 1) });
        break;
      }
      default:
        throw new UsageError(`unknown flag ${arg} (see --help)`);
    }
  }
  out.params = params;
  if (out.model === undefined && out.scenario === undefined)
    throw new UsageError('run needs --model <id> or --scenario <file>');
  return out;
}

/** Splits `--flag=value` / `--flag value` pairs and positional arguments. */
function flagsOf(
  rest: readonly string[],
  known: readonly string[],
): { flags: Map<string, string>; positional: string[] } {
  const flags = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (!known.includes(flag)) throw new UsageError(`unknown flag ${flag} (allowed: ${known.join(', ')})`);
    if (flags.has(flag)) throw new UsageError(`${flag} given twice`);
    const value = eq > 0 ? arg.slice(eq + 1) : rest[i + 1];
    if (eq < 0) i++;
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('--')))
      throw new UsageError(`${flag} needs a value`);
    flags.set(flag, value);
  }
  return { flags, positional };
}

function parseSweep(rest: readonly string[]): SweepArgs | { command: 'help'; topic: 'sweep' } {
  if (rest.includes('--help') || rest.includes('-h')) return { command: 'help', topic: 'sweep' };
  const { flags, positional } = flagsOf(rest, ['--workers', '--shard', '--limit', '--out']);
  if (positional.length !== 1)
    throw new UsageError(`sweep needs exactly one experiment file, got ${positional.length}`);
  let shard = { index: 1, count: 1 };
  const shardText = flags.get('--shard');
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
  const workers = flags.has('--workers') ? integerFlag('--workers', flags.get('--workers')!, 256) : undefined;
  if (workers === 0) throw new UsageError('--workers must be at least 1');
  const limit = flags.has('--limit') ? integerFlag('--limit', flags.get('--limit')!, 1e9) : null;
  if (limit === 0) throw new UsageError('--limit must be at least 1');
  return { command: 'sweep', experiment: positional[0], workers, shard, limit, out: flags.get('--out') };
}

function parseExpectations(rest: readonly string[]): ExpectationsArgs {
  const json = rest.includes('--json');
  const { flags, positional } = flagsOf(
    rest.filter((a) => a !== '--json'),
    ['--only', '--workers'],
  );
  if (positional.length)
    throw new UsageError(`expectations takes no file (it reads experiments/expectation-*.json), got ${positional[0]}`);
  const only = flags.has('--only') ? integerFlag('--only', flags.get('--only')!, 99) : undefined;
  const workers = flags.has('--workers') ? integerFlag('--workers', flags.get('--workers')!, 256) : undefined;
  if (workers === 0) throw new UsageError('--workers must be at least 1');
  return { command: 'expectations', only, workers, json };
}

function parseMerge(rest: readonly string[]): MergeArgs | { command: 'help'; topic: 'merge' } {
  if (rest.includes('--help') || rest.includes('-h')) return { command: 'help', topic: 'merge' };
  const { flags, positional } = flagsOf(rest, ['--out']);
  if (positional.length === 0) throw new UsageError('merge needs the part files to merge');
  return { command: 'merge', parts: positional, out: flags.get('--out') };
}

export const HELP = `Agora — run agent-based models headless.

Usage:
  npm run -s agora -- run --model <id> [options]
  npm run -s agora -- run --scenario <file.json | 'share link'> [options]
  npm run -s agora -- sweep <experiment.json> [--workers N] [--shard i/n]
                            [--limit N] [--out results.csv|results.json]
  npm run -s agora -- merge <part.csv>... [--out results.csv]
  npm run -s agora -- expectations [--only N] [--workers N] [--json]
  npm run -s agora -- models [--json]
  npm run -s agora -- --help

Commands:
  run       set up a model, run it, print its reporters and fingerprint
  sweep     run an experiment (format "agora-experiment", see experiments/)
  merge     merge the parts written by sharded sweeps into one results file
  expectations  rerun the model brief's eight expectations with their ablations:
            verdict, effect with its 95% interval, runs, carrying mechanisms
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
  --help                  show this help

Options of sweep:
  --workers <N>           worker processes; default: one per core
  --limit <N>             only the first N runs of the canonical order (a quick
                          look); applied before sharding
  --shard <i/n>           run only shard i of n (numbered from 1), e.g. one per
                          machine; merge the parts afterwards
  --out <file>            write results there (.json for JSON, else CSV);
                          default: CSV on stdout
  Results are byte-identical whatever the number of workers or shards.

Options of merge:
  --out <file>            write the merged CSV there; default: stdout
  Refuses parts of different experiments, duplicate or missing shards.

Errors: a bad flag or value prints one line on stderr and exits with code 2.
`;
