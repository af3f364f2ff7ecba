/**
 * The fingerprint of a run's state: 16 lowercase hex characters (a 64-bit digest) over the
 * model id and version, the tick, the RNG state and every state array in declared order
 * (floats as their IEEE-754 bytes). The same scenario, seed and tick give the same
 * fingerprint in the browser, the worker and Node. Computed on demand, never per tick.
 * Observer columns and globals (see ObserverDecl) are left out: they are not the dynamics.
 */
import { Hasher } from './hash';
import type { RngState } from './rng';
import type { AgentSet, Column, ObserverDecl, World } from './world';

export interface FingerprintInput {
  readonly modelId: string;
  readonly modelVersion: number;
  readonly tick: number;
  readonly rng: RngState;
  readonly world: World;
  /** The world declaration's observers, left out of the digest. */
  readonly observers?: ObserverDecl;
}

function hashColumn(h: Hasher, column: Column, count: number): void {
  if (column instanceof Float64Array) {
    h.words32(new Uint32Array(column.buffer, column.byteOffset, count * 2));
  } else if (column instanceof Float32Array || column instanceof Uint32Array) {
    h.words32(new Uint32Array(column.buffer, column.byteOffset, count));
  } else if (column instanceof Int32Array) {
    h.words32(column.subarray(0, count));
  } else {
    for (let i = 0; i < count; i++) h.word(column[i]);
  }
}

export function fingerprint(input: FingerprintInput): string {
  const h = new Hasher();
  h.text(input.modelId).word(input.modelVersion).float(input.tick);
  h.float(input.rng.seed);
  for (const [name, s] of Object.entries(input.rng.streams)) {
    h.text(name).float(s.c).float(s.s0).float(s.s1).float(s.s2);
  }
  const observedColumns = input.observers?.columns ?? {};
  const observedGlobals = input.observers?.globals ?? [];
  for (const [name, set] of Object.entries(input.world.agents) as [string, AgentSet][]) {
    h.text(name).word(set.count).word(set.nextId);
    h.words32(set.ids.subarray(0, set.count));
    for (const [key, column] of Object.entries(set.col as Record<string, Column>)) {
      if (observedColumns[name]?.includes(key)) continue;
      h.text(key);
      hashColumn(h, column, set.count);
    }
  }
  for (const [name, value] of Object.entries(input.world.globals))
    if (!observedGlobals.includes(name)) h.text(name).float(value);
  return h.hex();
}
