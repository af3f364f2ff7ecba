/**
 * One cloud-market run in its own process, so that its peak memory is its own:
 * `node --import tsx bench/marketRun.ts <customers> <vendors>` prints one JSON line.
 */
import { performance } from 'node:perf_hooks';
import { defaultParams, validateParams, type TableRow } from '../src/core/params';
import { Run } from '../src/core/run';
import { cloudMarket } from '../src/models/cloudMarket';
import { STRATEGIES, type MarketParams } from '../src/models/cloudMarket/params';

const customers = Number(process.argv[2]);
const vendorCount = Number(process.argv[3] ?? 0);
const defaults = defaultParams(cloudMarket.params) as MarketParams;

/** The default vendors, or `vendorCount` vendors cycling through the strategies. */
function vendors(): MarketParams['vendors'] {
  if (!vendorCount) return defaults.vendors;
  const rows: TableRow[] = Array.from({ length: vendorCount }, (_, id) => ({
    ...defaults.vendors.rows[id % defaults.vendors.rows.length],
    id,
    name: `V${id}`,
    strategy: STRATEGIES[id % STRATEGIES.length],
    initialShare: 0.8 / vendorCount,
    entryDay: id === vendorCount - 1 ? 365 : 0,
  }));
  return { nextId: vendorCount, rows };
}

const checked = validateParams(cloudMarket.params, { ...defaults, customers, vendors: vendors() });
if (!checked.ok) throw new Error(checked.errors[0].message);
const start = performance.now();
const run = Run.create(cloudMarket, checked.value, 1);
const setupMs = performance.now() - start;
run.runUntil(Infinity);
const totalMs = performance.now() - start;
console.log(
  JSON.stringify({
    customers,
    vendors: run.world.agents.vendors.count,
    days: run.tick,
    finalCustomers: run.world.agents.customers.count,
    setupMs,
    totalMs,
    peakMiB: process.resourceUsage().maxRSS / 1024,
    fingerprint: run.fingerprint(),
  }),
);
