/** How timed changes read to people: "Cirrus: strategy → Aggressive", grouped by the day they take effect. */
import type { Model } from '../core/model';
import type { CellSpec, ParamSchema, ParamSpec, ParamValues, TableSpec, TableValue } from '../core/params';
import type { TimedChange } from '../core/timedChanges';
import { localSpec } from './localSpec';
import { rowName } from './tableCells';

type Params = ParamValues<ParamSchema>;

const CELL = /^(\w+)#(\d+)\.(\w+)$/;
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** A change in words: "Cirrus: strategy → Aggressive" for a table cell, "Choice noise → 0.3" for a parameter. */
export function describeChange(model: Model, base: Params, change: TimedChange): string {
  const cell = CELL.exec(change.param);
  let label = change.param;
  let spec: CellSpec | ParamSpec | undefined = model.params[change.param];
  if (cell) {
    const [, table, id, column] = cell;
    const row = (base[table] as TableValue | undefined)?.rows.find((r) => r.id === Number(id));
    spec = (model.params[table] as TableSpec | undefined)?.columns?.[column];
    if (spec) spec = localSpec(model, `param.${table}.${column}`, spec);
    if (row && spec) label = `${rowName(row)}: ${lowerFirst(spec.label)}`;
  } else if (spec) {
    spec = localSpec(model, `param.${change.param}`, spec);
    label = spec.label;
  }
  let value = String(change.value);
  if (spec?.kind === 'choice') value = spec.options.find((o) => o.value === change.value)?.label ?? value;
  else if (spec?.unit) value += ` ${spec.unit}`;
  return `${label} → ${value}`;
}

/** The changes of one day: one mark on a timeline or a plot. */
export interface ChangeMark {
  readonly tick: number;
  /** Each change of the day in words, in the order made. */
  readonly texts: readonly string[];
  /** The index of the day's first change in the scenario's list. */
  readonly first: number;
}

/** The timed changes grouped by tick, in order of tick. */
export function changeMarks(model: Model, base: Params, changes: readonly TimedChange[]): ChangeMark[] {
  const marks: { tick: number; texts: string[]; first: number }[] = [];
  changes.forEach((change, i) => {
    const text = describeChange(model, base, change);
    const last = marks.at(-1);
    if (last?.tick === change.tick) last.texts.push(text);
    else marks.push({ tick: change.tick, texts: [text], first: i });
  });
  return marks;
}
