/**
 * Flocking, hand-written: flat typed arrays, a counting-sorted bucket index rebuilt each tick,
 * loops written out — the "how fast can JavaScript go" mark.
 */
import { createRandom, shuffleOrder } from './referenceRandom';
import { FLOCK, type FlockingConfig, type Sim } from './types';

export function create(config: FlockingConfig, seed: number): Sim {
  const { side, birds: n, visualDistance } = config;
  const { separation, cohereFactor, separateFactor, matchFactor, speed } = FLOCK;
  const random = createRandom(seed);
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const vxs = new Float64Array(n);
  const vys = new Float64Array(n);
  const seen = new Int32Array(n);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    xs[i] = random.next() * side;
    ys[i] = random.next() * side;
    vxs[i] = random.next() * 2 - 1;
    vys[i] = random.next() * 2 - 1;
  }
  // Buckets at least visual distance + one tick's move wide: a query scans 3 × 3 of them and
  // still sees birds that moved earlier in the tick.
  const buckets = Math.max(1, Math.floor(side / (visualDistance + speed)));
  const bucketSize = side / buckets;
  const start = new Int32Array(buckets * buckets + 1);
  const fill = new Int32Array(buckets * buckets);
  const items = new Int32Array(n);
  const bucketOf = new Int32Array(n);
  const half = side / 2;
  const r2 = visualDistance * visualDistance;
  const sep2 = separation * separation;
  const span = buckets < 3 ? buckets : 3;

  function index(): void {
    start.fill(0);
    for (let i = 0; i < n; i++) {
      let bx = (xs[i] / bucketSize) | 0;
      let by = (ys[i] / bucketSize) | 0;
      if (bx >= buckets) bx = buckets - 1;
      if (by >= buckets) by = buckets - 1;
      const b = by * buckets + bx;
      bucketOf[i] = b;
      start[b + 1]++;
    }
    for (let b = 0; b < buckets * buckets; b++) start[b + 1] += start[b];
    fill.set(start.subarray(0, buckets * buckets));
    for (let i = 0; i < n; i++) items[fill[bucketOf[i]]++] = i;
  }

  function step(): void {
    index();
    shuffleOrder(order, random);
    for (let k = 0; k < n; k++) {
      const i = order[k];
      const x = xs[i];
      const y = ys[i];
      let bx = (x / bucketSize) | 0;
      let by = (y / bucketSize) | 0;
      if (bx >= buckets) bx = buckets - 1;
      if (by >= buckets) by = buckets - 1;
      let count = 0;
      let cx = 0;
      let cy = 0;
      let sx = 0;
      let sy = 0;
      let mx = 0;
      let my = 0;
      for (let j = 0; j < span; j++) {
        let row = span === 3 ? by - 1 + j : j;
        if (row < 0) row += buckets;
        else if (row >= buckets) row -= buckets;
        for (let c = 0; c < span; c++) {
          let col = span === 3 ? bx - 1 + c : c;
          if (col < 0) col += buckets;
          else if (col >= buckets) col -= buckets;
          const b = row * buckets + col;
          for (let p = start[b], end = start[b + 1]; p < end; p++) {
            const q = items[p];
            if (q === i) continue;
            let dx = xs[q] - x;
            if (dx > half) dx -= side;
            else if (dx < -half) dx += side;
            let dy = ys[q] - y;
            if (dy > half) dy -= side;
            else if (dy < -half) dy += side;
            const d2 = dx * dx + dy * dy;
            if (d2 > r2) continue;
            count++;
            cx += dx;
            cy += dy;
            if (d2 < sep2) {
              sx -= dx;
              sy -= dy;
            }
            mx += vxs[q];
            my += vys[q];
          }
        }
      }
      const d = count > 1 ? count : 1;
      let vx = (vxs[i] + (cx / d) * cohereFactor + (sx / d) * separateFactor + (mx / d) * matchFactor) / 2;
      let vy = (vys[i] + (cy / d) * cohereFactor + (sy / d) * separateFactor + (my / d) * matchFactor) / 2;
      const norm = Math.sqrt(vx * vx + vy * vy);
      if (norm > 0) {
        vx /= norm;
        vy /= norm;
      }
      vxs[i] = vx;
      vys[i] = vy;
      let nx = x + vx * speed;
      let ny = y + vy * speed;
      if (nx < 0) nx += side;
      else if (nx >= side) nx -= side;
      if (ny < 0) ny += side;
      else if (ny >= side) ny -= side;
      xs[i] = nx >= side ? 0 : nx;
      ys[i] = ny >= side ? 0 : ny;
      seen[i] = count;
    }
  }

  function statistic(): number {
    let total = 0;
    for (let i = 0; i < n; i++) total += seen[i];
    return n === 0 ? 0 : total / n;
  }
  return { step, statistic };
}
