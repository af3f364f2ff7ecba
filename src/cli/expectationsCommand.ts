/**
 * `agora expectations`: reruns the eight expectations of the model brief (experiments/
 * expectation-*.json) with their ablations and prints verdict, effect, interval, runs and the
 * mechanisms that carry each effect, and whether the verdict is robust — the figures of the app's
 * expectations page.
 */
import { availableParallelism } from 'node:os';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { expectationJson, expectationLines } from './expectationJson';
import { executeRun, runTask, type RunOutcome } from '../core/experiment/execute';
import { expectationParts, expectationResult, type ExpectationResult } from '../core/experiment/expectation';
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

/** Runs one expectation file: the experiment, its ablations and its robustness variations. */
async function runExpectation(document: Experiment, workers: number, out: Output): Promise<ExpectationResult> {
  const resolved = expectationParts(document, findModel);
  if (!resolved.ok) throw new UsageError(resolved.errors.join('; '));
  const outcomes: RunOutcome[][] = [];
  for (const part of resolved.parts) {
    const { plan, settings } = part.prepared;
    const indices = selectedRuns(plan, WHOLE);
    const what = part.mechanism ? `without ${part.mechanism}` : (part.variation?.label ?? 'the experiment');
    out.stderr(`agora:   ${what}: ${indices.length} runs`);
    outcomes.push(
      await outcomesOf(part.document, indices, workers, (i) => executeRun(plan.model, settings, runTask(plan, i))),
    );
  }
  return expectationResult(resolved.hypothesis, resolved.parts, outcomes)!;
}

/** The experiments to run: --file, or experiments/expectation-*.json (all, or --only N). */
function chosenFiles(args: ExpectationsArgs): { file: string; path: string }[] {
  if (args.file !== undefined) return [{ file: basename(args.file), path: args.file }];
  const files = expectationFiles();
  const chosen = args.only === undefined ? files : files.filter((f) => f.startsWith(`expectation-${args.only}-`));
  if (chosen.length === 0)
    throw new UsageError(`no expectation ${args.only} in ${DIRECTORY}/ (there are ${files.length})`);
  return chosen.map((file) => ({ file, path: join(DIRECTORY, file) }));
}

export async function expectationsCommand(args: ExpectationsArgs, out: Output): Promise<void> {
  const workers = args.workers ?? availableParallelism();
  const report: unknown[] = [];
  for (const { file, path } of chosenFiles(args)) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      throw new UsageError(`cannot read ${path}`);
    }
    const json = parseJsonText(text);
    if (!json.ok) throw new UsageError(`${path} ${json.message}`);
    const parsed = parseExperiment(json.value, findModel);
    if (!parsed.ok) throw new UsageError(`${path} is not a valid experiment: ${parsed.errors.join('; ')}`);
    const document = parsed.value.experiment;
    out.stderr(`agora: ${document.name}…`);
    const result = await runExpectation(document, workers, out);
    const row = expectationJson(file, document, parsed.value.model, result);
    report.push(row);
    if (!args.json) for (const line of expectationLines(row)) out.stdout(line);
  }
  if (args.json) out.stdout(JSON.stringify(report, null, 1));
}
