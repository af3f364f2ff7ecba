/**
 * Runs the probe (probe.ts) in two JavaScript engines: V8, Node's own (in a fresh realm, so
 * the probe's Math trap stays there), and QuickJS, an interpreter compiled to WebAssembly that
 * shares no code with V8, its libm included. Both evaluate the very same bundled script.
 */
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { build } from 'esbuild';
import quickjsRelease from '@jitl/quickjs-wasmfile-release-sync';
import { newQuickJSWASMModuleFromVariant, shouldInterruptAfterDeadline } from 'quickjs-emscripten-core';
import type { ProbeRequest, ProbeResult } from './probe';

/** Long enough for a slow CI machine; a hung engine fails the test instead of hanging it. */
const ENGINE_TIMEOUT_MS = 60_000;

/** Bundles probe.ts with the core, the models and seedrandom into one self-contained script. */
export async function bundleProbe(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./probe.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'agoraProbe',
    // seedrandom's package.json maps its optional `require('crypto')` away for browsers.
    platform: 'browser',
    target: 'es2020',
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/** The script an engine evaluates: the bundle, the Math trap, then the probe, whose JSON is the script's value. */
export function probeScript(bundle: string, request: ProbeRequest): string {
  const argument = JSON.stringify(JSON.stringify(request));
  return `${bundle}\nagoraProbe.poisonMath();\nagoraProbe.probe(${argument});\n`;
}

function parseResult(value: unknown, engine: string): ProbeResult {
  if (typeof value !== 'string') throw new Error(`${engine} returned ${typeof value}, not the probe's JSON`);
  return JSON.parse(value) as ProbeResult;
}

/** Evaluates a script in a fresh V8 realm (its own globals and Math) and returns its value. */
export function evalInV8(script: string): unknown {
  return vm.runInNewContext(script, {}, { timeout: ENGINE_TIMEOUT_MS });
}

export function runInV8(script: string): ProbeResult {
  return parseResult(evalInV8(script), 'V8');
}

/** Evaluates a script in a fresh QuickJS runtime and returns its value (the wasm comes from node_modules). */
export async function evalInQuickJS(script: string): Promise<unknown> {
  const quickjs = await newQuickJSWASMModuleFromVariant(quickjsRelease);
  return quickjs.evalCode(script, {
    shouldInterrupt: shouldInterruptAfterDeadline(Date.now() + ENGINE_TIMEOUT_MS),
    memoryLimitBytes: 512 * 1024 * 1024,
  });
}

export async function runInQuickJS(script: string): Promise<ProbeResult> {
  return parseResult(await evalInQuickJS(script), 'QuickJS');
}

/** A label per probe entry, in the order of the probe's result: `exp(0.5)`, `k-means seed 42 tick 5`. */
export function probeLabels(request: ProbeRequest): string[] {
  return [
    ...request.math.map(([name, args]) => `${name}(${args.join(', ')})`),
    ...request.runs.map((r) => `${r.model} seed ${r.seed} tick ${r.ticks}`),
  ];
}

/** One line per entry where two engines disagree, e.g. `exp(0.5): V8 3ffa… ≠ QuickJS 3ffb…`. */
export function differences(
  request: ProbeRequest,
  a: { readonly engine: string; readonly result: ProbeResult },
  b: { readonly engine: string; readonly result: ProbeResult },
): string[] {
  const valuesA = [...a.result.math, ...a.result.runs];
  const valuesB = [...b.result.math, ...b.result.runs];
  return probeLabels(request).flatMap((label, i) =>
    valuesA[i] === valuesB[i] ? [] : [`${label}: ${a.engine} ${valuesA[i]} ≠ ${b.engine} ${valuesB[i]}`],
  );
}
