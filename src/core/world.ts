/**
 * A model's state: named agent sets stored as struct-of-arrays typed columns, plus named
 * numeric globals. Everything that shapes a run's future lives here, so that the fingerprint,
 * snapshots and the frames sent to the view can treat every model alike.
 */

type ColumnType = 'f64' | 'f32' | 'i32' | 'u32' | 'i16' | 'u16' | 'u8' | 'i8';
export type Column =
  Float64Array | Float32Array | Int32Array | Uint32Array | Int16Array | Uint16Array | Uint8Array | Int8Array;

const CONSTRUCTORS = {
  f64: Float64Array,
  f32: Float32Array,
  i32: Int32Array,
  u32: Uint32Array,
  i16: Int16Array,
  u16: Uint16Array,
  u8: Uint8Array,
  i8: Int8Array,
} as const;

type ColumnOf<T extends ColumnType> = InstanceType<(typeof CONSTRUCTORS)[T]>;
export type ColumnsDecl = Readonly<Record<string, ColumnType>>;

/**
 * A growable set of agents of one kind. Column `c` of agent `i` is `set.col.c[i]`, for
 * i < count. Agents also carry a stable `id` (never reused); order is creation order.
 *
 * WARNING: `add` may reallocate the columns; re-read `set.col` after adding agents.
 */
export class AgentSet<C extends ColumnsDecl = ColumnsDecl> {
  count = 0;
  /** Id the next added agent receives. */
  nextId = 0;
  ids: Uint32Array;
  col: { [K in keyof C]: ColumnOf<C[K]> };

  constructor(
    readonly name: string,
    readonly columns: C,
    capacity = 16,
  ) {
    this.ids = new Uint32Array(capacity);
    const col: Record<string, Column> = {};
    for (const [key, type] of Object.entries(columns)) col[key] = new CONSTRUCTORS[type](capacity);
    this.col = col as { [K in keyof C]: ColumnOf<C[K]> };
  }

  get capacity(): number {
    return this.ids.length;
  }

  /** Appends `n` zero-initialised agents; returns the index of the first. */
  add(n = 1): number {
    const first = this.count;
    this.reserve(first + n);
    for (let i = 0; i < n; i++) this.ids[first + i] = this.nextId++;
    this.count += n;
    return first;
  }

  /** Ensures room for `capacity` agents without reallocating later. */
  reserve(capacity: number): void {
    if (capacity <= this.capacity) return;
    const size = Math.max(capacity, this.capacity * 2);
    this.ids = grow(this.ids, size, this.count);
    const col = this.col as Record<string, Column>;
    for (const key of Object.keys(col)) col[key] = grow(col[key], size, this.count);
  }

  /** Removes every agent for which `remove(i)` is true, keeping the others' order. */
  removeWhere(remove: (index: number) => boolean): void {
    const col = this.col as Record<string, Column>;
    const keys = Object.keys(col);
    let w = 0;
    for (let r = 0; r < this.count; r++) {
      if (remove(r)) continue;
      if (w !== r) {
        this.ids[w] = this.ids[r];
        for (const key of keys) col[key][w] = col[key][r];
      }
      w++;
    }
    this.count = w;
  }

  clear(): void {
    this.count = 0;
  }
}

function grow<T extends Column>(array: T, size: number, used: number): T {
  const next = new (array.constructor as new (n: number) => T)(size);
  next.set(array.subarray(0, used) as never);
  return next;
}

/**
 * Observer state: declared columns (by agent set) and globals that a model writes only to observe
 * its run (e.g. a customer's seller on the day a shock began, the lowest profit so far) and that
 * its dynamics never read. Snapshots keep them, so restore and resume stay exact; the fingerprint
 * leaves them out, because it identifies the dynamics and observers are derived from them: a
 * model may add an observer without a new version, and its goldens stay as they are.
 */
export interface ObserverDecl {
  readonly columns?: Readonly<Record<string, readonly string[]>>;
  readonly globals?: readonly string[];
}

export type WorldDecl = {
  readonly agents: Readonly<Record<string, ColumnsDecl>>;
  readonly globals: readonly string[];
  readonly observers?: ObserverDecl;
};

/** The state of one run: agent sets in declared order and globals in declared order. */
export interface World<D extends WorldDecl = WorldDecl> {
  readonly agents: { [K in keyof D['agents']]: AgentSet<D['agents'][K]> };
  readonly globals: Record<D['globals'][number], number>;
}

export function createWorld<D extends WorldDecl>(decl: D): World<D> {
  const agents: Record<string, AgentSet> = {};
  for (const [name, columns] of Object.entries(decl.agents)) agents[name] = new AgentSet(name, columns);
  const globals: Record<string, number> = {};
  for (const g of decl.globals) globals[g] = 0;
  return { agents, globals } as World<D>;
}

/** A detached copy of a world's live data; also the shape of a snapshot's state. */
export interface WorldData {
  readonly agents: Record<string, { count: number; nextId: number; ids: Uint32Array; columns: Record<string, Column> }>;
  readonly globals: Record<string, number>;
}

/** Copies the live part (index < count) of every column. */
export function copyWorld(world: World): WorldData {
  const agents: WorldData['agents'] = {};
  for (const [name, set] of Object.entries(world.agents) as [string, AgentSet][]) {
    const columns: Record<string, Column> = {};
    for (const [key, column] of Object.entries(set.col as Record<string, Column>))
      columns[key] = column.slice(0, set.count);
    agents[name] = { count: set.count, nextId: set.nextId, ids: set.ids.slice(0, set.count), columns };
  }
  return { agents, globals: { ...world.globals } };
}

/** Overwrites `world` (built from the same declaration) with `data`. */
export function loadWorld(world: World, data: WorldData): void {
  for (const [name, set] of Object.entries(world.agents) as [string, AgentSet][]) {
    const saved = data.agents[name];
    set.clear();
    set.add(saved.count);
    set.nextId = saved.nextId;
    set.ids.set(saved.ids);
    const col = set.col as Record<string, Column>;
    for (const key of Object.keys(col)) col[key].set(saved.columns[key] as never);
  }
  Object.assign(world.globals, data.globals);
}
