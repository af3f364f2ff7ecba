/**
 * Measures the default cloud-market scenario against the brief's plausibility facts over 30
 * seeds: top-3 share by year, the largest one-year share move, switching at renewal, and how
 * many vendors profit. `node --import tsx scripts/market-plausibility.ts [seeds]`.
 */
import { defaultParams } from '../src/core/params';
import { Run } from '../src/core/run';
import { cloudMarket } from '../src/models/cloudMarket';
import type { MarketParams } from '../src/models/cloudMarket/params';

const seeds = Number(process.argv[2] ?? 30);
const params = defaultParams(cloudMarket.params) as MarketParams;
const ids = params.vendors.rows.map((r) => `v${r.id}`);
const years = params.years;

const top3: number[][] = Array.from({ length: years + 1 }, () => []);
const largestMove: number[] = [];
const switching: number[] = [];
const profitable: number[] = [];
const leader: number[] = [];
const direct: number[] = [];

function sharesOf(run: Run): number[] {
  const r = run.reporters();
  return ids.map((id) => r[`share.${id}`] ?? 0);
}

for (let seed = 1; seed <= seeds; seed++) {
  const run = Run.create(cloudMarket, params, seed);
  let previous = sharesOf(run);
  let move = 0;
  for (let year = 0; year <= years; year++) {
    if (year > 0) run.runUntil(year * 365);
    const shares = sharesOf(run);
    top3[year].push(
      [...shares]
        .sort((a, b) => b - a)
        .slice(0, 3)
        .reduce((a, b) => a + b, 0),
    );
    if (year > 0) for (let j = 0; j < ids.length; j++) move = Math.max(move, Math.abs(shares[j] - previous[j]));
    previous = shares;
  }
  const r = run.reporters();
  largestMove.push(move);
  switching.push(r['switching-rate'] ?? 0);
  profitable.push(ids.filter((id) => (r[`cumulativeProfit.${id}`] ?? 0) > 0).length);
  leader.push(Math.max(...sharesOf(run)));
  direct.push(r['share.direct'] ?? 0);
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const range = (xs: number[]) => `${(100 * Math.min(...xs)).toFixed(0)}–${(100 * Math.max(...xs)).toFixed(0)}%`;
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
console.log(`Default scenario, ${seeds} seeds, ${years} years`);
top3.forEach((xs, year) => console.log(`top-3 share, year ${year}: mean ${pct(mean(xs))} (range ${range(xs)})`));
console.log(
  `largest one-year share move of any vendor: mean ${(100 * mean(largestMove)).toFixed(1)} pp, max ${(100 * Math.max(...largestMove)).toFixed(1)} pp`,
);
console.log(`switching at renewal: mean ${pct(mean(switching))} (range ${range(switching)})`);
console.log(
  `vendors with positive cumulative profit: mean ${mean(profitable).toFixed(1)} of ${ids.length} (range ${Math.min(...profitable)}–${Math.max(...profitable)})`,
);
console.log(`largest vendor's share at the horizon: mean ${pct(mean(leader))} (range ${range(leader)})`);
console.log(`direct channel's share at the horizon: mean ${pct(mean(direct))}`);
