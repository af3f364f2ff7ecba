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
export type Command = RunArgs | { readonly command: 'help'; readonly topic?: 'run' } | { readonly command: 'models'; readonly json: boolean };

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
    return { command: 'help', topic: rest[0] === 'run' ? 'run' : undefined };
  }
  if (command === 'models') {
    for (const a of rest) if (a !== '--json') throw new UsageError(`unknown flag ${a} for "models" (allowed: --json)`);
    return { command: 'models', json: rest.includes('--json') };
  }
  if (command !== 'run') throw new UsageError(`unknown command ${JSON.stringify(command)} (commands: run, models, help)`);

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
      if (next === undefined || (next.startsWith('--') && next.length > 2)) throw new UsageError(`${flag} needs a value`);
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
  if (out.model === undefined && out.scenario === undefined) throw new UsageError('run needs --model <id> or --scenario <file>');
  return out;
}

export const HELP = `Agora — run agent-based models headless.

Usage:
  npm run -s agora -- run --model <id> [options]
  npm run -s agora -- run --scenario <file.json | 'share link'> [options]
  npm run -s agora -- models [--json]
  npm run -s agora -- --help

Commands:
  run       set up a model, run it, print its reporters and fingerprint
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

Errors: a bad flag or value prints one line on stderr and exits with code 2.
`;
