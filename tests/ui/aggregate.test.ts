import { describe, expect, it } from 'vitest';
import { binAgents } from '../../src/ui/aggregate';

describe('binAgents', () => {
  it('bins agents into cells, counting every agent once, each cell coloured by one of its own agents', () => {
    const xs = [1, 2, 3, 12, 13, 25];
    const ys = [1, 1, 2, 1, 1, 25];
    const categories = new Int8Array([0, 1, 1, 2, -1, 9]);
    const cells = binAgents(
      xs.length,
      (i) => xs[i],
      (i) => ys[i],
      categories,
      3,
      30,
      30,
      10,
    );
    expect(cells.map(({ x, y, count }) => ({ x, y, count }))).toEqual([
      { x: 5, y: 5, count: 3 },
      { x: 15, y: 5, count: 2 },
      { x: 25, y: 25, count: 1 },
    ]);
    expect([0, 1]).toContain(cells[0].category);
    expect([2, -1]).toContain(cells[1].category);
    expect(cells[2].category).toBe(-1);
  });

  it('shows categories in proportion to their agents over many cells', () => {
    // 1,000 cells of 10 agents each, 30% of category 0 and 70% of category 1 in every cell.
    const n = 10_000;
    const categories = new Int8Array(n).map((_, i) => (i % 10 < 3 ? 0 : 1));
    const cells = binAgents(
      n,
      (i) => (Math.floor(i / 10) % 100) * 10 + 5,
      (i) => Math.floor(i / 1000) * 10 + 5,
      categories,
      2,
      1000,
      100,
      10,
    );
    expect(cells).toHaveLength(1000);
    const zeros = cells.filter((c) => c.category === 0).length;
    expect(zeros).toBeGreaterThan(280);
    expect(zeros).toBeLessThan(320);
  });

  it('leaves out agents outside the canvas', () => {
    expect(
      binAgents(
        2,
        (i) => [-5, 50][i],
        () => 1,
        null,
        1,
        30,
        30,
        10,
      ),
    ).toEqual([]);
  });
});
