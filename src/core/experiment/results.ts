/**
 * Results of an experiment as CSV and JSON, with a provenance header: app and model version,
 * the experiment (its hash and canonical JSON), the base scenario as its origin-free link
 * fragment, the selection (limit, shard) and the number of runs — nothing that depends on where
 * or when it ran, so identical experiments give identical bytes. Parts written by shards merge
 * into exactly the bytes of an unsharded run.
 */
import { csvCell, textCell } from '../csv';
import { Hasher } from '../hash';
import { APP_VERSION } from '../version';
import { inRunOrder, type RunOutcome, type RunSettings } from './execute';
import { plannedRun, type Selection } from './plan';
import { canonicalJson, type Experiment, type ResolvedExperiment } from './schema';
import { append } from '../arrays';

const RESULTS_FORMAT = 'agora-results 1';
/** The last line of a complete file: a part cut short (a killed shard) lacks it. */
const END_LINE = '# end';
/**
 * A part's digest of its own run lines, so that merge notices a part edited by hand or by a
 * spreadsheet. Only parts (shard i/n, n > 1) carry it, and merge leaves it out: the merged file
 * has exactly the bytes of an unsharded run. Detects accidents, not forgery.
 */
const CHECK = '# check: ';

function rowsCheck(lines: readonly string[]): string {
  const h = new Hasher();
  for (const line of lines) h.text(line);
  return h.hex();
}

export function experimentHash(experiment: Experiment): string {
  return new Hasher().text(canonicalJson(experiment)).hex();
}

export interface ResultsContext {
  readonly plan: ResolvedExperiment;
  readonly settings: RunSettings;
  /** The base scenario's link fragment (`#s=…`). */
  readonly scenarioLink: string;
  readonly selection: Selection;
}

function headerLines(ctx: ResultsContext, runs: number): string[] {
  const { plan, selection } = ctx;
  return [
    `# ${RESULTS_FORMAT}`,
    `# app: agora ${APP_VERSION}`,
    `# model: ${plan.model.id} version ${plan.model.version}`,
    `# experiment: ${experimentHash(plan.experiment)} ${canonicalJson(plan.experiment)}`,
    `# scenario: ${ctx.scenarioLink}`,
    `# limit: ${selection.limit ?? 'all'}`,
    `# shard: ${selection.shard.index}/${selection.shard.count}`,
    `# runs: ${runs}`,
  ];
}

function columnLine(ctx: ResultsContext): string {
  // The uncertain inputs' drawn values follow the varied ones (no column without any).
  const params = [...ctx.plan.variations, ...ctx.plan.uncertain].map((v) => textCell(v.param));
  return [
    'run',
    'repetition',
    'seed',
    ...params,
    'status',
    'tick',
    ...ctx.settings.reporters.map(textCell),
    'error',
  ].join(',');
}

/** One line per recorded row; a run without rows (failed at setup) still gets one line. */
function runLines(ctx: ResultsContext, outcome: RunOutcome): string[] {
  const run = plannedRun(ctx.plan, outcome.index);
  const lead = [
    String(run.index),
    String(run.repetition),
    String(run.seed),
    ...ctx.plan.variations.map((v) => csvCell(run.values[v.param])),
    ...ctx.plan.uncertain.map((u) => csvCell(run.drawn[u.param])),
  ];
  const error = outcome.status === 'failed' ? textCell(outcome.error) : '';
  const rows = outcome.rows.length ? outcome.rows : [null];
  return rows.map((row) =>
    [
      ...lead,
      outcome.status,
      row ? String(row.tick) : '',
      ...(row ? row.values.map(csvCell) : ctx.settings.reporters.map(() => '')),
      error,
    ].join(','),
  );
}

/** The CSV of finished runs, in canonical order whatever order they finished in. */
export function resultsCsv(ctx: ResultsContext, outcomes: readonly RunOutcome[]): string {
  const sorted = inRunOrder(outcomes);
  const rows: string[] = [];
  for (const outcome of sorted) append(rows, runLines(ctx, outcome));
  const header = headerLines(ctx, sorted.length);
  if (ctx.selection.shard.count > 1) header.push(`${CHECK}${rowsCheck(rows)}`);
  return [...header, columnLine(ctx), ...rows, END_LINE].join('\n') + '\n';
}

/** Who a run is: its place in the order, repetition, seed, varied values, and how it ended. */
export function runRecord(plan: ResolvedExperiment, outcome: RunOutcome) {
  const run = plannedRun(plan, outcome.index);
  const drawn = plan.uncertain.length ? { drawn: run.drawn } : {};
  return {
    run: outcome.index,
    repetition: run.repetition,
    seed: run.seed,
    values: run.values,
    ...drawn,
    status: outcome.status,
  };
}

/** The same results as JSON: provenance, columns, and every run with its rows. */
export function resultsJson(ctx: ResultsContext, outcomes: readonly RunOutcome[]): string {
  const sorted = inRunOrder(outcomes);
  const document = {
    format: RESULTS_FORMAT,
    app: `agora ${APP_VERSION}`,
    model: { id: ctx.plan.model.id, version: ctx.plan.model.version },
    experimentHash: experimentHash(ctx.plan.experiment),
    experiment: ctx.plan.experiment,
    scenario: ctx.scenarioLink,
    limit: ctx.selection.limit,
    shard: ctx.selection.shard,
    reporters: ctx.settings.reporters,
    runs: sorted.map((o) => ({
      ...runRecord(ctx.plan, o),
      ...(o.status === 'failed' ? { error: o.error } : {}),
      rows: o.rows.map((r) => ({ tick: r.tick, values: r.values })),
    })),
  };
  return JSON.stringify(document, null, 1) + '\n';
}

// ——— merging shard parts ———

interface Part {
  readonly name: string;
  readonly header: string[];
  readonly columns: string;
  readonly shard: { index: number; count: number };
  readonly runs: number;
  /** The digest its header gives of its run lines, if any (parts written before it had none). */
  readonly check: string | undefined;
  /** Its run lines' own digest. */
  readonly actualCheck: string;
  /** Lines by run index, in file order. */
  readonly lines: Map<number, string[]>;
}

function parsePart(name: string, text: string): Part {
  // A UTF-8 byte-order mark is accepted like everywhere else.
  const lines = (text.startsWith('\ufeff') ? text.slice(1) : text).split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const header: string[] = [];
  let at = 0;
  while (at < lines.length && lines[at].startsWith('# ')) header.push(lines[at++]);
  if (header[0] !== `# ${RESULTS_FORMAT}`)
    throw new Error(`${name}: not an Agora results file (its first line should be "# ${RESULTS_FORMAT}")`);
  const field = (key: string) => {
    const line = header.find((h) => h.startsWith(`# ${key}: `));
    if (line === undefined) throw new Error(`${name}: its header has no "${key}" line`);
    return line.slice(key.length + 4);
  };
  const shard = /^(\d+)\/(\d+)$/.exec(field('shard'));
  const runs = Number(field('runs'));
  if (!shard || !Number.isInteger(runs)) throw new Error(`${name}: unreadable shard or runs line`);
  const columns = lines[at++] ?? '';
  if (lines[lines.length - 1] !== END_LINE)
    throw new Error(`${name}: the file is cut short (no "${END_LINE}" line): was its sweep interrupted?`);
  const byRun = new Map<number, string[]>();
  const rows = lines.slice(at, -1);
  for (; at < lines.length - 1; at++) {
    const index = Number(lines[at].slice(0, lines[at].indexOf(',')));
    if (!Number.isInteger(index)) throw new Error(`${name}: line ${at + 1} does not start with a run number`);
    const list = byRun.get(index) ?? [];
    list.push(lines[at]);
    byRun.set(index, list);
  }
  if (byRun.size !== runs)
    throw new Error(`${name}: its header says ${runs} runs but it holds ${byRun.size} (an interrupted shard?)`);
  const check = header.find((h) => h.startsWith(CHECK))?.slice(CHECK.length);
  return {
    name,
    header: header.filter((h) => !h.startsWith(CHECK)),
    columns,
    shard: { index: Number(shard[1]), count: Number(shard[2]) },
    runs,
    check,
    actualCheck: rowsCheck(rows),
    lines: byRun,
  };
}

/**
 * Merges the parts of one experiment into the results of an unsharded run, byte for byte.
 * Refuses parts of another experiment or selection, duplicate or missing shards, and parts
 * whose runs do not belong to their shard.
 */
export function mergeResults(files: readonly { name: string; text: string }[]): string {
  if (files.length === 0) throw new Error('merge: no parts given');
  const parts = files.map((f) => parsePart(f.name, f.text));
  const same = (h: string[]) => h.filter((l) => !l.startsWith('# shard: ') && !l.startsWith('# runs: ')).join('\n');
  const first = parts[0];
  const count = first.shard.count;
  const seen = new Map<number, string>();
  for (const part of parts) {
    if (part.check !== undefined && part.check !== part.actualCheck)
      throw new Error(
        `merge: ${part.name} was edited after its sweep wrote it (its rows no longer match the check in its header)`,
      );
    if (same(part.header) !== same(first.header) || part.columns !== first.columns) {
      throw new Error(
        `merge: ${part.name} belongs to another experiment or selection than ${first.name} (foreign part)`,
      );
    }
    if (part.shard.count !== count)
      throw new Error(
        `merge: ${part.name} is shard ${part.shard.index}/${part.shard.count}, ${first.name} is one of ${count}`,
      );
    const previous = seen.get(part.shard.index);
    if (previous !== undefined)
      throw new Error(`merge: shard ${part.shard.index}/${count} given twice (${previous} and ${part.name})`);
    seen.set(part.shard.index, part.name);
    for (const index of part.lines.keys()) {
      if (index % count !== part.shard.index - 1)
        throw new Error(
          `merge: ${part.name} holds run ${index}, which belongs to shard ${(index % count) + 1}/${count}`,
        );
    }
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length)
    throw new Error(
      `merge: missing shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')}`,
    );
  const all = new Map<number, string[]>();
  for (const part of parts) for (const [index, lines] of part.lines) all.set(index, lines);
  const total = all.size;
  for (let i = 0; i < total; i++) if (!all.has(i)) throw new Error(`merge: run ${i} is missing from the parts`);
  const header = first.header.map((l) =>
    l.startsWith('# shard: ') ? '# shard: 1/1' : l.startsWith('# runs: ') ? `# runs: ${total}` : l,
  );
  const out = [...header, first.columns];
  for (let i = 0; i < total; i++) append(out, all.get(i)!);
  out.push(END_LINE);
  return out.join('\n') + '\n';
}
