/**
 * What carries each effect in the default cloud market (its ODD, "What carries each effect"):
 * each seller's five-year change in share, in percentage points, averaged over 30 seeds, in the
 * default scenario and with one rule or vendor changed at a time.
 * `node --import tsx scripts/market-attribution.ts [seeds]`
 */
import { defaultParams, validateParams } from '../src/core/params';
import { Run } from '../src/core/run';
import { cloudMarket } from '../src/models/cloudMarket';
import type { MarketParams } from '../src/models/cloudMarket/params';

type VendorRow = MarketParams['vendors']['rows'][number];

const defaults = defaultParams(cloudMarket.params) as MarketParams;
const seeds = Array.from({ length: Number(process.argv[2] ?? 30) }, (_, k) => k + 1);
/** The sellers in the ODD's order: Atlas, Cirrus, Draco, Eos, the direct channel. */
const SELLERS = ['v0', 'v2', 'v3', 'v4', 'direct'];

/** The default vendors as `change` leaves them. */
function vendors(change: (rows: VendorRow[]) => VendorRow[]): Partial<MarketParams> {
  return { vendors: { ...defaults.vendors, rows: change(structuredClone([...defaults.vendors.rows])) } };
}

function withStrategy(id: number, strategy: VendorRow['strategy']): Partial<MarketParams> {
  return vendors((rows) => rows.map((row) => (row.id === id ? { ...row, strategy } : row)));
}

const VARIANTS: [string, Partial<MarketParams>][] = [
  ['default', {}],
  ['Cirrus on profit', withStrategy(2, 'profit')],
  ['Draco on profit', withStrategy(3, 'profit')],
  ['no Eos', vendors((rows) => rows.filter((row) => row.id !== 4))],
  ['Atlas at a 45% margin', vendors((rows) => rows.map((row) => (row.id === 0 ? { ...row, margin: 45 } : row)))],
  ['learning curve off', { mechLearningCurve: false }],
  ['neighbours off', { mechNeighbours: false }],
  ['volume discounts off', { mechVolumeDiscount: false }],
  ['no shock', { events: { nextId: 0, rows: [] } }],
];

/** Each seller's mean change in share from day 0 to the horizon (NaN: the seller is not in the market). */
function meanChanges(change: Partial<MarketParams>): number[] {
  const checked = validateParams(cloudMarket.params, { ...defaults, ...change });
  if (!checked.ok) throw new Error(checked.errors.map((e) => e.message).join('; '));
  const sums = SELLERS.map(() => 0);
  for (const seed of seeds) {
    const run = Run.create(cloudMarket, checked.value, seed);
    const start = run.reporters();
    while (run.step());
    const end = run.reporters();
    SELLERS.forEach((id, i) => {
      const last = end[`share.${id}`];
      // An entrant has no share before its entry day: it starts from none.
      sums[i] += last === null || last === undefined ? NaN : last - (start[`share.${id}`] ?? 0);
    });
  }
  return sums.map((sum) => (100 * sum) / seeds.length);
}

const points = (x: number) => (Number.isNaN(x) ? '–' : `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(1)}`);
console.log(`five-year change in share, pp, mean of ${seeds.length} seeds: Atlas / Cirrus / Draco / Eos / direct`);
for (const [name, change] of VARIANTS) console.log(`${name.padEnd(24)} ${meanChanges(change).map(points).join(' / ')}`);
