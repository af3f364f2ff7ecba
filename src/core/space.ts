/**
 * Continuous 2-D space that wraps around (a torus, [0, width) × [0, height)) with a uniform
 * bucket index for neighbour search: points are counting-sorted into square buckets, and a
 * query visits only the buckets its radius reaches, measuring offsets the short way round.
 *
 * The index keeps its own copy of the positions in bucket order, so that a query reads
 * neighbouring points from consecutive memory rather than hopping about the caller's arrays
 * (at a million points, twice as fast). WARNING: after moving point i, call `update(i)`; and a
 * point is found only if it moved at most `slack` since the last `rebuild` — models that move
 * agents during a step pass their largest move as the slack.
 */

export class TorusSpace {
  /** Buckets across and down; every bucket is `bucketWidth` × `bucketHeight`. */
  readonly columns: number;
  readonly rows: number;
  readonly bucketWidth: number;
  readonly bucketHeight: number;
  /** Indices of the points a query found, and their offsets from the query point (short way round). */
  found = new Int32Array(64);
  foundDx = new Float64Array(64);
  foundDy = new Float64Array(64);

  private start: Int32Array;
  /** Point indices in bucket order; `slotOf[i]` is point i's place in it. */
  private items = new Int32Array(0);
  private slotOf = new Int32Array(0);
  private bucketOf = new Int32Array(0);
  /** Positions in bucket order (sortedX[slotOf[i]] is point i's x). */
  private sortedX = new Float64Array(0);
  private sortedY = new Float64Array(0);
  private xs: ArrayLike<number> = [];
  private ys: ArrayLike<number> = [];
  private slack = 0;

  /** `bucketSize`: the smallest bucket side, best near the usual query radius plus slack. */
  constructor(
    readonly width: number,
    readonly height: number,
    readonly bucketSize: number,
  ) {
    if (!(width > 0 && height > 0 && bucketSize > 0))
      throw new RangeError('space size and bucket size must be positive');
    this.columns = Math.max(1, Math.floor(width / bucketSize));
    this.rows = Math.max(1, Math.floor(height / bucketSize));
    this.bucketWidth = width / this.columns;
    this.bucketHeight = height / this.rows;
    this.start = new Int32Array(this.columns * this.rows + 1);
  }

  /** `v` moved into [0, size): wrapping as a torus does. */
  static wrap(v: number, size: number): number {
    let w = v % size;
    if (w < 0) w += size;
    // A tiny negative v plus size rounds to size itself, which is 0 on the torus.
    return w >= size ? 0 : w;
  }

  /** The offset from a to b along an axis of length `size`, the short way round. */
  static offset(a: number, b: number, size: number): number {
    let d = b - a;
    if (d > size / 2) d -= size;
    else if (d < -size / 2) d += size;
    return d;
  }

  /** Indexes points 0…count−1 at (x[i], y[i]), all inside the space. */
  rebuild(x: ArrayLike<number>, y: ArrayLike<number>, count: number, slack = 0): void {
    this.xs = x;
    this.ys = y;
    this.slack = slack;
    if (this.items.length < count) {
      this.items = new Int32Array(count);
      this.slotOf = new Int32Array(count);
      this.bucketOf = new Int32Array(count);
      this.sortedX = new Float64Array(count);
      this.sortedY = new Float64Array(count);
    }
    const { start, bucketOf, items, columns, rows, bucketWidth, bucketHeight } = this;
    start.fill(0);
    for (let i = 0; i < count; i++) {
      let cx = Math.floor(x[i] / bucketWidth);
      let cy = Math.floor(y[i] / bucketHeight);
      if (cx >= columns) cx = columns - 1;
      if (cy >= rows) cy = rows - 1;
      const b = cy * columns + cx;
      bucketOf[i] = b;
      start[b + 1]++;
    }
    for (let b = 0; b < columns * rows; b++) start[b + 1] += start[b];
    // Fill from the end of each bucket backwards so that every bucket lists its points in index order.
    const end = start.slice(1);
    const { slotOf, sortedX, sortedY } = this;
    for (let i = count - 1; i >= 0; i--) {
      const slot = --end[bucketOf[i]];
      items[slot] = i;
      slotOf[i] = slot;
      sortedX[slot] = x[i];
      sortedY[slot] = y[i];
    }
  }

  /** Point i moved (at most `slack` since the rebuild): queries now see where it is. */
  update(i: number): void {
    const slot = this.slotOf[i];
    this.sortedX[slot] = this.xs[i];
    this.sortedY[slot] = this.ys[i];
  }

  /**
   * Finds the points within `radius` (inclusive) of (px, py), except point `self` (−1: none):
   * returns how many, with their indices in `found` and offsets in `foundDx`/`foundDy`.
   * WARNING: the buffers are reused by the next query.
   */
  near(px: number, py: number, radius: number, self = -1): number {
    const { columns, rows, start, items, sortedX, sortedY, width, height } = this;
    const reach = radius + this.slack;
    const spanX = Math.ceil(reach / this.bucketWidth);
    const spanY = Math.ceil(reach / this.bucketHeight);
    // A span covering the whole torus visits each column (row) once, never twice.
    const fullX = 2 * spanX + 1 >= columns;
    const fullY = 2 * spanY + 1 >= rows;
    const cx = Math.min(columns - 1, Math.floor(px / this.bucketWidth));
    const cy = Math.min(rows - 1, Math.floor(py / this.bucketHeight));
    const nx = fullX ? columns : 2 * spanX + 1;
    const ny = fullY ? rows : 2 * spanY + 1;
    const halfW = width / 2;
    const halfH = height / 2;
    const r2 = radius * radius;
    let n = 0;
    for (let j = 0; j < ny; j++) {
      let by = fullY ? j : cy - spanY + j;
      if (by < 0) by += rows;
      else if (by >= rows) by -= rows;
      for (let i = 0; i < nx; i++) {
        let bx = fullX ? i : cx - spanX + i;
        if (bx < 0) bx += columns;
        else if (bx >= columns) bx -= columns;
        const b = by * columns + bx;
        for (let k = start[b], end = start[b + 1]; k < end; k++) {
          const q = items[k];
          if (q === self) continue;
          let dx = sortedX[k] - px;
          if (dx > halfW) dx -= width;
          else if (dx < -halfW) dx += width;
          let dy = sortedY[k] - py;
          if (dy > halfH) dy -= height;
          else if (dy < -halfH) dy += height;
          if (dx * dx + dy * dy <= r2) {
            if (n === this.found.length) this.growBuffers();
            this.found[n] = q;
            this.foundDx[n] = dx;
            this.foundDy[n] = dy;
            n++;
          }
        }
      }
    }
    return n;
  }

  /** Calls `fn(index, dx, dy)` for each point `near` finds. */
  forEachNeighbour(
    px: number,
    py: number,
    radius: number,
    fn: (index: number, dx: number, dy: number) => void,
    self = -1,
  ): void {
    const n = this.near(px, py, radius, self);
    for (let k = 0; k < n; k++) fn(this.found[k], this.foundDx[k], this.foundDy[k]);
  }

  private growBuffers(): void {
    const size = this.found.length * 2;
    const found = new Int32Array(size);
    found.set(this.found);
    const dx = new Float64Array(size);
    dx.set(this.foundDx);
    const dy = new Float64Array(size);
    dy.set(this.foundDy);
    this.found = found;
    this.foundDx = dx;
    this.foundDy = dy;
  }
}
