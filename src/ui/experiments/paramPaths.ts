/**
 * The parameters an experiment can vary, as the form offers them: every scalar parameter and
 * every cell of a table row (`vendors#2.strategy`, shown as "Strategy of Cirrus").
 */
import type { Model } from '../../core/model';
import type { CellSpec, ParamSchema, ParamSpec, ParamValues, TableValue } from '../../core/params';
import type { Value } from '../../core/experiment/schema';
import { tModel } from '../../i18n';
import { cellLabel } from '../tableCells';

export interface VariableParam {
  readonly path: string;
  readonly label: string;
  readonly spec: ParamSpec | CellSpec;
  /** Values a new variation of it starts with. */
  readonly initial: readonly Value[];
}

function initialValues(spec: ParamSpec | CellSpec, current: unknown): Value[] {
  if (spec.kind === 'choice') return spec.options.map((o) => o.value);
  if (spec.kind === 'boolean') return [true, false];
  return [current as Value];
}

export function variableParams(model: Model, params: ParamValues<ParamSchema>): VariableParam[] {
  const out: VariableParam[] = [];
  for (const [name, spec] of Object.entries(model.params)) {
    if (spec.kind === 'table') {
      for (const row of (params[name] as TableValue).rows) {
        for (const [column, cell] of Object.entries(spec.columns)) {
          if (cell.kind === 'text') continue;
          out.push({
            path: `${name}#${row.id}.${column}`,
            label: cellLabel(model, name, column, cell, row),
            spec: cell,
            initial: initialValues(cell, row[column]),
          });
        }
      }
    } else if (spec.kind !== 'list' && spec.kind !== 'text') {
      out.push({
        path: name,
        label: tModel(model.id, `param.${name}.label`, spec.label),
        spec,
        initial: initialValues(spec, params[name]),
      });
    }
  }
  return out;
}

export function labelOfPath(model: Model, params: ParamValues<ParamSchema>, path: string): string {
  return variableParams(model, params).find((p) => p.path === path)?.label ?? path;
}

/**
 * How the results show a value of the parameter at `path`: a choice by its option's word in the
 * current locale (`param.vendors.strategy.option.profit`, the raw value in English, as the
 * strategy report names it); any other value as it is.
 */
export function valueTextOfPath(
  model: Model,
  params: ParamValues<ParamSchema>,
  path: string,
): (value: Value) => string {
  const spec = variableParams(model, params).find((p) => p.path === path)?.spec;
  if (spec?.kind !== 'choice') return (value) => String(value);
  // A table cell's texts are keyed by table and column (`vendors#2.strategy` → `vendors.strategy`).
  const key = `param.${path.replace(/#[^.]*/, '')}`;
  return (value) => tModel(model.id, `${key}.option.${String(value)}`, String(value));
}

/**
 * Reads the values field of the form: "a, b, c" or a range "0.1 to 0.9 step 0.2". Numbers,
 * booleans and texts as the parameter's kind wants them; the experiment's parser checks ranges.
 */
export function parseValuesText(
  text: string,
  spec: ParamSpec | CellSpec,
): { values?: Value[]; range?: { from: number; to: number; step: number } } {
  const range = /^\s*(-?[\d.]+(?:e-?\d+)?)\s*to\s*(-?[\d.]+(?:e-?\d+)?)\s*step\s*([\d.]+(?:e-?\d+)?)\s*$/i.exec(text);
  if (range && (spec.kind === 'int' || spec.kind === 'float'))
    return { range: { from: Number(range[1]), to: Number(range[2]), step: Number(range[3]) } };
  const parts = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (spec.kind === 'int' || spec.kind === 'float') return { values: parts.map((s) => (s === '' ? NaN : Number(s))) };
  if (spec.kind === 'boolean') return { values: parts.map((s) => (s === 'true' ? true : s === 'false' ? false : s)) };
  return { values: parts };
}

export function valuesText(variation: {
  values?: readonly Value[];
  range?: { from: number; to: number; step: number };
}): string {
  if (variation.range) return `${variation.range.from} to ${variation.range.to} step ${variation.range.step}`;
  return (variation.values ?? []).map(String).join(', ');
}
