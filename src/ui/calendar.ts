/** The date of a tick of a model whose tick is a calendar day (see ModelDefinition.ticksPerYear). */
import { t } from '../i18n';

/**
 * The day that `tick` completed (day 1 before the first tick): tick 365 ends year 1's day 365, so
 * the horizon of a five-year run (tick 1825) reads year 5, day 365, not year 6, day 1.
 */
export function dateOfTick(tick: number, ticksPerYear: number): string {
  const day = Math.max(1, Math.ceil(tick)) - 1;
  return t('monitor.dateValue', { year: Math.floor(day / ticksPerYear) + 1, day: (day % ticksPerYear) + 1 });
}
