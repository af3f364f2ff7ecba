/**
 * Array helpers for user-sized data. `target.push(...items)` and `Math.max(...values)` pass every
 * item as an argument on the stack, which throws a RangeError above ~125,000 items in V8
 * (issue 18: a 10^6-run experiment, a 300,000-row results file). These loop instead; lint
 * refuses spread arguments anywhere in src/.
 */

/** Appends `items` to `target` in order; returns `target`. */
export function append<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The smallest and largest value, as `Math.min`/`Math.max` would give (NaN wins; empty: ±Infinity). */
export function extent(values: readonly number[]): readonly [min: number, max: number] {
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    min = Math.min(min, value);
    max = Math.max(max, value);
  }
  return [min, max];
}
