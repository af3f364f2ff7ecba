import { writeFileSync } from 'node:fs';
import { defaultParams, type TableValue } from '../../src/core/params';
import { cloudMarket } from '../../src/models/cloudMarket';
const d = defaultParams(cloudMarket.params);
const vendors = (changes: Record<number, Record<string, unknown>>) => {
  const t = d.vendors as TableValue;
  return { ...t, rows: t.rows.map((r) => ({ ...r, ...(changes[r.id] ?? {}) })) };
};
const base = { customers: 1500, years: 4 };
const scenario = (params: Record<string, unknown>) => ({ format: 'agora-scenario', version: 1, model: 'cloud-market', modelVersion: 1, seed: 11, params: { ...base, ...params } });
const E = (n: number, slug: string, name: string, description: string, params: Record<string, unknown>, vary: unknown[], record: string[], hypothesis: unknown, extra: Record<string, unknown> = {}) => {
  const doc = { format: 'agora-experiment', version: 1, name: `Expectation ${n}: ${name}`, description, scenario: scenario(params), vary, repetitions: 16, ...extra, record: { reporters: record }, hypothesis };
  writeFileSync(`experiments/expectation-${n}-${slug}.json`, JSON.stringify(doc, null, 2) + '\n');
};
E(1, 'price-alone', 'price alone does not decide share',
  'Draco prices at cost plus 20% or plus 60% (about a third dearer), everything else equal. If price alone decided share, the dearer Draco would lose most of its customers. Measure: the change in Draco\'s share at the end of year 4 (dearer minus cheaper, paired runs). Holds if Draco loses less than 4 percentage points.',
  { vendors: vendors({ 3: { strategy: 'profit' } }) },
  [{ param: 'vendors#3.margin', values: [20, 60], compare: true }], ['share.v3'],
  { statement: 'Within a range, price alone does not decide market share.', measure: 'share.v3', effect: { kind: 'difference', param: 'vendors#3.margin', treatment: 60, control: 20 }, claim: { above: -0.04 }, ablations: ['mechSwitchingCost', 'mechNeighbours', 'mechLearningCurve'] });
E(2, 'late-entrant', 'a late entrant wins only a limited share',
  'Eos enters at the start of year 2 pricing at cost plus 0%, 10% or 25%. Measure: Eos\'s share at the end of year 4, at its most successful price. Holds if even that stays below 12%.',
  { vendors: vendors({ 4: { strategy: 'profit', entryDay: 365 } }) },
  [{ param: 'vendors#4.margin', values: [0, 10, 25], compare: true }], ['share.v4'],
  { statement: 'A late entrant, however cheap, wins only a limited share.', measure: 'share.v4', effect: { kind: 'level', at: 'max' }, claim: { below: 0.12 }, ablations: ['mechEntrantHandicap', 'mechSwitchingCost', 'mechNeighbours'] });
E(3, 'shortage', 'large vendors gain loyalty in a shortage',
  'A supply shock cuts capacity by 80% (or not at all) from day 730 for 60 days. Measure: the mean loyalty of Atlas\'s customers (the largest vendor) on day 800, with the shock minus without. Holds if the shock raises it by more than 0.005.',
  {}, [{ param: 'events#0.magnitude', values: [0, 0.8], compare: true }], ['loyalty.v0', 'share.v0'],
  { statement: 'When suppliers fall short, large vendors ride out the shock, keep delivering, and gain loyalty.', measure: 'loyalty.v0', effect: { kind: 'difference', param: 'events#0.magnitude', treatment: 0.8, control: 0 }, claim: { above: 0.005 }, ablations: ['mechShortageLoyalty', 'mechShareAllocation', 'mechSwitchingCost'] },
  { horizon: 800 });
E(4, 'dynamic-late', 'dynamic pricing wins share even starting late',
  'Eos enters at the start of year 2 with the dynamic strategy (price war, then follow, then profit) or with plain profit pricing. Measure: Eos\'s share at the end of year 4, dynamic minus profit. Holds if dynamic adds more than 2 percentage points.',
  { vendors: vendors({ 4: { entryDay: 365 } }) },
  [{ param: 'vendors#4.strategy', values: ['profit', 'dynamic'], compare: true }], ['share.v4', 'cumulativeProfit.v4'],
  { statement: 'A flexible, dynamic pricing strategy can win a sizeable share even when starting late.', measure: 'share.v4', effect: { kind: 'difference', param: 'vendors#4.strategy', treatment: 'dynamic', control: 'profit' }, claim: { above: 0.02 }, ablations: ['mechLossBudget', 'mechEntrantHandicap', 'mechSwitchingCost'] });
E(5, 'direct-buyers', 'IT-capable customers buy from suppliers',
  'Gaming customers (price-sensitive, low loyalty) with low (0.3) or high (0.9) IT capability. Measure: the direct channel\'s share among gaming customers at the end of year 4, high minus low. Holds if high IT capability adds more than 2 percentage points.',
  {}, [{ param: 'gamingItCapability', values: [0.3, 0.9], compare: true }], ['segmentShare.gaming.direct', 'share.direct'],
  { statement: 'Price-sensitive, IT-capable, low-loyalty customers buy from suppliers more often.', measure: 'segmentShare.gaming.direct', effect: { kind: 'difference', param: 'gamingItCapability', treatment: 0.9, control: 0.3 }, claim: { above: 0.02 }, ablations: ['mechSwitchingCost', 'mechNeighbours'] });
E(6, 'group-policy', 'the group policy shapes the strategy',
  'Draco learns its strategy (UCB over profit, follow and aggressive) under a profit-first or an expansion group policy. Measure: Draco\'s price at the end of year 4, expansion minus profit-first. Holds if the expansion policy leads to a lower price.',
  { vendors: vendors({ 3: { strategy: 'learning' } }) },
  [{ param: 'vendors#3.policy', values: ['profit-first', 'expand'], compare: true }], ['price.v3', 'share.v3'],
  { statement: "The group's policy shapes which pricing strategy a vendor picks.", measure: 'price.v3', effect: { kind: 'difference', param: 'vendors#3.policy', treatment: 'expand', control: 'profit-first' }, claim: { below: 0 }, ablations: ['mechLossBudget', 'mechLearningCurve'] });
E(7, 'price-war', 'a small vendor\'s early price war pays off',
  'Draco, small and not targeted, runs the dynamic strategy (a price war at a loss, then follow, then profit) or prices for profit from the start. Measure: Draco\'s cumulative profit at the end of year 4, dynamic minus profit. Holds if the price war ends with more profit.',
  {}, [{ param: 'vendors#3.strategy', values: ['profit', 'dynamic'], compare: true }], ['cumulativeProfit.v3', 'share.v3'],
  { statement: 'A small vendor that is not targeted can run a price war at a loss early, then switch strategy and make a profit.', measure: 'cumulativeProfit.v3', effect: { kind: 'difference', param: 'vendors#3.strategy', treatment: 'dynamic', control: 'profit' }, claim: { above: 0 }, ablations: ['mechLossBudget', 'mechSwitchingCost', 'mechVolumeDiscount'] });
E(8, 'negotiation', 'winning share wins lower costs',
  'Cirrus prices aggressively (below cost while its loss budget lasts) or for profit. Measure: Cirrus\'s unit cost at the end of year 4, aggressive minus profit. Holds if winning share brought its cost down.',
  {}, [{ param: 'vendors#2.strategy', values: ['profit', 'aggressive'], compare: true }], ['unitCost.v2', 'share.v2'],
  { statement: 'Early on a vendor cannot get low prices from suppliers; after winning share (even at a loss) it negotiates lower costs.', measure: 'unitCost.v2', effect: { kind: 'difference', param: 'vendors#2.strategy', treatment: 'aggressive', control: 'profit' }, claim: { below: 0 }, ablations: ['mechVolumeDiscount', 'mechLearningCurve'] });
