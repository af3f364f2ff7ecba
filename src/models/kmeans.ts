/**
 * K-Means Clustering: data points generated in clusters, centroids placed on random points,
 * then each tick every point joins its closest centroid and every centroid moves to the mean
 * of its points, until no centroid moves more than a threshold.
 *
 * Source: the algorithm of the NetLogo model quoted in the seed post "TensorFlow in NetLogo"
 * (Uri Wilensky's K-Means Clustering, NetLogo Models Library, 2014), rewritten for Agora.
 * Expect the square deviation to fall every tick and the run to stop after a handful of ticks;
 * with more centroids than real clusters, centroids split a cluster between them.
 */
import { defineModel, type ModelContext } from '../core/model';
import { p, type ParamValues } from '../core/params';
import type { World } from '../core/world';
import { kMeansPresets } from './kmeansPresets';

const HALF_WIDTH = 50;

const params = {
  numDataPoints: p.int({
    label: 'Data points',
    min: 1,
    max: 1_000_000,
    uiMin: 10,
    uiMax: 5000,
    step: 10,
    default: 400,
  }),
  numClusters: p.int({ label: 'Generated clusters', min: 1, max: 20, uiMax: 10, default: 4 }),
  numCentroids: p.int({ label: 'Centroids', min: 1, max: 20, uiMax: 10, default: 4 }),
  clusterSpread: p.float({
    label: 'Cluster spread',
    unit: 'units',
    description: 'Standard deviation of a cluster before halving (NetLogo: 20 - number of clusters)',
    min: 0,
    max: 100,
    uiMax: 40,
    step: 0.5,
    default: 16,
  }),
  movementThreshold: p.float({
    label: 'Movement threshold',
    unit: 'units',
    description: 'The run stops when no centroid moves farther than this in a tick',
    min: 0,
    max: 10,
    uiMax: 2,
    step: 0.01,
    default: 0.1,
    apply: 'live',
  }),
};

const world = {
  agents: {
    points: { x: 'f64', y: 'f64', cluster: 'i32' },
    centroids: { x: 'f64', y: 'f64', points: 'i32' },
  },
  globals: ['anyMoved', 'maxShift'],
} as const;

type KMeansWorld = World<typeof world>;
export type KMeansParams = ParamValues<typeof params>;
type Ctx = ModelContext<ParamValues<typeof params>>;

function clamp(v: number): number {
  return v < -HALF_WIDTH ? -HALF_WIDTH : v > HALF_WIDTH ? HALF_WIDTH : v;
}

function generateClusters(w: KMeansWorld, ctx: Ctx): void {
  const rng = ctx.rng.stream('setup');
  const { numDataPoints, numClusters, clusterSpread } = ctx.params;
  const points = w.agents.points;
  points.reserve(numDataPoints);
  for (let c = 0; c < numClusters; c++) {
    // NetLogo: random-xcor / 1.5 keeps centres away from the edges.
    const cx = rng.uniform(-HALF_WIDTH, HALF_WIDTH) / 1.5;
    const cy = rng.uniform(-HALF_WIDTH, HALF_WIDTH) / 1.5;
    // Split the points as evenly as possible so that exactly numDataPoints exist.
    const size = Math.floor(((c + 1) * numDataPoints) / numClusters) - Math.floor((c * numDataPoints) / numClusters);
    const first = points.add(size);
    const { x, y, cluster } = points.col;
    for (let i = first; i < first + size; i++) {
      // NetLogo: face a random heading, walk |N(0, spread / 2)| (halved because abs doubles the width).
      const { dx, dy } = rng.direction();
      const r = Math.abs(rng.normal(0, clusterSpread / 2));
      x[i] = clamp(cx + r * dx);
      y[i] = clamp(cy + r * dy);
      cluster[i] = -1;
    }
  }
}

function resetCentroids(w: KMeansWorld, ctx: Ctx): void {
  const rng = ctx.rng.stream('setup');
  const points = w.agents.points;
  const centroids = w.agents.centroids;
  const first = centroids.add(ctx.params.numCentroids);
  for (let k = first; k < centroids.count; k++) {
    const i = rng.int(points.count);
    centroids.col.x[k] = points.col.x[i];
    centroids.col.y[k] = points.col.y[i];
  }
  w.globals.anyMoved = 1;
}

/** Index of the centroid closest to (px, py); ties go to the lowest index. */
function closestCentroid(w: KMeansWorld, px: number, py: number): number {
  const { x, y } = w.agents.centroids.col;
  let best = 0;
  let bestD = Infinity;
  for (let k = 0; k < w.agents.centroids.count; k++) {
    const dx = x[k] - px;
    const dy = y[k] - py;
    const d = dx * dx + dy * dy;
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best;
}

function assignClusters(w: KMeansWorld): void {
  const { x, y, cluster } = w.agents.points.col;
  const counts = w.agents.centroids.col.points;
  counts.fill(0);
  for (let i = 0; i < w.agents.points.count; i++) {
    const k = closestCentroid(w, x[i], y[i]);
    cluster[i] = k;
    counts[k]++;
  }
}

function updateCentroids(w: KMeansWorld, ctx: Ctx): void {
  const centroids = w.agents.centroids;
  const k = centroids.count;
  const sumX = new Float64Array(k);
  const sumY = new Float64Array(k);
  const { x, y, cluster } = w.agents.points.col;
  for (let i = 0; i < w.agents.points.count; i++) {
    sumX[cluster[i]] += x[i];
    sumY[cluster[i]] += y[i];
  }
  const threshold = ctx.params.movementThreshold;
  let maxShift = 0;
  let moved = 0;
  for (let c = 0; c < k; c++) {
    const n = centroids.col.points[c];
    if (n === 0) continue; // a centroid with no points stays where it is
    const nx = sumX[c] / n;
    const ny = sumY[c] / n;
    const dx = nx - centroids.col.x[c];
    const dy = ny - centroids.col.y[c];
    const shift = Math.sqrt(dx * dx + dy * dy);
    if (shift > threshold) moved = 1;
    if (shift > maxShift) maxShift = shift;
    centroids.col.x[c] = nx;
    centroids.col.y[c] = ny;
  }
  w.globals.anyMoved = moved;
  w.globals.maxShift = maxShift;
}

function squareDeviation(w: KMeansWorld): number {
  const { x, y } = w.agents.points.col;
  const cx = w.agents.centroids.col.x;
  const cy = w.agents.centroids.col.y;
  let total = 0;
  for (let i = 0; i < w.agents.points.count; i++) {
    const k = closestCentroid(w, x[i], y[i]);
    const dx = x[i] - cx[k];
    const dy = y[i] - cy[k];
    total += dx * dx + dy * dy;
  }
  return total;
}

export const kMeans = defineModel({
  id: 'k-means',
  version: 1,
  title: 'K-Means Clustering',
  summary: 'Centroids find the clusters in a cloud of data points by repeated assignment and averaging.',
  params,
  world,
  setup(w, ctx) {
    generateClusters(w, ctx);
    resetCentroids(w, ctx);
  },
  step(w, ctx) {
    assignClusters(w);
    updateCentroids(w, ctx);
  },
  isDone: (w) => w.globals.anyMoved === 0,
  reporters: [
    { name: 'square-deviation', label: 'Square deviation', unit: 'units²', compute: (w) => squareDeviation(w) },
    { name: 'max-centroid-shift', label: 'Largest centroid move', unit: 'units', compute: (w) => w.globals.maxShift },
    {
      name: 'empty-centroids',
      label: 'Centroids without points',
      format: 'count',
      compute: (w) => w.agents.centroids.col.points.subarray(0, w.agents.centroids.count).filter((n) => n === 0).length,
    },
  ],
  plots: [
    { id: 'square-deviation', title: 'Square deviation', unit: 'units²', series: ['square-deviation'] },
    { id: 'centroid-shift', title: 'Largest centroid move', unit: 'units', series: ['max-centroid-shift'] },
  ],
  portrayal: () => ({
    bounds: { minX: -HALF_WIDTH, maxX: HALF_WIDTH, minY: -HALF_WIDTH, maxY: HALF_WIDTH },
    background: '#ffffff',
    layers: [
      {
        agents: 'points',
        label: 'Data points',
        x: 'x',
        y: 'y',
        shape: 'circle',
        size: 2.5,
        color: { kind: 'category', column: 'cluster', otherColor: '#8a8a8a' },
      },
      { agents: 'centroids', label: 'Centroids', x: 'x', y: 'y', shape: 'cross', size: 9, color: { kind: 'index' } },
    ],
  }),
  guide: `# How to use it
- Pick a ready scenario under **Presets**, or set **Data points**, **Generated clusters**, **Centroids** and
  **Cluster spread**, then press **Setup**: the points are drawn around the clusters' hidden centres and each centroid
  (a cross) is placed on a random point.
- Press **Step** to watch one assign-and-move round at a time, or **Go** to run until no centroid moves farther than
  the **Movement threshold** (it can change while the model runs).
- Watch the **Square deviation** plot: it never rises. Change the **Seed** to start from other random points.

# Things to try
- Open *More centroids than clusters*: what do the extra centroids do?
- With the same data, set **Centroids** to the number of generated clusters: is the final square deviation lower or
  higher than with too many?
- Open *Overlapping clusters* and run it with several seeds: do the centroids end in the same places?
- Raise **Cluster spread** step by step until the clusters merge into one cloud.
- Set **Movement threshold** to 0 and count the ticks until the run stops.
`,
  presets: kMeansPresets,
  size: { agents: 'numDataPoints' },
  summaryJson: (w) => ({
    converged: w.globals.anyMoved === 0,
    centroids: Array.from({ length: w.agents.centroids.count }, (_, k) => [
      w.agents.centroids.col.x[k],
      w.agents.centroids.col.y[k],
    ]),
  }),
  info: `# K-Means Clustering

## What it is
K-means clustering groups data points around *k* centroids. Each tick every data point joins
its closest centroid, then every centroid moves to the mean position of its points. The run
stops when no centroid moved farther than the **movement threshold** in a tick.

## Credit
Written for Agora from the algorithm of Uri Wilensky's **K-Means Clustering** model
(NetLogo Models Library, 2014, Center for Connected Learning and Computer-Based Modeling,
Northwestern University), as quoted in the post *TensorFlow in NetLogo, Make Your Agent More
Intelligent*. No NetLogo code is reused.

## Entities and state
| Agents | Attributes |
|---|---|
| Data points | position (x, y), cluster (index of its centroid, −1 before the first tick) |
| Centroids | position (x, y), number of points |

The world is the square from −50 to 50 on both axes; it does not wrap.

## Setup
1. For each of the *generated clusters*, a centre is drawn uniformly in the world and divided
   by 1.5. The data points are split as evenly as possible between the clusters.
2. Each point starts at its cluster's centre, faces a uniformly random heading and moves
   |N(0, spread / 2)| units (halved because the absolute value doubles the width). A point
   that would leave the world is placed on its edge.
3. Each centroid is placed on a data point chosen at random (two may share one).

## Each tick
1. **Assign**: each point joins its closest centroid (Euclidean distance; ties go to the
   centroid listed first).
2. **Update**: each centroid with points moves to their mean: x̄ = Σxᵢ / n, ȳ = Σyᵢ / n. A
   centroid without points stays.
3. If no centroid moved more than the threshold, the run stops.

## Reporters
- **Square deviation**: Σ over points of the squared distance to its closest centroid.
  It never increases from one tick to the next.
- **Largest centroid move** in the last tick, and **centroids without points**.

## Things to try
Use more centroids than generated clusters and watch clusters split; raise the spread until
clusters overlap; change the seed to see how the random start changes the result.
`,
});
