/**
 * `agora expectations`: reruns the eight expectations of the model brief (experiments/
 * expectation-*.json) with their ablations and prints verdict, effect, interval, runs and the
 * mechanisms that carry each effect — the numbers of the app's expectations page.
 */
import { availableParallelism } from 'node:os';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { executeRun, runTask, type RunOutcome } from '../core/experiment/execute';
import {
  expectationParts,
  expectationResult,
  figure as figureOf,
  type ExpectationResult,
} from '../core/experiment/expectation';
import { selectedRuns, WHOLE } from '../core/experiment/plan';
import { parseExperiment, type Experiment } from '../core/experiment/schema';
import { findModel } from '../models/registry';
import { UsageError, type ExpectationsArgs } from './args';
import type { Output } from './runCommand';
import { runPool } from './sweepPool';
import { parseJsonText } from '../core/jsonDocument';

const DIRECTORY = 'experiments';

function expectationFiles(): string[] {
  return readdirSync(DIRECTORY)
    .filter((f) => /^expectation-\d+-.+\.json$/.test(f))
    .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
}

async function outcomesOf(
  document: unknown,
  indices: number[],
  workers: number,
  run: (i: number) => RunOutcome,
): Promise<RunOutcome[]> {
  const outcomes: RunOutcome[] = [];
  if (workers === 1) for (const i of indices) outcomes.push(run(i));
  else await runPool(document, indices, workers, (o) => outcomes.push(o));
  return outcomes;
}

/** Runs one expectation file: the experiment and its ablations. */
async function runExpectation(document: Experiment, workers: number): Promise<ExpectationResult> {
  const resolved = expectationParts(document, findModel);
  if (!resolved.ok) throw new UsageError(resolved.errors.join('; '));
  const outcomes: RunOutcome[][] = [];
  for (const part of resolved.parts) {
    const { plan, settings } = part.prepared;
    outcomes.push(
      await outcomesOf(part.document, selectedRuns(plan, WHOLE), workers, (i) =>
        executeRun(plan.model, settings, runTask(plan, i)),
      ),
    );
  }
  return expectationResult(resolved.hypothesis, resolved.parts, outcomes)!;
}

export async function expectationsCommand(args: ExpectationsArgs, out: Output): Promise<void> {
  const files = expectationFiles();
  const chosen = args.only === undefined ? files : files.filter((f) => f.startsWith(`expectation-${args.only}-`));
  if (chosen.length === 0)
    throw new UsageError(`no expectation ${args.only} in ${DIRECTORY}/ (there are ${files.length})`);
  const workers = args.workers ?? availableParallelism();
  const report: unknown[] = [];
  for (const file of chosen) {
    const json = parseJsonText(readFileSync(join(DIRECTORY, file), 'utf8'));
    if (!json.ok) throw new UsageError(`${DIRECTORY}/${file} ${json.message}`);
    const parsed = parseExperiment(json.value, findModel);
    if (!parsed.ok) throw new UsageError(`${DIRECTORY}/${file} is not a valid experiment: ${parsed.errors.join('; ')}`);
    const document = parsed.value.experiment;
    out.stderr(`agora: ${document.name}…`);
    const r = await runExpectation(document, workers);
    const row = {
      file,
      statement: document.hypothesis!.statement,
      verdict: r.verdict,
      effect: r.effect.effect,
      low: r.effect.low,
      high: r.effect.high,
      n: r.effect.n,
      runs: r.runs,
      attribution: r.attribution.label,
      carriers: r.attribution.carriers,
      ablations: r.attribution.shares.map((s) => ({
        mechanism: s.mechanism,
        effect: s.effect.effect,
        low: s.effect.low,
        high: s.effect.high,
        verdict: s.verdict,
        moved: s.moved,
      })),
    };
    report.push(row);
    if (!args.json) {
      const figure = (v: number) => figureOf(v, r.format);
      out.stdout(
        `${file}\n  ${row.statement}\n  ${row.verdict}: effect ${figure(row.effect)} [${figure(row.low)}, ${figure(row.high)}], n = ${row.n} (${row.runs} runs)`,
      );
      out.stdout(`  ${row.attribution}${row.carriers.length ? ` (${row.carriers.join(', ')})` : ''}`);
      for (const a of row.ablations)
        out.stdout(
          `    without ${a.mechanism}: ${figure(a.effect)} [${figure(a.low)}, ${figure(a.high)}] ${a.verdict}, moves ${(100 * a.moved).toFixed(0)}%`,
        );
    }
  }
  if (args.json) out.stdout(JSON.stringify(report, null, 1));
}
