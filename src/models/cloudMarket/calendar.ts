/**
 * The renewal calendar: a ring of day slots, each the head of a linked list (through the
 * customers' `nextInDay`) of the customers whose lot ends that day, so that a day visits only
 * the customers who choose on it.
 */
import type { UniformSource } from '../../core/keyedRandom';
import type { Ctx } from './paramValues';
import type { MarketWorld } from './state';

function calendarSlot(w: MarketWorld, day: number): number {
  return day % w.agents.calendar.count;
}

/** Customer i's lot ends on `day`, when it chooses again. */
export function schedule(w: MarketWorld, i: number, day: number): void {
  const c = w.agents.customers.col;
  const slot = calendarSlot(w, day);
  c.endDay[i] = day;
  c.nextInDay[i] = w.agents.calendar.col.head[slot];
  w.agents.calendar.col.head[slot] = i;
}

/** Empties the slot of `day` and returns the first customer who was in it (−1 if none); `nextInDay` links the rest. */
export function takeDue(w: MarketWorld, day: number): number {
  const slot = calendarSlot(w, day);
  const head = w.agents.calendar.col.head;
  const first = head[slot];
  head[slot] = -1;
  return first;
}

/** The length of a new contract: the contract term, ±20%. */
export function contractLength(ctx: Ctx, rng: UniformSource): number {
  const d = ctx.params.contractDays;
  return Math.max(1, Math.round(d * (0.8 + 0.4 * rng.next())));
}
