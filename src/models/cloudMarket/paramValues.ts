/**
 * The market's parameters as the submodels read them: the context type, typed reads (table
 * cells, per-segment values), and the codes of strategies and group policies as the vendors'
 * columns store them.
 */
import type { ModelContext } from '../../core/model';
import type { TableRow } from '../../core/params';
import { POLICIES, STRATEGIES, type MarketParams } from './params';
import { SEGMENTS } from './state';

/** The model context of the market: its parameters, tick and random streams. */
export type Ctx = ModelContext<MarketParams>;

export const PROFIT = STRATEGIES.indexOf('profit');
export const FOLLOW = STRATEGIES.indexOf('follow');
export const AGGRESSIVE = STRATEGIES.indexOf('aggressive');
export const DYNAMIC = STRATEGIES.indexOf('dynamic');
export const LEARNING = STRATEGIES.indexOf('learning');
export const PROFIT_FIRST = POLICIES.indexOf('profit-first');

export function vendorRows(params: MarketParams): readonly TableRow[] {
  return params.vendors.rows;
}

/** A numeric cell of a table row (the parameter schema has checked its type). */
export function num(row: TableRow, key: string): number {
  return row[key] as number;
}

/** The parameter `<segment><name>`, e.g. `financePriceSensitivity`. */
export function segmentParam(params: MarketParams, segment: number, name: string): number {
  return (params as Record<string, unknown>)[`${SEGMENTS[segment]}${name}`] as number;
}
