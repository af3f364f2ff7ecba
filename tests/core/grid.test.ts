import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EMPTY, Grid } from '../../src/core/grid';
import { Random } from '../../src/core/rng';

/** The neighbour cells of (x, y) by definition: every offset in the square, wrapped or clipped, each cell once. */
function bruteNeighbourCells(grid: Grid, x: number, y: number, r: number): number[] {
  const cells = new Set<number>();
  for (let dy = -r; dy <= r; dy++) {
    for (let dx = -r; dx <= r; dx++) {
      let cx = x + dx;
      let cy = y + dy;
      if (grid.wrap) {
        cx = ((cx % grid.width) + grid.width) % grid.width;
        cy = ((cy % grid.height) + grid.height) % grid.height;
      } else if (cx < 0 || cy < 0 || cx >= grid.width || cy >= grid.height) continue;
      cells.add(grid.cellAt(cx, cy));
    }
  }
  cells.delete(grid.cellAt(x, y));
  return [...cells].sort((a, b) => a - b);
}

const filledGrid = fc
  .record({
    width: fc.integer({ min: 1, max: 12 }),
    height: fc.integer({ min: 1, max: 12 }),
    wrap: fc.boolean(),
    seed: fc.nat(),
    fill: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ width, height, wrap, seed, fill }) => {
    const grid = new Grid(width, height, wrap);
    const random = new Random(`grid:${seed}`);
    const groups: number[] = [];
    for (let c = 0; c < grid.size; c++) {
      if (random.chance(fill)) {
        grid.place(groups.length, c);
        groups.push(random.int(2));
      }
    }
    return { grid, groups };
  });

describe('Grid', () => {
  it('visits exactly the occupied cells of the square neighbourhood, wrapped or clipped', () => {
    fc.assert(
      fc.property(filledGrid, fc.nat(), fc.nat(), fc.integer({ min: 0, max: 7 }), ({ grid }, px, py, r) => {
        const x = px % grid.width;
        const y = py % grid.height;
        const seen: number[] = [];
        grid.forEachNeighbour(x, y, r, (agent, cell) => {
          expect(grid.cells[cell]).toBe(agent);
          seen.push(cell);
        });
        const expected = bruteNeighbourCells(grid, x, y, r).filter((c) => grid.cells[c] !== EMPTY);
        expect([...seen].sort((a, b) => a - b)).toEqual(expected);
      }),
    );
  });

  it('counts same-valued neighbours like the brute-force definition', () => {
    fc.assert(
      fc.property(
        filledGrid,
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 0, max: 7 }),
        fc.integer({ min: 0, max: 1 }),
        ({ grid, groups }, px, py, r, value) => {
          const x = px % grid.width;
          const y = py % grid.height;
          const expected = bruteNeighbourCells(grid, x, y, r).filter(
            (c) => grid.cells[c] !== EMPTY && groups[grid.cells[c]] === value,
          ).length;
          expect(grid.countNeighboursWith(x, y, r, groups, value)).toBe(expected);
        },
      ),
    );
  });

  it('keeps one agent per cell through random moves to empty cells', () => {
    fc.assert(
      fc.property(filledGrid, fc.nat(), ({ grid, groups }, seed) => {
        const random = new Random(`moves:${seed}`);
        const where = new Int32Array(groups.length);
        for (let c = 0; c < grid.size; c++) if (grid.cells[c] !== EMPTY) where[grid.cells[c]] = c;
        for (let t = 0; t < 50 && groups.length > 0; t++) {
          const agent = random.int(groups.length);
          const to = grid.randomEmptyCell(random);
          if (to < 0) {
            expect(grid.countEmpty()).toBe(0);
            continue;
          }
          expect(grid.cells[to]).toBe(EMPTY);
          grid.move(where[agent], to);
          where[agent] = to;
        }
        expect(grid.countEmpty()).toBe(grid.size - groups.length);
        for (let a = 0; a < groups.length; a++) expect(grid.cells[where[a]]).toBe(a);
      }),
    );
  });

  it('draws every empty cell, even when the grid is nearly full', () => {
    const grid = new Grid(20, 20);
    for (let c = 0; c < grid.size; c++) if (c !== 7 && c !== 391) grid.place(c, c);
    const random = new Random('nearly-full');
    const drawn = new Set<number>();
    for (let t = 0; t < 200; t++) drawn.add(grid.randomEmptyCell(random));
    expect([...drawn].sort((a, b) => a - b)).toEqual([7, 391]);
    grid.place(7, 7);
    grid.place(391, 391);
    expect(grid.randomEmptyCell(random)).toBe(-1);
  });

  it('uses an occupancy array it is given and refuses one too short', () => {
    const cells = new Int32Array(6).fill(EMPTY);
    const grid = new Grid(3, 2, false, cells);
    grid.place(4, grid.cellAt(2, 1));
    expect(cells[5]).toBe(4);
    expect(() => new Grid(3, 3, false, cells)).toThrow(RangeError);
    expect(() => new Grid(0, 3)).toThrow(RangeError);
  });
});
