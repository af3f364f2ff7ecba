/**
 * A parameter's spec with every text it declares in the current locale (label, description,
 * unit, option and value words; a table's columns too), looked up under its `param.<name>` path
 * (a table's cell: `param.<table>.<column>`), so that a control shows it as it is.
 */
import type { Model } from '../core/model';
import type { CellMeaning, NumberSpec, ParamSpec } from '../core/params';
import { tModel } from '../i18n';

function localMeaning(say: (key: string, english: string) => string, meaning: CellMeaning): CellMeaning {
  return { ...meaning, labels: meaning.labels?.map((v) => ({ ...v, label: say(`value.${v.value}`, v.label) })) };
}

export function localSpec<S extends ParamSpec>(model: Model, path: string, spec: S): S {
  const say = (key: string, english: string) => tModel(model.id, `${path}.${key}`, english);
  const local: Record<string, unknown> = { ...spec, label: say('label', spec.label) };
  if (spec.description !== undefined) local.description = say('description', spec.description);
  if (spec.unit !== undefined) local.unit = say('unit', spec.unit);
  if (spec.kind === 'choice')
    local.options = spec.options.map((o) => ({ ...o, label: say(`option.${o.value}`, o.label) }));
  const meaning = (spec as Partial<NumberSpec>).meaning;
  if (meaning)
    local.meaning =
      'by' in meaning
        ? {
            ...meaning,
            cases: Object.fromEntries(Object.entries(meaning.cases).map(([k, m]) => [k, localMeaning(say, m)])),
          }
        : localMeaning(say, meaning);
  if (spec.kind === 'table')
    local.columns = Object.fromEntries(
      Object.entries(spec.columns).map(([column, cell]) => [column, localSpec(model, `${path}.${column}`, cell)]),
    );
  return local as S;
}
