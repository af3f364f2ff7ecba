/** How a table row and one of its cells are named to people: "Strategy of Cirrus", a vendor by its name. */
import type { Model } from '../core/model';
import type { CellMeaning, CellSpec, ParamSchema, ParamValues, TableRow, TableValue, ValueLabel } from '../core/params';
import { t, tModel } from '../i18n';

export function rowName(row: TableRow): string {
  return typeof row.name === 'string' && row.name.trim() !== '' ? row.name : `#${row.id}`;
}

/** The accessible name of a table cell, shared by the table editor and the experiment form. */
export function cellLabel(model: Model, table: string, column: string, cell: CellSpec, row: TableRow): string {
  return t('table.row', { column: tModel(model.id, `param.${table}.${column}.label`, cell.label), row: rowName(row) });
}

/**
 * The choices a number cell with a meaning offers: its labelled values, then the rows of the
 * table it refers to, by name. A value that is neither (none chosen yet, a removed row) stays offered,
 * so the chooser never shows another value than the one stored.
 */
export function meaningOptions(
  meaning: CellMeaning,
  params: ParamValues<ParamSchema>,
  value: number,
): readonly ValueLabel[] {
  const options: ValueLabel[] = [...(meaning.labels ?? [])];
  const table = meaning.refersTo ? (params[meaning.refersTo] as TableValue | undefined) : undefined;
  for (const row of table?.rows ?? []) options.push({ value: row.id, label: rowName(row) });
  if (!options.some((o) => o.value === value))
    options.push({
      value,
      label: !meaning.refersTo
        ? String(value)
        : value < 0
          ? t('table.noneChosen')
          : t('table.noSuchRow', { id: value }),
    });
  return options;
}
