/**
 * The parameter schema: one declaration per parameter drives the sliders, the URL and file
 * codecs, the CLI's --param flags and experiment sweeps. `validateParams` is the single gate
 * every entry point passes values through.
 */
import { append } from './arrays';
import { MAX_DOCUMENT_DEPTH, parseJsonText, withinDepth } from './jsonDocument';
import { displayText, hasUnsafeCharacters, UNSAFE_TEXT } from './safeText';

/** Where a change takes effect: at once in a running model, or only at the next Setup. */
type ApplyMode = 'live' | 'setup';

interface SpecBase<K extends string, V> {
  readonly kind: K;
  /** English label, shown through the translation layer. */
  readonly label: string;
  /** Unit written after values (e.g. "days", "%"); omitted for pure numbers. */
  readonly unit?: string;
  readonly description?: string;
  readonly default: V;
  readonly apply: ApplyMode;
}

export interface NumberSpec extends SpecBase<'int' | 'float', number> {
  /** Valid range, inclusive. */
  readonly min: number;
  readonly max: number;
  /** Narrower range offered by a slider; the validator still accepts [min, max]. */
  readonly uiMin: number;
  readonly uiMax: number;
  readonly step: number;
  /** What the numbers stand for in a table column (row ids of another table, coded values); see `cellMeaning`. */
  readonly meaning?: CellMeaning | MeaningByColumn;
}
/** A number's words: `-1` = "All suppliers", `2` = "Profit first". */
export interface ValueLabel {
  readonly value: number;
  readonly label: string;
}
/**
 * What the numbers of a table column stand for, so that an editor offers words instead of
 * them. Declaring it changes no stored value: the numbers stay what the model reads.
 */
export interface CellMeaning {
  /** The table parameter whose row ids the values are; its rows are named by their `name` column. */
  readonly refersTo?: string;
  /** Words for values: coded values, or values that name no row (e.g. -1 = all). */
  readonly labels?: readonly ValueLabel[];
}
/** A meaning that depends on another column of the row, e.g. on an event's kind; a value not listed means plain numbers. */
interface MeaningByColumn {
  readonly by: string;
  readonly cases: Readonly<Record<string, CellMeaning>>;
}
export interface ChoiceOption {
  readonly value: string;
  readonly label: string;
}
export interface ChoiceSpec extends SpecBase<'choice', string> {
  readonly options: readonly ChoiceOption[];
}
export type BooleanSpec = SpecBase<'boolean', boolean>;
export interface ListSpec extends SpecBase<'list', readonly number[]> {
  readonly item: { readonly integer: boolean; readonly min: number; readonly max: number };
  readonly minLength: number;
  readonly maxLength: number;
}
/** A cell of a table row: the scalar kinds only. */
export type CellSpec = NumberSpec | ChoiceSpec | BooleanSpec | TextSpec;
export interface TextSpec extends SpecBase<'text', string> {
  readonly maxLength: number;
}
export type TableRow = { readonly id: number } & Readonly<Record<string, number | string | boolean>>;
/**
 * A table's value. Row ids are stable and never reused: a new row takes `nextId`, which only
 * grows, so a row removed and another added never share an id (scenarios and events refer to
 * rows by id).
 */
export interface TableValue {
  readonly nextId: number;
  readonly rows: readonly TableRow[];
}
export interface TableSpec extends SpecBase<'table', TableValue> {
  readonly columns: Readonly<Record<string, CellSpec>>;
  readonly minRows: number;
  readonly maxRows: number;
}

export type ParamSpec = NumberSpec | ChoiceSpec | BooleanSpec | ListSpec | TableSpec | TextSpec;
export type ParamSchema = Readonly<Record<string, ParamSpec>>;

/** The value type each spec describes. */
type ValueOf<S extends ParamSpec> = S['default'];
export type ParamValues<S extends ParamSchema> = { readonly [K in keyof S]: ValueOf<S[K]> };

type NumberOptions = {
  label: string;
  min: number;
  max: number;
  default: number;
  unit?: string;
  description?: string;
  apply?: ApplyMode;
  uiMin?: number;
  uiMax?: number;
  step?: number;
  meaning?: CellMeaning | MeaningByColumn;
};
type Common<V> = { label: string; default: V; unit?: string; description?: string; apply?: ApplyMode };

function numberSpec(kind: 'int' | 'float', o: NumberOptions): NumberSpec {
  const spec: NumberSpec = {
    kind,
    label: o.label,
    unit: o.unit,
    description: o.description,
    default: o.default,
    apply: o.apply ?? 'setup',
    min: o.min,
    max: o.max,
    uiMin: o.uiMin ?? o.min,
    uiMax: o.uiMax ?? o.max,
    step: o.step ?? (kind === 'int' ? 1 : (o.max - o.min) / 100),
    ...(o.meaning ? { meaning: o.meaning } : {}),
  };
  if (!(spec.min <= spec.uiMin && spec.uiMin <= spec.uiMax && spec.uiMax <= spec.max)) {
    throw new Error(`Parameter "${o.label}": need min <= uiMin <= uiMax <= max`);
  }
  const problem = checkNumber(spec, spec.default);
  if (problem) throw new Error(`Parameter "${o.label}": default ${problem}`);
  return spec;
}

/** Builders for parameter specs; `apply` defaults to 'setup'. */
export const p = {
  int: (o: NumberOptions): NumberSpec => numberSpec('int', o),
  float: (o: NumberOptions): NumberSpec => numberSpec('float', o),
  choice: (o: Common<string> & { options: readonly ChoiceOption[] }): ChoiceSpec => ({
    kind: 'choice',
    ...o,
    apply: o.apply ?? 'setup',
  }),
  boolean: (o: Common<boolean>): BooleanSpec => ({ kind: 'boolean', ...o, apply: o.apply ?? 'setup' }),
  text: (o: Common<string> & { maxLength?: number }): TextSpec => ({
    kind: 'text',
    ...o,
    maxLength: o.maxLength ?? 200,
    apply: o.apply ?? 'setup',
  }),
  list: (
    o: Common<readonly number[]> & {
      item: ListSpec['item'];
      minLength?: number;
      maxLength?: number;
    },
  ): ListSpec => ({
    kind: 'list',
    ...o,
    minLength: o.minLength ?? 0,
    maxLength: o.maxLength ?? 1000,
    apply: o.apply ?? 'setup',
  }),
  table: (
    o: Common<TableValue> & { columns: Record<string, CellSpec>; minRows?: number; maxRows?: number },
  ): TableSpec => ({
    kind: 'table',
    ...o,
    minRows: o.minRows ?? 0,
    maxRows: o.maxRows ?? 1000,
    apply: o.apply ?? 'setup',
  }),
};

/** What a number cell of `row` stands for (see `CellMeaning`); undefined for plain numbers. */
export function cellMeaning(cell: CellSpec, row: TableRow): CellMeaning | undefined {
  if (cell.kind !== 'int' && cell.kind !== 'float') return undefined;
  const meaning = cell.meaning;
  if (!meaning || !('by' in meaning)) return meaning;
  const key = row[meaning.by];
  return typeof key === 'string' && Object.prototype.hasOwnProperty.call(meaning.cases, key)
    ? meaning.cases[key]
    : undefined;
}

export interface ValidationError {
  /** Path of the offending field, e.g. `numPoints` or `vendors[2].price`. */
  readonly field: string;
  readonly message: string;
}
export type Validated<T> = { ok: true; value: T } | { ok: false; errors: ValidationError[] };

/** Keys that could reach an object's prototype chain; never accepted from outside. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function describe(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : typeof value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Returns a problem description, or null when `value` is valid for `spec`. */
function checkNumber(spec: NumberSpec, value: unknown): string | null {
  const range = `${spec.kind === 'int' ? 'an integer' : 'a number'} from ${spec.min} to ${spec.max}`;
  if (typeof value !== 'number' || Number.isNaN(value)) return `must be ${range}, got ${describe(value)}`;
  if (!Number.isFinite(value)) return `must be finite (${range}), got ${describe(value)}`;
  if (spec.kind === 'int' && !Number.isInteger(value)) return `must be ${range}, got ${describe(value)}`;
  if (value < spec.min || value > spec.max) return `must be ${range}, got ${describe(value)}`;
  return null;
}

function checkScalar(spec: CellSpec | ListSpec, value: unknown, field: string, errors: ValidationError[]): void {
  let problem: string | null = null;
  switch (spec.kind) {
    case 'int':
    case 'float':
      problem = checkNumber(spec, value);
      break;
    case 'boolean':
      if (typeof value !== 'boolean') problem = `must be true or false, got ${describe(value)}`;
      break;
    case 'choice':
      if (typeof value !== 'string' || !spec.options.some((o) => o.value === value)) {
        problem = `must be one of ${spec.options.map((o) => o.value).join(', ')}, got ${describe(value)}`;
      }
      break;
    case 'text':
      if (typeof value !== 'string') problem = `must be text, got ${describe(value)}`;
      else if (value.length > spec.maxLength) problem = `must be at most ${spec.maxLength} characters`;
      // A name shown in plots and tables must read as what it is (see safeText.ts).
      else if (hasUnsafeCharacters(value)) problem = UNSAFE_TEXT;
      break;
    case 'list':
      checkList(spec, value, field, errors);
      return;
  }
  if (problem) errors.push({ field, message: `${field}: ${problem}` });
}

function checkList(spec: ListSpec, value: unknown, field: string, errors: ValidationError[]): void {
  if (!Array.isArray(value)) {
    errors.push({ field, message: `${field}: must be a list of numbers, got ${describe(value)}` });
    return;
  }
  if (value.length < spec.minLength || value.length > spec.maxLength) {
    errors.push({
      field,
      message: `${field}: must hold ${spec.minLength} to ${spec.maxLength} items, got ${value.length}`,
    });
    return;
  }
  const item: NumberSpec = {
    ...spec.item,
    kind: spec.item.integer ? 'int' : 'float',
    label: spec.label,
    default: spec.item.min,
    apply: spec.apply,
    uiMin: spec.item.min,
    uiMax: spec.item.max,
    step: 1,
  };
  value.forEach((v, i) => checkScalar(item, v, `${field}[${i}]`, errors));
}

function checkTable(spec: TableSpec, value: unknown, field: string, errors: ValidationError[]): TableValue | null {
  if (!isPlainObject(value) || !Array.isArray(value.rows) || typeof value.nextId !== 'number') {
    errors.push({ field, message: `${field}: must be a table { nextId, rows: [...] }, got ${describe(value)}` });
    return null;
  }
  const before = errors.length;
  checkKeys(value, new Set(['nextId', 'rows']), field, errors);
  const nextId = value.nextId;
  if (!Number.isInteger(nextId) || nextId < 0 || nextId > 1e9) {
    errors.push({ field: `${field}.nextId`, message: `${field}.nextId: must be an integer from 0 to 1000000000` });
  }
  const rows = value.rows as unknown[];
  if (rows.length < spec.minRows || rows.length > spec.maxRows) {
    errors.push({ field, message: `${field}: must have ${spec.minRows} to ${spec.maxRows} rows, got ${rows.length}` });
  }
  const seen = new Set<number>();
  const clean: TableRow[] = [];
  rows.forEach((row, i) => {
    const rowField = `${field}[${i}]`;
    if (!isPlainObject(row)) {
      errors.push({ field: rowField, message: `${rowField}: must be an object, got ${describe(row)}` });
      return;
    }
    checkKeys(row, new Set(['id', ...Object.keys(spec.columns)]), rowField, errors);
    const id = row.id;
    if (typeof id !== 'number' || !Number.isInteger(id) || id < 0 || id >= nextId) {
      errors.push({
        field: `${rowField}.id`,
        message: `${rowField}.id: must be an integer from 0 to nextId - 1 (${nextId - 1}), got ${describe(id)}`,
      });
    } else if (seen.has(id)) {
      errors.push({ field: `${rowField}.id`, message: `${rowField}.id: duplicate row id ${id}` });
    } else {
      seen.add(id);
    }
    const out: Record<string, number | string | boolean> = { id: id as number };
    for (const [name, cell] of Object.entries(spec.columns)) {
      const v = name in row ? row[name] : cell.default;
      checkScalar(cell, v, `${rowField}.${name}`, errors);
      out[name] = v as number | string | boolean;
    }
    clean.push(out as TableRow);
  });
  return errors.length === before ? { nextId, rows: clean } : null;
}

/** Adds an error to `errors` for each forbidden or unknown key of `obj`. */
function checkKeys(obj: Record<string, unknown>, allowed: Set<string>, field: string, errors: ValidationError[]): void {
  for (const key of Object.keys(obj)) {
    const shown = displayText(key, { max: 60 });
    const path = field ? `${field}.${shown}` : shown;
    if (FORBIDDEN_KEYS.has(key)) errors.push({ field: path, message: `${path}: forbidden key` });
    else if (!allowed.has(key)) errors.push({ field: path, message: `${path}: unknown parameter` });
  }
}

/** Validates one value against its spec; on success returns a fresh copy safe to keep. */
export function validateValue(spec: ParamSpec, value: unknown, field: string): Validated<unknown> {
  const errors: ValidationError[] = [];
  // Checked before any walk over the value: nothing below recurses deeper than this.
  if (!withinDepth(value))
    return { ok: false, errors: [{ field, message: `${field}: is nested deeper than ${MAX_DOCUMENT_DEPTH} levels` }] };
  let out: unknown = value;
  if (spec.kind === 'table') out = checkTable(spec, value, field, errors);
  else {
    checkScalar(spec, value, field, errors);
    if (spec.kind === 'list' && Array.isArray(value)) out = [...(value as number[])];
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: out };
}

/**
 * Checks `input` against `schema`: rejects unknown and prototype-polluting keys, wrong types,
 * NaN, ±Infinity, out-of-range values and non-integer counts, each with a message naming the
 * field. Missing parameters take their defaults. Never throws on hostile input.
 */
export function validateParams<S extends ParamSchema>(schema: S, input: unknown): Validated<ParamValues<S>> {
  if (input === undefined) input = {};
  if (!isPlainObject(input)) {
    return { ok: false, errors: [{ field: 'params', message: `params: must be an object, got ${describe(input)}` }] };
  }
  const errors: ValidationError[] = [];
  checkKeys(input, new Set(Object.keys(schema)), '', errors);
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(schema)) {
    const has = Object.prototype.hasOwnProperty.call(input, name);
    const result = validateValue(spec, has ? input[name] : spec.default, name);
    if (result.ok) out[name] = result.value;
    else append(errors, result.errors);
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: out as ParamValues<S> };
}

/** The schema's defaults as a parameter set. */
export function defaultParams<S extends ParamSchema>(schema: S): ParamValues<S> {
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(schema)) out[name] = spec.default;
  return out as ParamValues<S>;
}

const INT_TEXT = /^[+-]?\d+$/;
const FLOAT_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Parses a value written as text (CLI `--param name=value`, URL fields) for `spec`.
 * Returns the typed value, still to be checked by `validateValue`, or an error message.
 */
export function parseParamText(
  spec: ParamSpec,
  text: string,
): { ok: true; value: unknown } | { ok: false; message: string } {
  const t = text.trim();
  switch (spec.kind) {
    case 'int':
      return INT_TEXT.test(t) ? { ok: true, value: Number(t) } : { ok: false, message: 'must be an integer' };
    case 'float':
      return FLOAT_TEXT.test(t) ? { ok: true, value: Number(t) } : { ok: false, message: 'must be a number' };
    case 'boolean':
      if (['true', '1', 'on', 'yes'].includes(t.toLowerCase())) return { ok: true, value: true };
      if (['false', '0', 'off', 'no'].includes(t.toLowerCase())) return { ok: true, value: false };
      return { ok: false, message: 'must be true or false' };
    case 'choice':
    case 'text':
      return { ok: true, value: text };
    case 'list': {
      if (t === '') return { ok: true, value: [] };
      const items = t.split(',').map((s) => s.trim());
      if (!items.every((s) => FLOAT_TEXT.test(s))) return { ok: false, message: 'must be numbers separated by commas' };
      return { ok: true, value: items.map(Number) };
    }
    case 'table': {
      const parsed = parseJsonText(t);
      return parsed.ok ? parsed : { ok: false, message: `must be a table written as JSON: the text ${parsed.message}` };
    }
  }
}
