/**
 * Scheduled and random events of the events table: supply shocks, supplier cost changes, vendor
 * entries, group policy changes, targeting of a rival's customers, and demand swings.
 */
import { pow } from '../../core/dmath';
import type { TableRow } from '../../core/params';
import { clamp01 } from './economics';
import { num, vendorRows, type Ctx } from './paramValues';
import type { Scratch } from './scratch';
import type { MarketWorld } from './state';
import { enterVendor } from './vendors';

function rowIndex(rows: readonly TableRow[], id: number): number {
  return rows.findIndex((r) => r.id === id);
}

function fireEvent(w: MarketWorld, ctx: Ctx, scratch: Scratch, e: TableRow): void {
  const v = w.agents.vendors.col;
  const s = w.agents.suppliers.col;
  const day = ctx.tick;
  const subject = num(e, 'subject');
  const magnitude = num(e, 'magnitude');
  const until = day + num(e, 'duration');
  const supplierTargets = (fn: (k: number) => void) => {
    const k = subject < 0 ? -1 : rowIndex(ctx.params.suppliers.rows, subject);
    for (let i = 0; i < w.agents.suppliers.count; i++) if (subject < 0 || i === k) fn(i);
  };
  const vendor = rowIndex(vendorRows(ctx.params), subject);
  switch (e.kind) {
    case 'supply-shock':
      supplierTargets((k) => {
        s.shock[k] = clamp01(magnitude);
        s.shockUntil[k] = until;
      });
      break;
    case 'supplier-cost':
      supplierTargets((k) => (s.cost[k] *= magnitude));
      break;
    case 'vendor-entry':
      if (vendor >= 0 && !v.active[vendor] && !v.exited[vendor]) enterVendor(w, ctx, scratch, vendor);
      break;
    case 'policy-change':
      if (vendor >= 0) v.policy[vendor] = Math.min(2, Math.max(0, Math.round(magnitude)));
      break;
    case 'target': {
      const target = rowIndex(vendorRows(ctx.params), num(e, 'object'));
      if (vendor >= 0 && target >= 0 && target !== vendor) {
        v.targetVendor[vendor] = target;
        v.targetUntil[vendor] = until;
      }
      break;
    }
    case 'demand':
      w.globals.demandFactor = magnitude;
      w.globals.demandUntil = until;
      break;
  }
}

/**
 * Fires today's events: those scheduled for today and random ones at their daily hazard; a
 * demand swing ends. A random event's draw is keyed by its row's id and the day (the keyed
 * `events` stream), so adding, removing or reordering other rows never changes when it fires.
 */
export function runEvents(w: MarketWorld, ctx: Ctx, scratch: Scratch): void {
  const draws = ctx.rng.keyed('events');
  for (const e of ctx.params.events.rows) {
    const perYear = num(e, 'perYear');
    // Random events: the daily hazard that gives the yearly probability.
    const fires =
      perYear > 0
        ? draws.at(e.id, ctx.tick).chance(1 - pow(1 - Math.min(perYear, 0.999999), 1 / 365))
        : num(e, 'day') === ctx.tick;
    if (fires) fireEvent(w, ctx, scratch, e);
  }
  if (w.globals.demandUntil <= ctx.tick) w.globals.demandFactor = 1;
}
