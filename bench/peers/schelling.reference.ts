/**
 * Schelling, hand-written: flat typed arrays, loops written out, nothing in between — the
 * "how fast can JavaScript go" mark the other implementations are measured against.
 */
import { createRandom, shuffleOrder } from './referenceRandom';
import type { SchellingConfig, Sim } from './types';

export function create(config: SchellingConfig, seed: number): Sim {
  const { side, radius, minToBeHappy } = config;
  const random = createRandom(seed);
  const size = side * side;
  const n = Math.min(config.agents, size);
  const cells = new Int32Array(size).fill(-1);
  const xs = new Int32Array(n);
  const ys = new Int32Array(n);
  const group = new Uint8Array(n);
  const happy = new Uint8Array(n);
  const order = new Int32Array(n);

  const free = new Int32Array(size);
  for (let c = 0; c < size; c++) free[c] = c;
  for (let i = 0; i < n; i++) {
    const j = i + random.int(size - i);
    const cell = free[j];
    free[j] = free[i];
    cells[cell] = i;
    xs[i] = cell % side;
    ys[i] = (cell / side) | 0;
    group[i] = i < n / 2 ? 0 : 1;
  }

  function step(): void {
    shuffleOrder(order, random);
    for (let k = 0; k < n; k++) {
      const i = order[k];
      const x = xs[i];
      const y = ys[i];
      const g = group[i];
      const x0 = x > radius ? x - radius : 0;
      const x1 = x + radius < side ? x + radius : side - 1;
      const y0 = y > radius ? y - radius : 0;
      const y1 = y + radius < side ? y + radius : side - 1;
      let same = -1; // the agent itself is in the square
      for (let cy = y0; cy <= y1; cy++) {
        const row = cy * side;
        for (let cx = x0; cx <= x1; cx++) {
          const a = cells[row + cx];
          if (a >= 0 && group[a] === g) same++;
        }
      }
      if (same >= minToBeHappy) {
        happy[i] = 1;
        continue;
      }
      happy[i] = 0;
      if (n === size) continue;
      let to: number;
      do to = random.int(size);
      while (cells[to] >= 0);
      cells[y * side + x] = -1;
      cells[to] = i;
      xs[i] = to % side;
      ys[i] = (to / side) | 0;
    }
  }

  function statistic(): number {
    let h = 0;
    for (let i = 0; i < n; i++) h += happy[i];
    return n === 0 ? 0 : h / n;
  }
  return { step, statistic };
}
