/**
 * Above a few tens of thousands of agents single dots stop being readable (and drawable at a
 * frame rate): the view then bins a layer into square cells of a few pixels. Each cell takes
 * the category of one of its agents, picked by a fixed low-discrepancy sequence over the cell's
 * own mix, so that over many cells colours appear in proportion to their agents (a majority
 * rule would paint a 35% leader over whole areas). Spatial groups (e.g. segment areas) and the
 * balance of colours (e.g. vendor shares) stay visible.
 */
import type { ColorRule } from '../core/model';
import type { Column } from '../core/world';

const GOLDEN = 0.6180339887498949;

/** Layers with more agents than this are drawn aggregated. */
export const AGGREGATE_ABOVE = 50_000;

export interface Cell {
  readonly x: number;
  readonly y: number;
  /** Index into the palette, or −1 for "other". */
  readonly category: number;
  /** Agents in the cell. */
  readonly count: number;
}

/**
 * Bins screen positions (in pixels) into cells of `cellPx`; `categories` (if the layer
 * colours by category; values ≥ paletteSize or < 0 count as other) gives each cell's colour.
 */
export function binAgents(
  count: number,
  screenX: (i: number) => number,
  screenY: (i: number) => number,
  categories: Column | null,
  paletteSize: number,
  width: number,
  height: number,
  cellPx: number,
): Cell[] {
  const cols = Math.max(1, Math.ceil(width / cellPx));
  const rows = Math.max(1, Math.ceil(height / cellPx));
  const kinds = paletteSize + 1; // the last slot counts "other"
  const tallies = new Uint32Array(cols * rows * kinds);
  const totals = new Uint32Array(cols * rows);
  for (let i = 0; i < count; i++) {
    const cx = Math.floor(screenX(i) / cellPx);
    const cy = Math.floor(screenY(i) / cellPx);
    if (cx < 0 || cy < 0 || cx >= cols || cy >= rows) continue;
    const cell = cy * cols + cx;
    const c = categories ? categories[i] : 0;
    const k = c >= 0 && c < paletteSize ? c : paletteSize;
    tallies[cell * kinds + k]++;
    totals[cell]++;
  }
  const cells: Cell[] = [];
  for (let cell = 0; cell < cols * rows; cell++) {
    if (totals[cell] === 0) continue;
    // The golden-ratio sequence spreads the picks evenly over [0, 1) from cell to cell.
    const u = (cell * GOLDEN) % 1;
    let target = u * totals[cell];
    let pick = 0;
    while (pick < kinds - 1 && target >= tallies[cell * kinds + pick]) target -= tallies[cell * kinds + pick++];
    cells.push({
      x: (cell % cols) * cellPx + cellPx / 2,
      y: Math.floor(cell / cols) * cellPx + cellPx / 2,
      category: pick === paletteSize ? -1 : pick,
      count: totals[cell],
    });
  }
  return cells;
}

/** The palette a colour rule indexes, as numbers. */
export function paletteOf(rule: ColorRule, fallback: readonly number[]): readonly number[] {
  return rule.kind === 'category' && rule.palette ? rule.palette.map((c) => parseInt(c.slice(1), 16)) : fallback;
}
