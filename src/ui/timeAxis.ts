/**
 * Ticks of a plot's time axis at whole years (or whole months for a run shorter than half a
 * year), never at "Year 0.3": at most about six of them between the first and the last tick.
 */
export interface TimeAxis {
  /** Model ticks where the axis has a label. */
  readonly ticks: readonly number[];
  readonly unit: 'year' | 'month';
  /** A label's text: the number of years or months since the start. */
  label(tick: number): string;
}

const YEAR_STEPS = [0.25, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];
const MAX_LABELS = 6;

export function timeAxis(first: number, last: number, ticksPerYear: number): TimeAxis {
  const years = (last - first) / ticksPerYear;
  const months = years < 0.5;
  const perUnit = months ? ticksPerYear / 12 : ticksPerYear;
  const span = (last - first) / perUnit;
  const step = months
    ? Math.max(1, Math.ceil(span / MAX_LABELS))
    : (YEAR_STEPS.find((s) => span / s <= MAX_LABELS) ?? Math.ceil(span / MAX_LABELS));
  const ticks: number[] = [];
  // Tolerance: a tick of 365/12 days must not be lost to rounding.
  for (let k = Math.ceil(first / perUnit / step - 1e-9); k * step * perUnit <= last + 1e-9; k++)
    ticks.push(k * step * perUnit + 0); // + 0: no "-0"
  const digits = step >= 1 ? 0 : 2;
  return {
    ticks,
    unit: months ? 'month' : 'year',
    label: (tick) => String(Number((tick / perUnit).toFixed(digits))),
  };
}
