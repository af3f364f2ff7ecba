/**
 * Measures how much randomness a what-if's fork shares with its base (docs/common-random-numbers.md):
 * `node --import tsx scripts/common-random-numbers.ts [whatifs/….json …]` (default: every ready
 * what-if). Prints, per what-if: the first day the two states differ, the customers who arrive
 * after the fork and how many of them are the same people (same id and traits), the customers
 * holding a different seller at the end, and the sequential streams whose state differs at the end.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseComparison, startComparison } from '../src/core/comparison';
import type { Run } from '../src/core/run';
import { findModel } from '../src/models/registry';
import type { MarketWorld } from '../src/models/cloudMarket/state';
import { ARRIVAL_COLUMNS } from '../src/models/cloudMarket/customers';

const customersOf = (run: Run) => (run.world as unknown as MarketWorld).agents.customers;

function sameCustomer(a: Run, b: Run, i: number): boolean {
  const ca = customersOf(a).col;
  const cb = customersOf(b).col;
  return ARRIVAL_COLUMNS.every((t) => ca[t][i] === cb[t][i]);
}

function measure(file: string): void {
  const parsed = parseComparison(JSON.parse(readFileSync(file, 'utf8')), findModel);
  if (!parsed.ok) throw new Error(`${file}: ${parsed.errors[0].message}`);
  const { base, fork } = startComparison(parsed.value);
  const atFork = Math.min(customersOf(base).count, customersOf(fork).count);
  let firstDifferent: number | null = base.fingerprint() === fork.fingerprint() ? null : base.tick;
  while (base.step() && fork.step())
    if (firstDifferent === null && base.fingerprint() !== fork.fingerprint()) firstDifferent = base.tick;
  const later = [customersOf(base).count, customersOf(fork).count];
  let same = 0;
  for (let i = atFork; i < Math.min(later[0], later[1]); i++) if (sameCustomer(base, fork, i)) same++;
  let otherSeller = 0;
  const sb = customersOf(base).col.seller;
  const sf = customersOf(fork).col.seller;
  for (let i = 0; i < Math.min(later[0], later[1]); i++) if (sb[i] !== sf[i]) otherSeller++;
  const streams = (run: Run) => run.rng.save().streams;
  const differing = Object.keys({ ...streams(base), ...streams(fork) }).filter(
    (name) => JSON.stringify(streams(base)[name]) !== JSON.stringify(streams(fork)[name]),
  );
  console.log(`${parsed.value.question ?? file} (fork day ${parsed.value.forkDay})`);
  console.log(`  states differ from day ${firstDifferent ?? 'never'}`);
  console.log(
    `  customers arriving after the fork: base ${later[0] - atFork}, fork ${later[1] - atFork}; the same people: ${same}`,
  );
  console.log(`  customers with another seller at the end: ${otherSeller} of ${Math.min(later[0], later[1])}`);
  console.log(
    `  sequential streams (${Object.keys(streams(base)).join(', ')}) differing at the end: ${differing.join(', ') || 'none'}`,
  );
}

const files = process.argv.slice(2);
const whatifs = files.length ? files : readdirSync('whatifs').map((f) => join('whatifs', f));
for (const file of whatifs.sort()) measure(file);
