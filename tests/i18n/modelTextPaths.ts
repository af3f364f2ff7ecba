/**
 * Every text a model declares, with the path the UI looks it up under (`tModel(model.id, path, english)`):
 * the walk the translation test checks a locale against, so a new parameter, plot or preset without a
 * translation fails it. Paths mirror the UI's calls (ParamControls, TableEditor, PlotPanel, App...).
 */
import { readFileSync } from 'node:fs';
import { reportersFor, type Model } from '../../src/core/model';
import { Run } from '../../src/core/run';
import {
  defaultParams,
  type CellSpec,
  type ParamSchema,
  type ParamSpec,
  type ParamValues,
  type TableValue,
} from '../../src/core/params';

/** Small codes (none = −1, indices) the inspector may word through model.describe; unsigned columns hold no −1. */
const SMALL_CODES = [-1, 0, 1, 2, 3, 4, 5, 6, 7];

/** The codes of an agent set's column worth wording: small ones, and every value a day's run holds (e.g. 15). */
function codesOf(run: Run, agents: string, column: string, type: string): Set<number> {
  const codes = new Set(SMALL_CODES.filter((v) => v >= 0 || !type.startsWith('u')));
  const set = run.world.agents[agents];
  const values = set.col[column];
  for (let i = 0; i < set.count; i++) if (Number.isInteger(values[i])) codes.add(values[i]);
  return codes;
}

export interface DeclaredText {
  readonly path: string;
  readonly english: string;
}

/** A reporter or plot per table row (e.g. `share.v3`) is translated once, under its row segment as `*`. */
const ROW_SEGMENT = /^v\d+$/;

function specTexts(prefix: string, spec: ParamSpec | CellSpec, out: DeclaredText[]): void {
  out.push({ path: `${prefix}.label`, english: spec.label });
  if (spec.description) out.push({ path: `${prefix}.description`, english: spec.description });
  if (spec.unit) out.push({ path: `${prefix}.unit`, english: spec.unit });
  if (spec.kind === 'choice')
    for (const o of spec.options) out.push({ path: `${prefix}.option.${o.value}`, english: o.label });
  if ((spec.kind === 'int' || spec.kind === 'float') && spec.meaning) {
    const meanings = 'by' in spec.meaning ? Object.values(spec.meaning.cases) : [spec.meaning];
    for (const m of meanings)
      for (const v of m.labels ?? []) out.push({ path: `${prefix}.value.${v.value}`, english: v.label });
  }
  if (spec.kind === 'table')
    for (const [column, cell] of Object.entries(spec.columns)) specTexts(`${prefix}.${column}`, cell, out);
}

/** Names users give rows (vendors, suppliers): shown as typed, never translated. */
function rowNames(params: ParamValues<ParamSchema>): Set<string> {
  const names = new Set<string>();
  for (const value of Object.values(params))
    if (value && typeof value === 'object' && 'rows' in value)
      for (const row of (value as TableValue).rows) if (typeof row.name === 'string') names.add(row.name);
  return names;
}

/** The English of a per-row reporter label with the row's name as `{name}`: "Share: Cirrus" → "Share: {name}". */
function rowTemplate(label: string, names: Set<string>): string {
  for (const name of names) if (label.endsWith(`: ${name}`)) return `${label.slice(0, -name.length)}{name}`;
  return label;
}

/** Paths of the ModelTexts a model's source hands over at run time (explanations, notices). */
export function runTimeTextPaths(file: string, prefix: string, pattern: RegExp): string[] {
  const source = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
  return [...source.matchAll(pattern)].map((m) => `${prefix}${m[1]}`);
}

export function declaredTexts(model: Model): DeclaredText[] {
  const out: DeclaredText[] = [
    { path: 'title', english: model.title },
    { path: 'summary', english: model.summary },
    { path: 'info', english: model.info },
  ];
  if (model.guide) out.push({ path: 'guide', english: model.guide });
  for (const [name, spec] of Object.entries(model.params)) specTexts(`param.${name}`, spec, out);
  for (const s of model.paramSections ?? []) out.push({ path: `section.${s.title}`, english: s.title });
  const params = defaultParams(model.params);
  const names = rowNames(params);
  for (const r of reportersFor(model, params)) {
    const path = `reporter.${r.name
      .split('.')
      .map((s) => (ROW_SEGMENT.test(s) ? '*' : s))
      .join('.')}`;
    out.push({ path: `${path}.label`, english: rowTemplate(r.label, names) });
    if (r.unit) out.push({ path: `${path}.unit`, english: r.unit });
  }
  for (const plot of model.plots) {
    out.push({ path: `plot.${plot.id}.title`, english: plot.title });
    if (plot.unit) out.push({ path: `plot.${plot.id}.unit`, english: plot.unit });
  }
  for (const preset of model.presets ?? [])
    for (const field of ['title', 'question', 'watch'] as const)
      out.push({ path: `preset.${preset.id}.${field}`, english: preset[field] });
  for (const a of model.analyses ?? []) out.push({ path: `analysis.${a.id}.title`, english: a.title });
  const portrayal = model.portrayal(params);
  const run = Run.create(model, params, 1);
  run.step();
  for (const layer of portrayal.layers) {
    out.push({ path: `layer.${layer.agents}`, english: layer.label });
    if (layer.grouping) out.push({ path: `grouping.${layer.agents}`, english: layer.grouping.label });
    // The inspector names every column of an inspected agent (its own label, or the column's name).
    const labels = new Map((layer.inspect ?? []).map((f) => (typeof f === 'string' ? [f, f] : [f.column, f.label])));
    for (const [column, type] of Object.entries(model.world.agents[layer.agents] ?? {})) {
      out.push({ path: `column.${layer.agents}.${column}`, english: labels.get(column) ?? column });
      for (const value of codesOf(run, layer.agents, column, type)) {
        const word = model.describe?.(layer.agents, column, value, params);
        if (word !== undefined && !names.has(word) && !/^\d+$/.test(word))
          out.push({ path: `describe.${word}`, english: word });
      }
    }
  }
  for (const a of portrayal.annotations ?? []) out.push({ path: `annotation.${a.text}`, english: a.text });
  for (const group of portrayal.legend ?? []) {
    out.push({ path: `legend.${group.title}`, english: group.title });
    for (const item of group.items)
      if (!names.has(item.text)) out.push({ path: `legend.${item.text}`, english: item.text });
  }
  const seen = new Set<string>();
  return out.filter((x) => !seen.has(x.path) && seen.add(x.path));
}
