/**
 * Measures the cloud market against the plausibility targets of issue 13 over 30 seeds, and
 * prints each measure beside its target with pass or fail: the default scenario's concentration,
 * its leader's erosion, switching at renewal, accrual profits, suppliers' prices against their
 * costs and the default supply shock (stock-outs, and the share of the vendors that keep
 * delivering against the same seed without the shock); matched price cuts in "Everyone fights
 * on price"; "bargains then rip-offs" in its preset; and the market at rest.
 * `node --import tsx scripts/market-plausibility.ts [seeds] [parameter changes as JSON]`: the
 * changes apply to every scenario (to try a variant). Exits 1 when a target fails.
 */
import { defaultParams, validateParams } from '../src/core/params';
import { Run } from '../src/core/run';
import { cloudMarket } from '../src/models/cloudMarket';
import type { MarketParams } from '../src/models/cloudMarket/params';
import type { MarketWorld } from '../src/models/cloudMarket/state';

const seeds = Array.from({ length: Number(process.argv[2] ?? 30) }, (_, k) => k + 1);
const changes = JSON.parse(process.argv[3] ?? '{}') as Record<string, unknown>;

function checked(values: Record<string, unknown>): MarketParams {
  const result = validateParams(cloudMarket.params, { ...defaultParams(cloudMarket.params), ...values, ...changes });
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('; '));
  return result.value as MarketParams;
}

const defaults = checked({});

function presetParams(id: string): MarketParams {
  const preset = cloudMarket.presets!.find((p) => p.id === id);
  if (!preset) throw new Error(`no preset ${id}`);
  return checked(preset.params);
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const pp = (x: number) => `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)} pp`;
let failed = 0;

function target(name: string, measured: string, goal: string, pass: boolean): void {
  if (!pass) failed++;
  console.log(`${pass ? 'PASS' : 'FAIL'}  ${name.padEnd(56)} ${measured.padEnd(36)} target ${goal}`);
}

/**
 * Shares of every vendor (by row) and of the direct channel at the end of each year; `after`
 * reads the finished run, `watch` returns a hook called after every tick.
 */
function sharesByYear(
  params: MarketParams,
  seed: number,
  after?: (run: Run) => void,
  watch?: (run: Run) => () => void,
): number[][] {
  const names = [...params.vendors.rows.map((r) => `share.v${r.id}`), 'share.direct'];
  const run = Run.create(cloudMarket, params, seed);
  const onTick = watch?.(run);
  const out: number[][] = [];
  for (let year = 0; year <= params.years; year++) {
    run.runUntil(year * 365, onTick);
    const r = run.reporters();
    out.push(names.map((name) => r[name] ?? 0));
  }
  after?.(run);
  return out;
}

/** The default supply shock's day and duration. */
function defaultShock(): { day: number; duration: number } {
  const shock = defaults.events.rows.find((row) => row.kind === 'supply-shock');
  if (!shock) throw new Error('the default scenario has no supply shock');
  return { day: shock.day as number, duration: shock.duration as number };
}

/** What one seed of the default scenario shows about its supply shock and its suppliers' prices. */
interface ShockSeed {
  /** Stock-outs per vendor from the shock's first day to 30 days after its end. */
  stockouts: number[];
  /** Each vendor's stock on the eve of the shock, in days of its units in use / lifecycle (NaN if not in the market). */
  cover: number[];
  /** Each vendor's share 60 days after the shock's end. */
  shareAfter: number[];
  /** The lowest ratio of a supplier's price to a vendor to its production cost on any day. */
  priceOverCost: number;
}

/** A hook for every tick of `run` that fills `seen`. */
function watchShock(run: Run, shock: { day: number; duration: number }, seen: ShockSeed): () => void {
  const w = run.world as unknown as MarketWorld;
  const v = w.agents.vendors.col;
  const s = w.agents.suppliers.col;
  const nv = w.agents.vendors.count;
  const shareOf = (j: number) => run.reporters()[`share.v${defaults.vendors.rows[j].id}`] ?? 0;
  return () => {
    for (let k = 0; k < w.agents.suppliers.count; k++)
      seen.priceOverCost = Math.min(seen.priceOverCost, s.lowestPrice[k] / s.cost[k]);
    const day = run.tick - 1;
    if (day === shock.day - 1)
      seen.cover = Array.from({ length: nv }, (_, j) =>
        v.active[j] ? (v.stock[j] * defaults.contractDays) / Math.max(1, v.inUse[j]) : NaN,
      );
    if (day >= shock.day && day < shock.day + shock.duration + 30)
      seen.stockouts.forEach((_, j) => (seen.stockouts[j] += v.stockoutsToday[j]));
    if (day === shock.day + shock.duration + 60) seen.shareAfter = Array.from({ length: nv }, (_, j) => shareOf(j));
  };
}

/** Each vendor's share on `day` of the default scenario without its events (the same seed). */
function sharesWithoutEvents(seed: number, day: number): number[] {
  const run = Run.create(cloudMarket, { ...defaults, events: { nextId: 0, rows: [] } }, seed);
  run.runUntil(day);
  return defaults.vendors.rows.map((row) => run.reporters()[`share.v${row.id}`] ?? 0);
}

function defaultScenario(): void {
  const vendors = defaults.vendors.rows.length;
  const shock = defaultShock();
  const top3: number[][] = Array.from({ length: defaults.years + 1 }, () => []);
  const leaderMove: number[] = [];
  const switching: number[] = [];
  const profitable: number[] = [];
  const loyal: number[] = [];
  const direct: number[][] = [];
  const shocks: ShockSeed[] = [];
  const delivering: number[] = [];
  /** Each vendor's share 60 days after the shock, less the same seed's without it. */
  const shockMoves: number[][] = [];
  for (const seed of seeds) {
    const seen: ShockSeed = { stockouts: Array(vendors).fill(0), cover: [], shareAfter: [], priceOverCost: Infinity };
    const years = sharesByYear(
      defaults,
      seed,
      (run) => {
        const r = run.reporters();
        switching.push(r['switching-rate'] ?? 0);
        loyal.push(r['loyal-above-threshold'] ?? 0);
        profitable.push(defaults.vendors.rows.filter((row) => (r[`cumulativeProfit.v${row.id}`] ?? 0) > 0).length);
      },
      (run) => watchShock(run, shock, seen),
    );
    shocks.push(seen);
    // The vendors that keep delivering: fewer stock-outs per unit of share than the median vendor in the market.
    const without = sharesWithoutEvents(seed, shock.day + shock.duration + 61);
    const present = seen.cover.map((c, j) => (Number.isNaN(c) ? -1 : j)).filter((j) => j >= 0);
    const perShare = (j: number) => seen.stockouts[j] / Math.max(1e-9, without[j]);
    const ranked = present.map(perShare).sort((a, b) => a - b);
    const median = ranked[Math.floor((ranked.length - 1) / 2)];
    const keepers = present.filter((j) => perShare(j) < median);
    delivering.push(keepers.reduce((sum, j) => sum + seen.shareAfter[j] - without[j], 0));
    shockMoves.push(seen.shareAfter.map((share, j) => share - without[j]));
    years.forEach((shares, year) =>
      top3[year].push(
        shares
          .slice(0, vendors)
          .sort((a, b) => b - a)
          .slice(0, 3)
          .reduce((a, b) => a + b, 0),
      ),
    );
    // The leader is the largest vendor at day 0.
    const first = years[0].slice(0, vendors);
    const leader = first.indexOf(Math.max(...first));
    leaderMove.push(years[defaults.years][leader] - years[0][leader]);
    direct.push(years.map((s) => s[vendors]));
  }
  console.log(`\nDefault scenario, ${seeds.length} seeds, ${defaults.years} years`);
  const means = top3.map(mean);
  means.forEach((m, year) =>
    target(
      `top-3 vendor share, year ${year}`,
      `${pct(m)} (range ${pct(Math.min(...top3[year]))}–${pct(Math.max(...top3[year]))})`,
      '60–72%',
      m >= 0.6 && m <= 0.72,
    ),
  );
  const rise = Math.max(...means.slice(1).map((m, year) => m - means[year]));
  target('top-3 share, largest rise in one year', pp(rise), '≤ +1.5 pp a year', rise <= 0.015);
  const leader = mean(leaderMove);
  target(
    "leader's share, year 5 − year 0",
    `${pp(leader)} (range ${pp(Math.min(...leaderMove))} to ${pp(Math.max(...leaderMove))})`,
    '−4 to +1.5 pp',
    leader >= -0.04 && leader <= 0.015,
  );
  const sw = mean(switching);
  target('switching at renewal', pct(sw), '8–15%', sw >= 0.08 && sw <= 0.15);
  const fewest = Math.min(...profitable);
  target(
    'vendors with positive accrual profit, year 5',
    `mean ${mean(profitable).toFixed(1)}, fewest ${fewest} of ${vendors}`,
    '≥ 4 of 5 in every seed',
    fewest >= 4,
  );
  const lowest = Math.min(...shocks.map((x) => x.priceOverCost));
  target(
    "suppliers' lowest price to a vendor / cost, any day",
    lowest.toFixed(4),
    '≥ 1 (never below cost)',
    lowest >= 1,
  );
  const short = shocks.map((x) => x.stockouts.filter((n) => n > 0).length);
  target(
    'default shock: vendors with stock-outs',
    `≥ 1 in ${short.filter((n) => n >= 1).length} of ${seeds.length} seeds (mean ${mean(short).toFixed(1)})`,
    '≥ 1 vendor in every seed',
    short.every((n) => n >= 1),
  );
  const kept = delivering.filter((d) => d >= 0).length;
  target(
    'default shock: share of the vendors that keep delivering',
    `${pp(mean(delivering))} vs no shock (≥ 0 in ${kept} of ${seeds.length})`,
    'keeps or gains (mean ≥ 0)',
    mean(delivering) >= 0,
  );
  // Which vendors ran short, beside their stock cover on the eve of the shock.
  const byVendor = defaults.vendors.rows.map((row, j) => {
    const covers = shocks.map((x) => x.cover[j]).filter((c) => !Number.isNaN(c));
    const cover = covers.length > 0 ? `${mean(covers).toFixed(0)} d` : 'not in';
    const outs = mean(shocks.map((x) => x.stockouts[j])).toFixed(0);
    return `${row.name} ${cover} / ${outs} / ${pp(mean(shockMoves.map((m) => m[j])))}`;
  });
  console.log(`      stock cover on the eve of the shock / stock-outs per seed / share vs no shock 60 days after it:`);
  console.log(`        ${byVendor.join(', ')}`);
  console.log(`      customers above the loyalty threshold at year 5: ${pct(mean(loyal))}`);
  const directByYear = direct[0].map((_, year) => pct(mean(direct.map((d) => d[year]))));
  console.log(`      direct channel's share by year: ${directByYear.join(' → ')}`);
}

/**
 * In "Everyone fights on price": a cut is a vendor's price falling ≥ 5% at one repricing; it is
 * followed when most of its active rivals price ≥ 1% lower within 30 days than before the cut.
 */
function matchedCuts(): void {
  const params = presetParams('price-war');
  let cuts = 0;
  let followed = 0;
  for (const seed of seeds) {
    const run = Run.create(cloudMarket, params, seed);
    const ids = params.vendors.rows.map((r) => `price.v${r.id}`);
    const prices: (number | null)[][] = [];
    while (run.step()) if ((run.tick - 1) % params.repriceDays === 0) prices.push(ids.map((id) => run.reporters()[id]));
    const window = Math.floor(30 / params.repriceDays);
    for (let t = 1; t + window < prices.length; t++) {
      for (let j = 0; j < ids.length; j++) {
        const before = prices[t - 1][j];
        const now = prices[t][j];
        if (before === null || now === null || now > before * 0.95) continue;
        cuts++;
        const rivals = ids.map((_, k) => k).filter((k) => k !== j && prices[t - 1][k] !== null);
        const matching = rivals.filter((k) =>
          prices.slice(t, t + window + 1).some((p) => p[k] !== null && p[k]! <= prices[t - 1][k]! * 0.99),
        );
        if (rivals.length > 0 && matching.length * 2 > rivals.length) followed++;
      }
    }
  }
  console.log(`\n"Everyone fights on price", ${seeds.length} seeds`);
  const share = cuts > 0 ? followed / cuts : 0;
  target(
    'price cuts followed by most rivals within 30 days',
    `${followed} of ${cuts} cuts (${pct(share)})`,
    '≥ 50% of cuts',
    share >= 0.5,
  );
}

/** In "Bargains then rip-offs": the vendor gains share while cheap, then prices well above its bargain. */
function bargains(): void {
  const params = presetParams('bargains-then-rip-offs');
  const j = params.vendors.rows.findIndex((r) => r.strategy === 'dynamic');
  const id = `v${params.vendors.rows[j].id}`;
  let shown = 0;
  const rises: number[] = [];
  for (const seed of seeds) {
    const run = Run.create(cloudMarket, params, seed);
    const start = run.reporters()[`share.${id}`] ?? 0;
    let bargain = Infinity;
    let later = 0;
    let gained = 0;
    while (run.step()) {
      const r = run.reporters();
      const price = r[`price.${id}`] ?? 0;
      if (run.tick <= 90) bargain = Math.min(bargain, price);
      else if (run.tick >= 365) later = Math.max(later, price);
      if (run.tick === 365) gained = (r[`share.${id}`] ?? 0) - start;
    }
    rises.push(later / bargain - 1);
    if (gained > 0 && later > bargain * 1.3) shown++;
  }
  console.log(`\n"Bargains then rip-offs", ${seeds.length} seeds`);
  target(
    'share bought cheap in year 1, price raised ≥ 30% later',
    `${shown} of ${seeds.length} seeds (price +${pct(mean(rises))})`,
    'every seed',
    shown === seeds.length,
  );
}

/** "A market at rest": no seller's mean share moves more than 1.5 pp from day 0 in any year. */
function atRest(): void {
  const params = presetParams('market-at-rest');
  const runs = seeds.slice(0, 10).map((seed) => sharesByYear(params, seed));
  let largest = 0;
  for (let year = 1; year <= params.years; year++)
    for (let k = 0; k < runs[0][0].length; k++)
      largest = Math.max(largest, Math.abs(mean(runs.map((r) => r[year][k])) - mean(runs.map((r) => r[0][k]))));
  console.log(`\n"A market at rest", ${runs.length} seeds`);
  target("largest move of a seller's mean share", `${(100 * largest).toFixed(2)} pp`, '≤ 1.5 pp', largest <= 0.015);
}

defaultScenario();
matchedCuts();
bargains();
atRest();
console.log(failed ? `\n${failed} target(s) not met` : '\nEvery target met');
process.exitCode = failed ? 1 : 0;
