/**
 * A grid of cells holding at most one agent each (NetLogo's patches, Agents.jl's
 * GridSpaceSingle): an occupancy array over width × height, square (Moore) neighbourhoods of
 * any radius, with or without wrap-around, and random empty cells drawn from a run's stream.
 *
 * Cell `c` is at (c % width, ⌊c / width⌋). The occupancy array may be supplied by the caller,
 * e.g. a column of the world's patches, so that snapshots and fingerprints include it.
 */
import type { Random } from './rng';

/** The value of an empty cell in the occupancy array. */
export const EMPTY = -1;

/**
 * Rejection sampling in `randomEmptyCell` gives up (and scans) after this many times the
 * expected number of tries, which leaves a scan about once in e^16 ≈ 10⁷ draws.
 */
const TRIES_PER_EXPECTED = 16;

export class Grid {
  readonly size: number;
  /** Agent index in each cell, or EMPTY. */
  readonly cells: Int32Array;
  /** Empty cells, counted on first need and kept by place/move/clear; −1 = not counted yet. */
  private empty = -1;
  private readonly bounds = new Int32Array(4);

  constructor(
    readonly width: number,
    readonly height: number,
    /** Whether neighbourhoods continue across the edges (a torus). */
    readonly wrap = false,
    cells?: Int32Array,
  ) {
    if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
      throw new RangeError(`grid size must be positive integers, got ${width} × ${height}`);
    }
    this.size = width * height;
    if (cells && cells.length < this.size)
      throw new RangeError(`occupancy array too short: ${cells.length} < ${this.size}`);
    this.cells = cells ?? new Int32Array(this.size).fill(EMPTY);
  }

  cellAt(x: number, y: number): number {
    return y * this.width + x;
  }

  /** Makes every cell empty. */
  clear(): void {
    this.cells.fill(EMPTY, 0, this.size);
    this.empty = this.size;
  }

  /** Puts `agent` in the empty cell `cell`. */
  place(agent: number, cell: number): void {
    this.cells[cell] = agent;
    if (this.empty > 0) this.empty--;
  }

  /** Moves the occupant of `from` to the empty cell `to`. */
  move(from: number, to: number): void {
    this.cells[to] = this.cells[from];
    this.cells[from] = EMPTY;
  }

  /**
   * Calls `fn(occupant, cell)` for every occupied cell within Chebyshev distance `radius` of
   * (x, y), the centre excluded, in row order. Without wrap, the edges cut the square; with
   * wrap, a radius wider than the grid visits no cell twice.
   */
  forEachNeighbour(x: number, y: number, radius: number, fn: (agent: number, cell: number) => void): void {
    const cells = this.cells;
    const centre = this.cellAt(x, y);
    this.forEachCellAround(x, y, radius, (cell) => {
      const agent = cells[cell];
      if (agent !== EMPTY && cell !== centre) fn(agent, cell);
    });
  }

  /**
   * The number of occupied neighbour cells (as in `forEachNeighbour`) whose occupant has
   * `column[occupant] === value`, e.g. neighbours of the same group. The fast path of the
   * common neighbourhood question, without a callback per cell.
   */
  countNeighboursWith(x: number, y: number, radius: number, column: ArrayLike<number>, value: number): number {
    const { cells, width } = this;
    let count = 0;
    if (!this.wrap || !this.crossesEdge(x, y, radius)) {
      const [x0, x1, y0, y1] = this.clipSquare(x, y, radius);
      for (let cy = y0; cy <= y1; cy++) {
        const row = cy * width;
        for (let cx = x0; cx <= x1; cx++) {
          const agent = cells[row + cx];
          if (agent !== EMPTY && column[agent] === value) count++;
        }
      }
      // The centre was counted when its occupant matches.
      const self = cells[y * width + x];
      if (self !== EMPTY && column[self] === value) count--;
      return count;
    }
    this.forEachNeighbour(x, y, radius, (agent) => {
      if (column[agent] === value) count++;
    });
    return count;
  }

  /**
   * The number of empty cells: a scan the first time, then kept up to date by place, move and
   * clear. WARNING: writing to `cells` directly after that makes it stale.
   */
  countEmpty(): number {
    if (this.empty < 0) {
      let n = 0;
      for (let c = 0; c < this.size; c++) if (this.cells[c] === EMPTY) n++;
      this.empty = n;
    }
    return this.empty;
  }

  /**
   * A uniformly random empty cell, or -1 when the grid is full. Rejection sampling: it takes
   * size / empty tries on average; when luck runs out, a scan picks uniformly among the empty cells.
   */
  randomEmptyCell(random: Random): number {
    const { cells, size } = this;
    const empty = this.countEmpty();
    if (empty === 0) return -1;
    const tries = TRIES_PER_EXPECTED * Math.ceil(size / empty);
    for (let t = 0; t < tries; t++) {
      const cell = random.int(size);
      if (cells[cell] === EMPTY) return cell;
    }
    let k = random.int(empty);
    for (let c = 0; c < size; c++) {
      if (cells[c] === EMPTY && k-- === 0) return c;
    }
    return -1;
  }

  /** The square of `radius` around (x, y) cut by the edges: [x0, x1, y0, y1], all inclusive. WARNING: the array is reused by the next call. */
  clipSquare(x: number, y: number, radius: number): Int32Array {
    const bounds = this.bounds;
    bounds[0] = x - radius < 0 ? 0 : x - radius;
    bounds[1] = x + radius >= this.width ? this.width - 1 : x + radius;
    bounds[2] = y - radius < 0 ? 0 : y - radius;
    bounds[3] = y + radius >= this.height ? this.height - 1 : y + radius;
    return bounds;
  }

  /** Whether the square of `radius` around (x, y) reaches past an edge (where it is cut or wraps). */
  crossesEdge(x: number, y: number, radius: number): boolean {
    return x - radius < 0 || y - radius < 0 || x + radius >= this.width || y + radius >= this.height;
  }

  /** Every cell of the (clipped or wrapped) square of `radius` around (x, y), centre included, once. */
  forEachCellAround(x: number, y: number, radius: number, fn: (cell: number) => void): void {
    const { width, height } = this;
    if (!this.wrap) {
      const [x0, x1, y0, y1] = this.clipSquare(x, y, radius);
      for (let cy = y0; cy <= y1; cy++) for (let cx = x0; cx <= x1; cx++) fn(cy * width + cx);
      return;
    }
    // On a torus a square wider than the grid covers each row or column once.
    const spanX = Math.min(2 * radius + 1, width);
    const spanY = Math.min(2 * radius + 1, height);
    const startX = spanX === width ? 0 : x - radius;
    const startY = spanY === height ? 0 : y - radius;
    for (let j = 0; j < spanY; j++) {
      const cy = (((startY + j) % height) + height) % height;
      for (let i = 0; i < spanX; i++) fn(cy * width + ((((startX + i) % width) + width) % width));
    }
  }
}
