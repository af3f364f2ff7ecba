/**
 * Neighbourhood tallies over a Grid: for every cell, how many occupants of each category live
 * in the square of `radius` around it (the cell itself included), kept up to date as occupants
 * arrive, leave and move. "How many of my group live around me?" then costs one read instead of
 * (2r + 1)² — the question Schelling-type models ask of every agent every tick. A move costs
 * two squares of updates, so tallies pay off when most agents look and few move.
 *
 * Being in a cell's square is symmetric (with or without wrap), so an arrival adds one to every
 * cell of its own square.
 *
 * WARNING: the tally knows only the changes it is told of; after writing to the grid's cells
 * any other way, `rebuild` it.
 */
import { EMPTY, type Grid } from './grid';

export class GridTally {
  /** counts[cell × categories + category]. */
  private readonly counts: Uint8Array | Uint16Array | Uint32Array;

  constructor(
    readonly grid: Grid,
    readonly radius: number,
    readonly categories: number,
  ) {
    if (!Number.isInteger(radius) || radius < 0)
      throw new RangeError(`tally radius must be a whole number ≥ 0, got ${radius}`);
    if (!Number.isInteger(categories) || categories < 1)
      throw new RangeError(`tally needs at least one category, got ${categories}`);
    // The narrowest counter that holds a full square: a u8 up to radius 7.
    const square = Math.min(2 * radius + 1, grid.width) * Math.min(2 * radius + 1, grid.height);
    const length = grid.size * categories;
    this.counts =
      square <= 0xff ? new Uint8Array(length) : square <= 0xffff ? new Uint16Array(length) : new Uint32Array(length);
  }

  /** Occupants of `category` in the square around `cell`, the cell's own occupant included. */
  count(cell: number, category: number): number {
    return this.counts[cell * this.categories + category];
  }

  /** Counts the grid's occupants afresh; `categoryOf[agent]` is each occupant's category. */
  rebuild(categoryOf: ArrayLike<number>): void {
    this.counts.fill(0);
    const { cells, size } = this.grid;
    for (let c = 0; c < size; c++) if (cells[c] !== EMPTY) this.add(c, categoryOf[cells[c]]);
  }

  /** An occupant of `category` arrived in `cell`. */
  add(cell: number, category: number): void {
    this.change(cell, category, 1);
  }

  /** An occupant of `category` left `cell`. */
  remove(cell: number, category: number): void {
    this.change(cell, category, -1);
  }

  /** An occupant of `category` moved from one cell to another. */
  move(from: number, to: number, category: number): void {
    this.change(from, category, -1);
    this.change(to, category, 1);
  }

  private change(cell: number, category: number, by: number): void {
    const { grid, radius, categories, counts } = this;
    const width = grid.width;
    const x = cell % width;
    const y = (cell - x) / width;
    if (grid.wrap && grid.crossesEdge(x, y, radius)) {
      grid.forEachCellAround(x, y, radius, (c) => (counts[c * categories + category] += by));
      return;
    }
    // Inside the grid, or cut by its edges: plain loops, the common case.
    const [x0, x1, y0, y1] = grid.clipSquare(x, y, radius);
    for (let cy = y0; cy <= y1; cy++) {
      const row = cy * width;
      for (let cx = x0; cx <= x1; cx++) counts[(row + cx) * categories + category] += by;
    }
  }
}
