/**
 * The code each JavaScript engine runs for the engine-agreement test (tests/core/engines.test.ts):
 * bundled with the core and the models into one self-contained script (see bundle.ts), it
 * computes dmath results as IEEE-754 bit patterns and the fingerprints of short seeded runs.
 * It uses nothing but the language itself, so the same script runs in V8 and in QuickJS.
 */
import * as dmath from '../../src/core/dmath';
import { defaultParams } from '../../src/core/params';
import { Run } from '../../src/core/run';
import { findModel } from '../../src/models/registry';

export interface ProbeRequest {
  /** dmath calls: an exported function's name and its arguments. */
  readonly math: ReadonlyArray<readonly [name: string, args: readonly number[]]>;
  /** Runs of a model with its default parameters, from `seed` for `ticks` ticks. */
  readonly runs: ReadonlyArray<{ readonly model: string; readonly seed: number; readonly ticks: number }>;
}

export interface ProbeResult {
  /** 16 hex digits per dmath call, in request order. */
  readonly math: string[];
  /** The fingerprint per run, in request order. */
  readonly runs: string[];
}

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);

function bits(x: number): string {
  F64[0] = x;
  return U32[1].toString(16).padStart(8, '0') + U32[0].toString(16).padStart(8, '0');
}

function callDmath(name: string, args: readonly number[]): number {
  const fn: unknown = (dmath as Record<string, unknown>)[name];
  if (typeof fn !== 'function') throw new Error(`dmath has no function ${name}`);
  return (fn as (...a: number[]) => number)(...args);
}

function fingerprintOf(modelId: string, seed: number, ticks: number): string {
  const model = findModel(modelId);
  if (!model) throw new Error(`no model ${modelId}`);
  const run = Run.create(model, defaultParams(model.params), seed);
  run.runUntil(ticks);
  if (run.tick !== ticks) throw new Error(`${modelId} stopped at tick ${run.tick}, before tick ${ticks}`);
  return run.fingerprint();
}

/** Takes and returns JSON text: strings are the one value every engine binding passes as-is. */
export function probe(requestJson: string): string {
  const request = JSON.parse(requestJson) as ProbeRequest;
  const result: ProbeResult = {
    math: request.math.map(([name, args]) => bits(callDmath(name, args))),
    runs: request.runs.map((r) => fingerprintOf(r.model, r.seed, r.ticks)),
  };
  return JSON.stringify(result);
}

// Math functions whose results ECMAScript specifies exactly; every other one an engine may
// approximate in its own way (and Math.random is not deterministic at all).
const EXACT_MATH = new Set([
  'abs',
  'ceil',
  'clz32',
  'floor',
  'fround',
  'imul',
  'max',
  'min',
  'round',
  'sign',
  'sqrt',
  'trunc',
]);

/**
 * Replaces every other Math function of this engine with one that throws, so that a run which
 * used the engine's own exp, log, pow… (instead of dmath) fails loudly rather than agreeing by
 * luck. Called after the bundle has loaded (at load, seedrandom calls Math.pow and Math.random
 * for its own unseeded generator, which core never uses) and before `probe`. The `**` operator
 * cannot be trapped here: lint forbids it in core and models.
 */
export function poisonMath(): void {
  const math = Math as unknown as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(Math)) {
    if (typeof math[name] !== 'function' || EXACT_MATH.has(name)) continue;
    math[name] = () => {
      throw new Error(`Math.${name} was called: core and models must use src/core/dmath.ts`);
    };
  }
}
