/**
 * The one CSV writer of the app (experiment results, reporter logs): a record per line, and
 * text made safe for a spreadsheet. There is no CSV reading: results merge line by line.
 */
export type CsvValue = number | string | boolean | null;

/**
 * A text cell safe in a spreadsheet: a leading = + - @ tab or CR would start a formula, so it
 * gets a quote mark; line breaks become spaces (one record per line); commas and quotes are quoted.
 */
export function textCell(text: string): string {
  let s = text.replace(/[\r\n]+/g, ' ');
  if (/^[=+\-@\t]/.test(s)) s = `'${s}`;
  return /[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A cell: text made safe, a number or boolean as JavaScript writes it, null as an empty cell. */
export function csvCell(value: CsvValue): string {
  if (value === null) return '';
  return typeof value === 'string' ? textCell(value) : String(value);
}

/** One record, without its line break. */
export function csvLine(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(',');
}
