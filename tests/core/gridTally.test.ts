import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EMPTY, Grid } from '../../src/core/grid';
import { GridTally } from '../../src/core/gridTally';
import { Random } from '../../src/core/rng';

/** Occupants of `category` in the square around `cell`, itself included, counted cell by cell. */
function directCount(grid: Grid, categoryOf: number[], cell: number, radius: number, category: number): number {
  const x = cell % grid.width;
  const y = (cell - x) / grid.width;
  const own = grid.cells[cell] !== EMPTY && categoryOf[grid.cells[cell]] === category ? 1 : 0;
  const column = Float64Array.from(categoryOf);
  return grid.countNeighboursWith(x, y, radius, column, category) + own;
}

const scenario = fc.record({
  width: fc.integer({ min: 1, max: 11 }),
  height: fc.integer({ min: 1, max: 11 }),
  wrap: fc.boolean(),
  radius: fc.integer({ min: 0, max: 7 }),
  categories: fc.integer({ min: 1, max: 3 }),
  seed: fc.nat(),
  changes: fc.integer({ min: 0, max: 60 }),
});

describe('GridTally', () => {
  it('equals a direct count of every square after arrivals, departures and moves, wrapped or clipped', () => {
    fc.assert(
      fc.property(scenario, ({ width, height, wrap, radius, categories, seed, changes }) => {
        const grid = new Grid(width, height, wrap);
        grid.clear();
        const random = new Random(`tally:${seed}`);
        const categoryOf: number[] = [];
        // Half the cells filled, then counted from scratch.
        for (let c = 0; c < grid.size; c++) {
          if (random.chance(0.5)) {
            grid.place(categoryOf.length, c);
            categoryOf.push(random.int(categories));
          }
        }
        const tally = new GridTally(grid, radius, categories);
        tally.rebuild(categoryOf);
        // Then kept up to date through random arrivals, departures and moves.
        for (let k = 0; k < changes; k++) {
          const cell = random.int(grid.size);
          const occupant = grid.cells[cell];
          const to = grid.randomEmptyCell(random);
          if (occupant === EMPTY) {
            const category = random.int(categories);
            grid.place(categoryOf.length, cell);
            categoryOf.push(category);
            tally.add(cell, category);
          } else if (to >= 0 && random.chance(0.7)) {
            grid.move(cell, to);
            tally.move(cell, to, categoryOf[occupant]);
          } else {
            grid.cells[cell] = EMPTY;
            tally.remove(cell, categoryOf[occupant]);
          }
        }
        for (let c = 0; c < grid.size; c++) {
          for (let category = 0; category < categories; category++) {
            expect(tally.count(c, category)).toBe(directCount(grid, categoryOf, c, radius, category));
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('holds a full square of a wide radius without overflowing its counters', () => {
    const grid = new Grid(40, 40, false);
    grid.clear();
    for (let c = 0; c < grid.size; c++) grid.place(c, c);
    const tally = new GridTally(grid, 12, 1);
    tally.rebuild(new Array<number>(grid.size).fill(0));
    expect(tally.count(grid.cellAt(20, 20), 0)).toBe(25 * 25);
    expect(tally.count(grid.cellAt(0, 0), 0)).toBe(13 * 13);
  });

  it('refuses a negative radius and no categories', () => {
    const grid = new Grid(3, 3);
    expect(() => new GridTally(grid, -1, 2)).toThrow(RangeError);
    expect(() => new GridTally(grid, 1, 0)).toThrow(RangeError);
  });
});
