/**
 * A noisy daily series as its trend: the mean of each value and those of the `window` − 1 ticks
 * before it (fewer at the start), missing values (NaN) left out; NaN where the window has none.
 * Only at `indices` (ascending), e.g. the rows a chart samples.
 */
export function trailingMean(
  ticks: Float64Array,
  values: Float64Array,
  window: number,
  indices: readonly number[],
): Float64Array {
  const sum = new Float64Array(values.length + 1);
  const count = new Float64Array(values.length + 1);
  for (let i = 0; i < values.length; i++) {
    const present = !Number.isNaN(values[i]);
    sum[i + 1] = sum[i] + (present ? values[i] : 0);
    count[i + 1] = count[i] + (present ? 1 : 0);
  }
  const out = new Float64Array(indices.length);
  let first = 0;
  indices.forEach((i, k) => {
    while (ticks[first] <= ticks[i] - window) first++;
    const n = count[i + 1] - count[first];
    out[k] = n > 0 ? (sum[i + 1] - sum[first]) / n : NaN;
  });
  return out;
}
