/**
 * The comparison document: a base scenario, the day a fork is taken from it and the fork's
 * changes — one what-if, the same in a file, a link (comparisonLink.ts) and `agora compare`:
 * `{ format: "agora-comparison", version: 1, question?, base: <scenario>, fork: { day, params?, changes? } }`.
 * `fork.changes` are timed changes from the fork day on; `fork.params` change parameters that
 * take effect only at Setup (an event's day, say), so a fork with them is taken at day 0: a
 * second run set up on the same random numbers. `parseComparison` is the gate from untrusted input.
 */
import * as v from 'valibot';
import {
  count,
  documentHeader,
  documentObject,
  isPlainObject,
  parseDocument,
  strictEntries,
  text,
} from './documentSchema';
import { mergeChanges, forkSnapshot } from './fork';
import type { Model } from './model';
import { validateParams, type ParamSchema, type ParamValues, type ValidationError } from './params';
import { Run } from './run';
import { resolveScenario, ScenarioSchema } from './scenario';
import { checkTimedChanges, paramsAt, type TimedChange } from './timedChanges';

const COMPARISON_FORMAT = 'agora-comparison';
const COMPARISON_VERSION = 1;

const ChangeSchema = strictEntries(
  {
    tick: count(0, 1e9, 'must be a whole tick from 0 to 1000000000'),
    param: v.string('must be a parameter path, e.g. vendors#2.strategy'),
    value: v.unknown(),
  },
  'unknown key in a timed change',
);

const ComparisonSchema = documentObject(
  {
    ...documentHeader(COMPARISON_FORMAT, COMPARISON_VERSION),
    /** The question the comparison answers, e.g. "What if Cirrus ends its price war in year 2?". */
    question: v.optional(text('must be a non-blank text of at most 200 characters', 200)),
    base: ScenarioSchema,
    fork: documentObject(
      {
        day: count(0, 1e9, 'must be a whole day from 0 to 1000000000'),
        params: v.optional(
          v.custom<Readonly<Record<string, unknown>>>(isPlainObject, 'must be an object of parameter values'),
        ),
        changes: v.optional(v.array(ChangeSchema, 'must be a list of timed changes { tick, param, value }')),
      },
      'an object { day, params?, changes? }',
      'unknown key in fork',
    ),
  },
  'a JSON object',
  'unknown key in comparison',
);

type Params = ParamValues<ParamSchema>;

/** One side of a comparison as a run from Setup: what `agora run` of its scenario does. */
interface RunSpec {
  readonly params: Params;
  readonly changes: readonly TimedChange[];
}

/** A comparison checked against its model. */
export interface ResolvedComparison {
  readonly model: Model;
  readonly seed: number;
  readonly question?: string;
  readonly base: RunSpec;
  readonly forkDay: number;
  /** The fork's own timed changes. */
  readonly forkChanges: readonly TimedChange[];
  /** Whether the fork changes Setup parameters (and so is set up anew rather than forked from the base's state). */
  readonly setsUp: boolean;
  /** The fork as one run from Setup: the base's parameters and changes with the fork's. */
  readonly forked: RunSpec;
  readonly warnings: readonly string[];
}

type Result = { ok: true; value: ResolvedComparison } | { ok: false; errors: ValidationError[] };

const fail = (field: string, message: string): Result => ({
  ok: false,
  errors: [{ field, message: `${field}: ${message}` }],
});

/** Checks an untrusted comparison document (already JSON-parsed). Never throws. */
export function parseComparison(input: unknown, findModel: (id: string) => Model | undefined): Result {
  const parsed = parseDocument(ComparisonSchema, input, 'comparison');
  if (!parsed.ok) return parsed;
  const doc = parsed.value;
  const base = resolveScenario(doc.base, findModel);
  if (!base.ok)
    return { ok: false, errors: base.errors.map((e) => ({ field: `base.${e.field}`, message: `base.${e.message}` })) };
  const { model, seed, params, changes, warnings } = base.value;
  const day = doc.fork.day;
  const horizon = model.horizon?.(paramsAt(model.params, params, changes, day)) ?? Infinity;
  if (day > horizon) return fail('fork.day', `must be at most the horizon, day ${horizon}`);
  const setupChanges = doc.fork.params ?? {};
  const setsUp = Object.keys(setupChanges).length > 0;
  if (setsUp && day !== 0)
    return fail('fork.params', 'change only at Setup: fork at day 0, or change live parameters with fork.changes');
  const forkParams = validateParams(model.params, { ...(doc.base.params ?? {}), ...setupChanges });
  if (!forkParams.ok) return fail('fork.params', forkParams.errors[0].message);
  const early = (doc.fork.changes ?? []).findIndex((c) => c.tick < day);
  if (early >= 0) return fail(`fork.changes[${early}].tick`, `must be at least the fork day ${day}`);
  const atFork = paramsAt(model.params, forkParams.value, changes, day);
  const own = checkTimedChanges(model, atFork, doc.fork.changes ?? [], 'fork.changes');
  if (!own.ok) return own;
  const merged = checkTimedChanges(model, forkParams.value, mergeChanges(changes, own.value), 'fork.changes');
  if (!merged.ok) return merged;
  return {
    ok: true,
    value: {
      model,
      seed,
      ...(doc.question === undefined ? {} : { question: doc.question }),
      base: { params, changes },
      forkDay: day,
      forkChanges: own.value,
      setsUp,
      forked: { params: forkParams.value, changes: merged.value },
      warnings,
    },
  };
}

/**
 * The two runs of a comparison at its fork day: the base run from Setup, and the fork taken
 * from the base's state there (or, when the fork changes Setup parameters, set up anew on the
 * same seed). Step both on to compare them.
 */
export function startComparison(c: ResolvedComparison): { base: Run; fork: Run } {
  const base = Run.create(c.model, c.base.params, c.seed, c.base.changes);
  base.runUntil(c.forkDay);
  if (c.setsUp) return { base, fork: Run.create(c.model, c.forked.params, c.seed, c.forked.changes) };
  const snapshot = forkSnapshot(c.model, base.snapshot(), c.forkChanges);
  // The changes were checked against the same parameters by parseComparison.
  if (!snapshot.ok) throw new Error(snapshot.errors[0].message);
  return { base, fork: Run.restore(c.model, snapshot.value) };
}
