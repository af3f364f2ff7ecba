/**
 * Reads a results file written by `agora sweep` or the Experiments page (CSV or JSON) back into
 * its experiment and its runs' outcomes, so that analyses run on it as on live runs.
 */
import type { RunOutcome } from '../core/experiment/execute';
import { prepareExperiment, type PreparedExperiment } from '../core/experiment/prepare';
import { parseJsonText } from '../core/jsonDocument';
import { findModel } from '../models/registry';
import { UsageError } from './args';

export interface ResultsFile {
  readonly prepared: PreparedExperiment;
  readonly outcomes: readonly RunOutcome[];
}

/** The cells of one CSV record as the results writer quotes them ("" inside quotes is a quote). */
function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}

function json(text: string, what: string): unknown {
  const parsed = parseJsonText(text);
  if (!parsed.ok) throw new UsageError(`${what} ${parsed.message}`);
  return parsed.value;
}

function prepare(name: string, experiment: unknown): PreparedExperiment {
  const prepared = prepareExperiment(experiment, findModel);
  if (!prepared.ok) throw new UsageError(`${name}: its experiment is not valid: ${prepared.errors[0]}`);
  return prepared.value;
}

function sameReporters(name: string, prepared: PreparedExperiment, columns: readonly string[]): void {
  if (columns.join('\n') !== prepared.settings.reporters.join('\n'))
    throw new UsageError(`${name}: its reporter columns are not those its experiment records`);
}

const value = (cell: string) => (cell === '' ? null : Number(cell));

function fromCsv(name: string, text: string): ResultsFile {
  const lines = (text.startsWith('\ufeff') ? text.slice(1) : text).split('\n').filter((l) => l !== '');
  const header = lines.find((l) => l.startsWith('# experiment: '));
  if (!lines[0]?.startsWith('# agora-results') || header === undefined)
    throw new UsageError(`${name}: not an Agora results file (no "# experiment:" line)`);
  if (lines[lines.length - 1] !== '# end') throw new UsageError(`${name}: the file is cut short (no "# end" line)`);
  const at = header.indexOf(' ', '# experiment: '.length);
  const prepared = prepare(name, json(header.slice(at + 1), `${name}: its experiment line`));
  const columns = csvCells(lines.find((l) => l.startsWith('run,'))!);
  const status = columns.indexOf('status');
  sameReporters(name, prepared, columns.slice(status + 2, -1));
  const byRun = new Map<number, RunOutcome>();
  for (const line of lines.filter((l) => /^\d+,/.test(l))) {
    const cells = csvCells(line);
    const index = Number(cells[0]);
    const previous = byRun.get(index);
    const rows = previous ? [...previous.rows] : [];
    if (cells[status + 1] !== '')
      rows.push({ tick: Number(cells[status + 1]), values: cells.slice(status + 2, -1).map(value) });
    const base = { index, seed: Number(cells[2]), rows };
    byRun.set(
      index,
      cells[status] === 'failed'
        ? { ...base, status: 'failed', error: cells[cells.length - 1] }
        : { ...base, status: 'ok' },
    );
  }
  return { prepared, outcomes: [...byRun.values()] };
}

interface JsonRun {
  run: number;
  seed: number;
  status: 'ok' | 'failed';
  error?: string;
  rows: { tick: number; values: (number | null)[] }[];
}

function fromJson(name: string, text: string): ResultsFile {
  const document = json(text, name) as {
    format?: unknown;
    experiment?: unknown;
    reporters?: string[];
    runs?: JsonRun[];
  };
  if (document?.format !== 'agora-results 1' || !Array.isArray(document.runs) || !Array.isArray(document.reporters))
    throw new UsageError(`${name}: not an Agora results file (format "agora-results 1")`);
  const prepared = prepare(name, document.experiment);
  sameReporters(name, prepared, document.reporters);
  const outcomes = document.runs.map((r): RunOutcome => {
    const base = { index: r.run, seed: r.seed, rows: r.rows };
    return r.status === 'failed' ? { ...base, status: 'failed', error: String(r.error) } : { ...base, status: 'ok' };
  });
  return { prepared, outcomes };
}

/** The experiment and outcomes of a results file's text; its name says which format. */
export function readResults(name: string, text: string): ResultsFile {
  return name.endsWith('.json') ? fromJson(name, text) : fromCsv(name, text);
}
