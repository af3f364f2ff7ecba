/**
 * The standard variations of a cloud-market experiment's setting that every expectation is
 * rerun in (issue 15, "Robust verdicts"): another base seed, half and double the customers, a
 * year more, and another segment mix. A verdict that flips in one of them is fragile.
 */
import type { SettingVariation } from '../../core/model';
import { MAX_SEED } from '../../core/rng';
import { params as specs, type MarketParams } from './params';

const DAYS = 365;

/** A mix that leans on one segment: finance, or gaming when the setting already leans on finance. */
function otherMix(p: MarketParams): SettingVariation {
  const total = p.shareFinance + p.shareGaming + p.shareManufacturing;
  const financeHeavy = total > 0 && p.shareFinance / total >= 0.5;
  return financeHeavy
    ? {
        id: 'segment-mix',
        label: 'another segment mix (60% gaming)',
        params: { shareFinance: 0.2, shareGaming: 0.6, shareManufacturing: 0.2 },
      }
    : {
        id: 'segment-mix',
        label: 'another segment mix (60% finance)',
        params: { shareFinance: 0.6, shareGaming: 0.2, shareManufacturing: 0.2 },
      };
}

export function marketRobustnessVariations(setting: {
  readonly params: MarketParams;
  readonly seed: number;
  readonly horizon: number;
}): SettingVariation[] {
  const { params: p, seed, horizon } = setting;
  const longer = Math.min(horizon + DAYS, specs.years.max * DAYS);
  return [
    { id: 'seed', label: 'another base seed', seed: seed === MAX_SEED ? 0 : seed + 1 },
    { id: 'half-customers', label: 'half the customers', params: { customers: Math.round(p.customers / 2) } },
    {
      id: 'double-customers',
      label: 'double the customers',
      params: { customers: Math.min(specs.customers.max, 2 * p.customers) },
    },
    {
      id: 'longer-horizon',
      label: 'a year longer',
      horizon: longer,
      // The model stops at its own horizon (years): it must reach the longer one.
      params: { years: Math.max(p.years, Math.ceil(longer / DAYS)) },
    },
    otherMix(p),
  ];
}
