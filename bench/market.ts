/**
 * Cloud-market benchmark: five simulated years headless, each size in its own process (so peak
 * memory is its own). Targets from the model issue are printed beside the figures.
 */
import { spawnSync } from 'node:child_process';

interface MarketFigures {
  customers: number;
  vendors: number;
  days: number;
  finalCustomers: number;
  setupMs: number;
  totalMs: number;
  peakMiB: number;
}

function runMarket(customers: number, vendors: number): MarketFigures {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'bench/marketRun.ts', String(customers), String(vendors)],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  if (child.status !== 0) throw new Error(`market run of ${customers} customers failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as MarketFigures;
}

function report(label: string, f: MarketFigures, targetMs: number, targetMiB?: number): void {
  const ok = f.totalMs < targetMs && (targetMiB === undefined || f.peakMiB < targetMiB);
  console.log(
    `${label.padEnd(44)} ${(f.totalMs / 1000).toFixed(2).padStart(7)} s (setup ${(f.setupMs / 1000).toFixed(2)} s), ` +
      `peak ${f.peakMiB.toFixed(0)} MiB, ${f.finalCustomers.toLocaleString('en')} customers at the end — ` +
      `target < ${targetMs / 1000} s${targetMiB ? ` and < ${targetMiB} MiB` : ''}: ${ok ? 'met' : 'NOT met'}`,
  );
}

/** `full` adds the 1,000,000-customer run and the scaling ratio. */
export function benchMarket(full: boolean): void {
  console.log('\ncloud-market, 5 years (1,825 days), 25%/year growth');
  report('default scenario (3,000 customers, 5 vendors)', runMarket(3000, 0), 500);
  const large = runMarket(100_000, 8);
  report('100,000 customers × 8 vendors', large, 10_000);
  if (!full) return;
  const huge = runMarket(1_000_000, 8);
  report('1,000,000 customers × 8 vendors', huge, 60_000, 1024);
  const ratio = huge.totalMs / large.totalMs;
  console.log(
    `${'time ratio 1,000,000 / 100,000'.padEnd(44)} ${ratio.toFixed(1).padStart(7)}   — target ≤ 15 (10 = linear): ${ratio <= 15 ? 'met' : 'NOT met'}`,
  );
}
