/**
 * `agora compare`: a what-if from a comparison file or link, run headless. The base runs from
 * Setup to the fork day, the fork is taken from its state there, and both run on to the same
 * tick; printed are both runs' reporters and fingerprints and the difference (fork − base) of each reporter.
 */
import { decodeComparisonLink, isComparisonLink } from '../core/comparisonLink';
import { parseComparison, startComparison, type ResolvedComparison } from '../core/comparison';
import type { Reporters } from '../core/run';
import { findModel } from '../models/registry';
import { UsageError, type CompareArgs } from './args';
import { readScenarioFile } from './resolveRun';
import type { Output } from './runCommand';

async function readComparison(source: string): Promise<unknown> {
  if (!isComparisonLink(source)) return readScenarioFile(source);
  const decoded = await decodeComparisonLink(source);
  if (!decoded.ok) throw new UsageError(`--scenario: ${decoded.error.message}`);
  return decoded.document;
}

/** Fork minus base per reporter; null where either is missing. */
function difference(base: Reporters, fork: Reporters): Reporters {
  const out: Reporters = {};
  for (const [name, value] of Object.entries(base)) {
    const other = fork[name];
    out[name] = value === null || other === null || other === undefined ? null : other - value;
  }
  return out;
}

const show = (value: number | null | undefined) => (value === null || value === undefined ? '—' : String(value));

export async function compareCommand(args: CompareArgs, out: Output): Promise<void> {
  const parsed = parseComparison(await readComparison(args.scenario), findModel);
  if (!parsed.ok) throw new UsageError(`--scenario: ${parsed.errors[0].message}`);
  const c = parsed.value;
  for (const w of c.warnings) out.stderr(`agora: warning: ${w}`);
  const horizon = c.model.horizon?.(c.base.params);
  const maxTick = args.ticks ?? horizon;
  if (maxTick === undefined) throw new UsageError(`--ticks is needed: ${c.model.id} has no horizon`);
  if (maxTick < c.forkDay) throw new UsageError(`--ticks ${maxTick} is before the fork day ${c.forkDay}`);
  const { base, fork } = startComparison(c);
  base.runUntil(maxTick);
  fork.runUntil(maxTick);
  const side = (run: typeof base) => ({ ticks: run.tick, fingerprint: run.fingerprint(), reporters: run.reporters() });
  const result = {
    model: c.model.id,
    modelVersion: c.model.version,
    seed: c.seed,
    ...(c.question === undefined ? {} : { question: c.question }),
    forkDay: c.forkDay,
    forkChanges: c.forkChanges,
    ...(c.setsUp ? { forkParams: Object.keys(c.forked.params).filter((k) => changedParam(c, k)) } : {}),
    ticks: maxTick,
    base: side(base),
    fork: side(fork),
    difference: difference(base.reporters(), fork.reporters()),
  };
  if (args.json) {
    out.stdout(JSON.stringify(result));
    return;
  }
  out.stdout(`${c.model.title} (${c.model.id} v${c.model.version}), seed ${c.seed}`);
  if (c.question !== undefined) out.stdout(c.question);
  const changes = c.forkChanges.map((ch) => `${ch.param} = ${JSON.stringify(ch.value)} at tick ${ch.tick}`);
  if (result.forkParams) changes.unshift(`Setup parameters: ${result.forkParams.join(', ')}`);
  out.stdout(`fork at day ${c.forkDay}: ${changes.length ? changes.join('; ') : 'no changes'}`);
  out.stdout(`base stopped at tick ${base.tick}, fingerprint ${result.base.fingerprint}`);
  out.stdout(`fork stopped at tick ${fork.tick}, fingerprint ${result.fork.fingerprint}`);
  out.stdout(
    `  ${'reporter'.padEnd(28)} ${'base'.padStart(22)} ${'fork'.padStart(22)} ${'Δ (fork − base)'.padStart(22)}`,
  );
  for (const [name, value] of Object.entries(result.base.reporters)) {
    const cells = [value, result.fork.reporters[name], result.difference[name]].map((v) => show(v).padStart(22));
    out.stdout(`  ${name.padEnd(28)} ${cells.join(' ')}`);
  }
}

/** Whether the fork sets parameter `name` differently from the base at Setup. */
function changedParam(c: ResolvedComparison, name: string): boolean {
  return JSON.stringify(c.base.params[name]) !== JSON.stringify(c.forked.params[name]);
}
