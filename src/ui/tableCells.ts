/** How a table row and one of its cells are named to people: "Strategy of Cirrus". */
import type { Model } from '../core/model';
import type { CellSpec, TableRow } from '../core/params';
import { t, tModel } from '../i18n';

export function rowName(row: TableRow): string {
  return typeof row.name === 'string' && row.name.trim() !== '' ? row.name : `#${row.id}`;
}

/** The accessible name of a table cell, shared by the table editor and the experiment form. */
export function cellLabel(model: Model, table: string, column: string, cell: CellSpec, row: TableRow): string {
  return t('table.row', { column: tModel(model.id, `param.${table}.${column}.label`, cell.label), row: rowName(row) });
}
