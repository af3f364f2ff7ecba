/**
 * Which rows of a long run a chart draws: about one point per pixel column at most, each an
 * exact recorded row, so that the tooltip's day and values are the run's own.
 */

/**
 * The rows (increasing indices below `length`) to draw of the series `columns` (value of row i;
 * NaN: none; arrays, not functions: the scan reads every value a few times and plots redraw
 * often), at most about 1.5 × `maxRows`: the days are cut into buckets and every series keeps
 * its lowest and its highest row in each, so a one-day spike survives where an even stride would
 * step over it. The first and last rows and those in `always` (e.g. the fork day) are drawn too.
 * Rough series whose extremes fall on many different days get fewer, wider buckets.
 */
export function extremeRows(
  length: number,
  columns: readonly ArrayLike<number>[],
  maxRows: number,
  always: readonly number[] = [],
): number[] {
  if (length <= maxRows) return Array.from({ length }, (_, i) => i);
  const picked = new Uint8Array(length);
  for (let buckets = Math.max(1, Math.floor(maxRows / 2)); ; buckets = Math.max(1, buckets >> 1)) {
    picked.fill(0);
    picked[0] = picked[length - 1] = 1;
    for (const row of always) if (row >= 0 && row < length) picked[row] = 1;
    for (let b = 0; b < buckets; b++) {
      const start = Math.floor((b * length) / buckets);
      const end = Math.floor(((b + 1) * length) / buckets);
      for (const values of columns) {
        let low = -1;
        let high = -1;
        let lowValue = 0;
        let highValue = 0;
        for (let i = start; i < end; i++) {
          const v = values[i];
          if (Number.isNaN(v)) continue;
          if (low < 0 || v < lowValue) {
            low = i;
            lowValue = v;
          }
          if (high < 0 || v > highValue) {
            high = i;
            highValue = v;
          }
        }
        if (low >= 0) picked[low] = picked[high] = 1;
      }
    }
    let count = 0;
    for (let i = 0; i < length; i++) count += picked[i];
    if (count <= maxRows * 1.5 || buckets === 1) break;
  }
  const rows: number[] = [];
  for (let i = 0; i < length; i++) if (picked[i]) rows.push(i);
  return rows;
}
