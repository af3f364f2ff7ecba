/**
 * A sweep writes its runs as they finish: one JSON line per run, appended to `<out>.partial`,
 * whose first line names the sweep (app version, experiment hash, selection). An interrupted
 * sweep so loses no finished run, and `--resume` continues it without running them again;
 * the results file, written from every outcome in run order, is byte-identical to an
 * uninterrupted sweep's. The journal is removed once the results are written.
 */
import { closeSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import type { RunOutcome } from '../core/experiment/execute';
import { UsageError } from './args';

export const journalPath = (out: string) => `${out}.partial`;

export interface Journal {
  append(outcome: RunOutcome): void;
  /** The results are written: the journal goes. */
  remove(): void;
}

// JSON has no NaN or ±Infinity: such values travel as strings and come back as numbers.
const encode = (outcome: RunOutcome) =>
  JSON.stringify(outcome, (_, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));

function decode(line: string): RunOutcome {
  const outcome = JSON.parse(line) as RunOutcome;
  return {
    ...outcome,
    rows: outcome.rows.map((r) => ({
      tick: r.tick,
      values: r.values.map((v) => (typeof v === 'string' ? Number(v) : v)),
    })),
  };
}

function errno(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? 'error';
}

/** The outcomes an interrupted sweep kept; a torn last line (the process died writing it) is dropped. */
function readKept(path: string, sweep: string): { outcomes: RunOutcome[]; lines: string[] } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`--resume: cannot read ${path} (${errno(e)}): there is no interrupted sweep to resume`);
  }
  const [first, ...rest] = text.split('\n');
  if (first !== sweep)
    throw new UsageError(`--resume: ${path} is the journal of another sweep (${first.slice(0, 120)}), not of ${sweep}`);
  const outcomes: RunOutcome[] = [];
  const lines: string[] = [];
  for (const line of rest) {
    try {
      outcomes.push(decode(line));
      lines.push(line);
    } catch {
      break;
    }
  }
  return { outcomes, lines };
}

/**
 * Opens the journal of the sweep named `sweep` at `path`: a new one (refusing to overwrite the
 * journal of an interrupted sweep), or with `resume` the existing one, whose finished runs it returns.
 */
export function openJournal(path: string, sweep: string, resume: boolean): { journal: Journal; kept: RunOutcome[] } {
  let kept: RunOutcome[] = [];
  let text = sweep + '\n';
  if (resume) {
    const read = readKept(path, sweep);
    kept = read.outcomes;
    text += read.lines.map((l) => l + '\n').join('');
  }
  let fd: number;
  try {
    // A new journal must not replace an interrupted sweep's ('wx' fails if the file exists).
    writeFileSync(path, text, { flag: resume ? 'w' : 'wx' });
    fd = openSync(path, 'a');
  } catch (e) {
    if (errno(e) === 'EEXIST')
      throw new UsageError(
        `--out: ${path} holds the runs of an interrupted sweep: add --resume to continue it, or delete it`,
      );
    throw new UsageError(`--out: cannot write ${path} (${errno(e)})`);
  }
  return {
    kept,
    journal: {
      append: (outcome) => void writeSync(fd, encode(outcome) + '\n'),
      remove() {
        closeSync(fd);
        rmSync(path, { force: true });
      },
    },
  };
}
