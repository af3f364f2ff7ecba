/**
 * Timed changes: live changes made during a run, kept as (tick, parameter path, value) so that
 * any run loop replays them at the same tick. A path names a live parameter (`choiceNoise`) or
 * a live cell of a table, its row by stable id as experiments name cells (`vendors#2.strategy`:
 * the `strategy` of the vendor whose id is 2). Live cells are a model's levers: the columns its table declares with
 * `apply: 'live'`.
 */
import type { Model } from './model';
import {
  validateValue,
  type CellSpec,
  type ParamSchema,
  type ParamSpec,
  type ParamValues,
  type TableRow,
  type TableSpec,
  type TableValue,
  type ValidationError,
} from './params';

type Params = ParamValues<ParamSchema>;

export interface TimedChange {
  /** The tick at which it takes effect: before the step that computes that tick. */
  readonly tick: number;
  readonly param: string;
  readonly value: unknown;
}

/** At most this many timed changes in a run or a scenario: a link stays shareable. */
export const MAX_TIMED_CHANGES = 500;
/** The latest tick a timed change may name when the model sets no horizon. */
const MAX_TICK = 1_000_000_000;

/** The live columns of a table: the levers a panel offers beside the view. */
export function leverColumns(spec: TableSpec): [string, CellSpec][] {
  return Object.entries(spec.columns).filter(([, cell]) => cell.apply === 'live');
}

type Resolved =
  { ok: true; spec: ParamSpec; set: (params: Params, value: unknown) => Params } | { ok: false; message: string };

const NOT_LIVE = 'takes effect at the next Setup';
const BAD_PATH = 'not a parameter path (a name, or table#<row id>.<column>)';
const own = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

/** The path of a table cell, its row by id. */
export const cellPath = (table: string, rowId: number, column: string) => `${table}#${rowId}.${column}`;
const CELL = /^([A-Za-z_]\w*)#(\d{1,10})\.([A-Za-z_]\w*)$/;

/** Finds what a path names in the model, or why it names nothing that may change live. */
function resolve(schema: ParamSchema, params: Params, path: string): Resolved {
  const cellMatch = CELL.exec(path);
  const name = cellMatch ? cellMatch[1] : path;
  const spec = own(schema, name) ? schema[name] : undefined;
  if (!spec) return { ok: false, message: cellMatch || !path.includes('#') ? 'unknown parameter' : BAD_PATH };
  if (!cellMatch) {
    if (spec.kind === 'table')
      return { ok: false, message: `a table: change one of its cells, e.g. ${name}#0.<column>` };
    if (spec.apply !== 'live') return { ok: false, message: NOT_LIVE };
    return { ok: true, spec, set: (p, value) => ({ ...p, [name]: value }) as Params };
  }
  if (spec.kind !== 'table') return { ok: false, message: BAD_PATH };
  const [, , idText, column] = cellMatch;
  const cell = own(spec.columns, column) ? spec.columns[column] : undefined;
  if (!cell) return { ok: false, message: `${name} has no such column` };
  if (cell.apply !== 'live') return { ok: false, message: NOT_LIVE };
  const id = Number(idText);
  const table = params[name] as TableValue;
  if (!table.rows.some((r) => r.id === id)) return { ok: false, message: `${name} has no row with id ${id}` };
  return {
    ok: true,
    spec: cell,
    set: (p, value) => {
      const t = p[name] as TableValue;
      const rows = t.rows.map((r) => (r.id === id ? ({ ...r, [column]: value } as TableRow) : r));
      return { ...p, [name]: { ...t, rows } };
    },
  };
}

/** How a change is named in a message, cut short: `years: takes effect at the next Setup`. */
export const pathField = (param: string) => (typeof param === 'string' ? param.slice(0, 80) : 'param');

/**
 * The parameters after one change, or why the change is refused (a message to follow the
 * path, see `pathField`); `params` is left as it was.
 */
export function applyChange(
  schema: ParamSchema,
  params: Params,
  param: string,
  value: unknown,
): { ok: true; params: Params; value: unknown } | { ok: false; message: string } {
  if (typeof param !== 'string') return { ok: false, message: 'must be a parameter path' };
  const target = resolve(schema, params, param);
  if (!target.ok) return target;
  const checked = validateValue(target.spec, value, param);
  if (!checked.ok) return { ok: false, message: checked.errors[0].message.slice(param.length + 2) };
  return { ok: true, params: target.set(params, checked.value), value: checked.value };
}

/**
 * Checks untrusted timed changes against a model and its set-up parameters: a known live path,
 * a valid value, a whole tick from 0 to the horizon, in order of tick, at most
 * MAX_TIMED_CHANGES. Returns fresh copies safe to keep, or every problem naming its field.
 */
export function checkTimedChanges(
  model: Model,
  params: Params,
  input: readonly { tick: number; param: string; value: unknown }[],
  field = 'changes',
): { ok: true; value: TimedChange[] } | { ok: false; errors: ValidationError[] } {
  if (input.length > MAX_TIMED_CHANGES) {
    const message = `${field}: at most ${MAX_TIMED_CHANGES} timed changes, got ${input.length}`;
    return { ok: false, errors: [{ field, message }] };
  }
  const errors: ValidationError[] = [];
  const out: TimedChange[] = [];
  let current = params;
  let previousTick = 0;
  input.forEach((change, i) => {
    const at = `${field}[${i}]`;
    const fail = (where: string, message: string) => errors.push({ field: where, message: `${where}: ${message}` });
    // The horizon in force at the change: an earlier change may have moved it (a longer run).
    const horizon = model.horizon?.(current) ?? MAX_TICK;
    if (change.tick > horizon) return fail(`${at}.tick`, `must be at most the horizon, day ${horizon}`);
    if (change.tick < previousTick)
      return fail(`${at}.tick`, `changes must be in order of tick (${change.tick} < ${previousTick})`);
    previousTick = change.tick;
    const applied = applyChange(model.params, current, change.param, change.value);
    if (!applied.ok) return fail(`${at}.param`, `${pathField(change.param)}: ${applied.message}`);
    current = applied.params;
    out.push({ tick: change.tick, param: change.param, value: applied.value });
  });
  return errors.length ? { ok: false, errors } : { ok: true, value: out };
}

/** The parameters in force at `tick`: every change up to and including that tick applied. */
export function paramsAt(schema: ParamSchema, params: Params, changes: readonly TimedChange[], tick: number): Params {
  let current = params;
  for (const c of changes) {
    if (c.tick > tick) break;
    const applied = applyChange(schema, current, c.param, c.value);
    if (applied.ok) current = applied.params;
  }
  return current;
}

/**
 * Records a change made live into a list in order of tick: after every change up to its tick,
 * taking the place of the last one when that changed the same path at the same tick (a slider
 * dragged within one tick leaves one change). Replaying the result gives the same parameters.
 */
export function recordChange(changes: TimedChange[], change: TimedChange): void {
  let at = changes.length;
  while (at > 0 && changes[at - 1].tick > change.tick) at--;
  const last = changes[at - 1];
  if (last && last.tick === change.tick && last.param === change.param) changes[at - 1] = change;
  else changes.splice(at, 0, change);
}

/** The value a path names in a parameter set (see `applyChange` for paths); undefined when it names none. */
export function readPath(params: Params, path: string): unknown {
  const cellMatch = CELL.exec(path);
  if (!cellMatch) return own(params, path) ? params[path] : undefined;
  const table = own(params, cellMatch[1]) ? (params[cellMatch[1]] as TableValue) : undefined;
  return table?.rows?.find((r) => r.id === Number(cellMatch[2]))?.[cellMatch[3]];
}

/**
 * The changes that still apply to a parameter set (after the table rows or the horizon they
 * name changed): each kept when it applies on top of those kept before it.
 */
export function applicableChanges(model: Model, params: Params, changes: readonly TimedChange[]): TimedChange[] {
  const kept: TimedChange[] = [];
  let current = params;
  for (const change of changes) {
    const horizon = model.horizon?.(current) ?? MAX_TICK;
    const applied = change.tick <= horizon ? applyChange(model.params, current, change.param, change.value) : null;
    if (!applied?.ok) continue;
    current = applied.params;
    kept.push(change);
  }
  return kept;
}
