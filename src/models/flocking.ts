/**
 * Flocking (boids): birds in a continuous space that wraps around steer by three local rules —
 * cohere towards the birds they see, separate from those too close, match their velocity —
 * and fly on at constant speed.
 *
 * Source: Craig Reynolds, "Flocks, herds and schools: a distributed behavioral model"
 * (SIGGRAPH 1987); the rules as declared by the Agents.jl framework comparison
 * (JuliaDynamics/ABMFrameworksComparison), rewritten for Agora. Expect birds scattered at random
 * to gather into flocks flying in one direction: alignment and neighbour counts rise.
 */
import { defineModel, type ModelContext } from '../core/model';
import { okabeIto } from '../core/palette';
import { p, type ParamValues } from '../core/params';
import { TorusSpace } from '../core/space';
import type { World } from '../core/world';
import { flockingPresets } from './flockingPresets';

const params = {
  width: p.int({ label: 'World width', unit: 'units', min: 1, max: 100_000, uiMin: 10, uiMax: 500, default: 100 }),
  height: p.int({ label: 'World height', unit: 'units', min: 1, max: 100_000, uiMin: 10, uiMax: 500, default: 100 }),
  birds: p.int({ label: 'Birds', min: 0, max: 10_000_000, uiMax: 5000, step: 10, default: 200 }),
  visualDistance: p.float({
    label: 'Visual distance',
    unit: 'units',
    min: 0,
    max: 1000,
    uiMax: 30,
    step: 0.5,
    default: 5,
    apply: 'live',
  }),
  separation: p.float({
    label: 'Separation distance',
    unit: 'units',
    description: 'Birds closer than this push each other away',
    min: 0,
    max: 100,
    uiMax: 5,
    step: 0.1,
    default: 1,
    apply: 'live',
  }),
  cohereFactor: p.float({
    label: 'Cohere factor',
    min: 0,
    max: 1,
    uiMax: 0.2,
    step: 0.005,
    default: 0.03,
    apply: 'live',
  }),
  separateFactor: p.float({
    label: 'Separate factor',
    min: 0,
    max: 1,
    uiMax: 0.2,
    step: 0.005,
    default: 0.015,
    apply: 'live',
  }),
  matchFactor: p.float({
    label: 'Match factor',
    min: 0,
    max: 1,
    uiMax: 0.2,
    step: 0.005,
    default: 0.05,
    apply: 'live',
  }),
  speed: p.float({
    label: 'Bird speed',
    unit: 'units/tick',
    min: 0,
    max: 100,
    uiMax: 3,
    step: 0.1,
    default: 1,
    apply: 'live',
  }),
};

const world = {
  agents: {
    /** Velocity (vx, vy) is unit length after a bird's first turn; `heading` is its octant 0…7 for colour. */
    birds: { x: 'f64', y: 'f64', vx: 'f64', vy: 'f64', neighbours: 'i32', heading: 'u8' },
  },
  globals: [],
} as const;

type FlockingWorld = World<typeof world>;
export type FlockingParams = ParamValues<typeof params>;
type Ctx = ModelContext<FlockingParams>;

/**
 * The bucket index of a world, kept between ticks to reuse its buffers. It is derived data
 * (rebuilt from the positions every tick), never state: snapshots need not carry it.
 */
const spaces = new WeakMap<FlockingWorld, TorusSpace>();

function spaceFor(w: FlockingWorld, params: FlockingParams): TorusSpace {
  // Buckets one query wide (plus the move of a tick) keep a query to 3 × 3 buckets.
  const bucket = Math.max(params.visualDistance + params.speed, 1);
  let space = spaces.get(w);
  if (!space || space.width !== params.width || space.height !== params.height || space.bucketSize !== bucket) {
    space = new TorusSpace(params.width, params.height, bucket);
    spaces.set(w, space);
  }
  return space;
}

/** The octant of (vx, vy), counter-clockwise from east, by comparisons alone. */
function octant(vx: number, vy: number): number {
  const ax = Math.abs(vx);
  const ay = Math.abs(vy);
  if (vy >= 0) return vx >= 0 ? (ax >= ay ? 0 : 1) : ax < ay ? 2 : 3;
  return vx < 0 ? (ax >= ay ? 4 : 5) : ax < ay ? 6 : 7;
}

function countNeighbours(w: FlockingWorld, params: FlockingParams): void {
  const birds = w.agents.birds;
  const { x, y, neighbours } = birds.col;
  const space = spaceFor(w, params);
  space.rebuild(x, y, birds.count);
  for (let i = 0; i < birds.count; i++) neighbours[i] = space.near(x[i], y[i], params.visualDistance, i);
}

function setup(w: FlockingWorld, ctx: Ctx): void {
  const random = ctx.rng.stream('setup');
  const { width, height } = ctx.params;
  const birds = w.agents.birds;
  birds.add(ctx.params.birds);
  const { x, y, vx, vy, heading } = birds.col;
  for (let i = 0; i < birds.count; i++) {
    x[i] = random.uniform(0, width);
    y[i] = random.uniform(0, height);
    vx[i] = random.uniform(-1, 1);
    vy[i] = random.uniform(-1, 1);
    heading[i] = octant(vx[i], vy[i]);
  }
  countNeighbours(w, ctx.params);
}

function step(w: FlockingWorld, ctx: Ctx): void {
  const birds = w.agents.birds;
  const n = birds.count;
  const { x, y, vx, vy, neighbours, heading } = birds.col;
  const { width, height, visualDistance, separation, cohereFactor, separateFactor, matchFactor, speed } = ctx.params;
  const space = spaceFor(w, ctx.params);
  // Birds move during the tick, each at most `speed`: the slack keeps every query exact.
  space.rebuild(x, y, n, speed);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  ctx.rng.stream('order').shuffle(order);
  const separation2 = separation * separation;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    const found = space.near(x[i], y[i], visualDistance, i);
    const ids = space.found;
    const dxs = space.foundDx;
    const dys = space.foundDy;
    let cohereX = 0;
    let cohereY = 0;
    let separateX = 0;
    let separateY = 0;
    let matchX = 0;
    let matchY = 0;
    for (let f = 0; f < found; f++) {
      const dx = dxs[f];
      const dy = dys[f];
      cohereX += dx;
      cohereY += dy;
      if (dx * dx + dy * dy < separation2) {
        separateX -= dx;
        separateY -= dy;
      }
      const j = ids[f];
      matchX += vx[j];
      matchY += vy[j];
    }
    const d = found > 1 ? found : 1;
    let nx = (vx[i] + (cohereX / d) * cohereFactor + (separateX / d) * separateFactor + (matchX / d) * matchFactor) / 2;
    let ny = (vy[i] + (cohereY / d) * cohereFactor + (separateY / d) * separateFactor + (matchY / d) * matchFactor) / 2;
    const norm = Math.sqrt(nx * nx + ny * ny);
    // A velocity of exactly zero has no direction to normalise; the bird keeps it.
    if (norm > 0) {
      nx /= norm;
      ny /= norm;
    }
    vx[i] = nx;
    vy[i] = ny;
    x[i] = TorusSpace.wrap(x[i] + nx * speed, width);
    y[i] = TorusSpace.wrap(y[i] + ny * speed, height);
    space.update(i);
    neighbours[i] = found;
    heading[i] = octant(nx, ny);
  }
}

/** The length of the mean direction of flight: 1 when all birds fly one way, near 0 at random. */
function alignment(w: FlockingWorld): number | null {
  const { count, col } = w.agents.birds;
  if (count === 0) return null;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < count; i++) {
    const norm = Math.sqrt(col.vx[i] * col.vx[i] + col.vy[i] * col.vy[i]);
    if (norm === 0) continue;
    sx += col.vx[i] / norm;
    sy += col.vy[i] / norm;
  }
  return Math.sqrt(sx * sx + sy * sy) / count;
}

function meanNeighbours(w: FlockingWorld): number | null {
  const { count, col } = w.agents.birds;
  if (count === 0) return null;
  let total = 0;
  for (let i = 0; i < count; i++) total += col.neighbours[i];
  return total / count;
}

/** Headings' colours around the compass, so that a flock flying one way shares a colour. */
const HEADING_PALETTE = okabeIto('blue', 'sky', 'green', 'yellow', 'orange', 'vermilion', 'pink', 'black');

export const flocking = defineModel({
  id: 'flocking',
  version: 1,
  title: 'Flocking',
  summary: 'Birds that cohere, separate and match their neighbours gather into flocks flying one way.',
  params,
  world,
  setup,
  step,
  reporters: [
    { name: 'alignment', label: 'Alignment', compute: (w) => alignment(w) },
    { name: 'mean-neighbours', label: 'Mean neighbours', unit: 'birds', compute: (w) => meanNeighbours(w) },
  ],
  plots: [
    { id: 'alignment', title: 'Alignment', series: ['alignment'] },
    { id: 'neighbours', title: 'Mean neighbours', unit: 'birds', series: ['mean-neighbours'] },
  ],
  monitors: ['alignment', 'mean-neighbours'],
  guide: `# How to use it
- Pick a ready scenario under **Presets**, or set **World width**, **World height** and **Birds**, then press
  **Setup**: birds start at random places, flying in random directions.
- Press **Go**. Every other control changes the birds live, while they fly: **Visual distance**, **Separation
  distance**, the **Cohere**, **Separate** and **Match** factors and **Bird speed**.
- An arrow's colour is its compass heading, so a flock flying one way shares a colour. Watch the **Alignment** and
  **Mean neighbours** plots.

# Things to try
- Run the default and watch **Mean neighbours** climb as small flocks meet and merge.
- Open *No cohesion*: alignment still rises, but do the birds gather?
- Open *Far-sighted birds*: fewer, larger flocks?
- Set the **Match factor** to 0 while the birds fly: do the flocks keep their direction?
- Raise the **Separate factor** or the **Separation distance** until flocks loosen into a spread-out swarm.
`,
  presets: flockingPresets,
  size: { agents: 'birds', area: ['width', 'height'] },
  portrayal: (params) => ({
    bounds: { minX: 0, maxX: params.width, minY: 0, maxY: params.height },
    background: '#ffffff',
    layers: [
      {
        agents: 'birds',
        label: 'Birds',
        x: 'x',
        y: 'y',
        // An arrow along the bird's velocity: alignment, the point of the model, shows at a glance.
        shape: 'arrow',
        heading: { x: 'vx', y: 'vy' },
        size: Math.max(3, Math.min(6, 450 / Math.max(params.width, params.height))),
        color: { kind: 'category', column: 'heading', otherColor: '#8a8a8a', palette: HEADING_PALETTE },
      },
    ],
    legend: [
      {
        title: 'Birds',
        items: [
          {
            mark: 'arrow',
            color: HEADING_PALETTE[0],
            text: 'a bird, pointing where it flies; colour by compass heading',
          },
        ],
      },
    ],
  }),
  describe: (agents, column, value) =>
    agents === 'birds' && column === 'heading' ? `${value * 45}–${value * 45 + 45}° from east` : undefined,
  info: `# Flocking

## What it is
Craig Reynolds' *boids* (1987): each bird sees only the birds near it, yet the whole population
gathers into flocks that fly in one direction. No bird leads; the flock is an emergent pattern.

## Credit
Craig W. Reynolds, *Flocks, herds and schools: a distributed behavioral model*, SIGGRAPH 1987.
The rules follow the declaration of the Agents.jl framework comparison
(JuliaDynamics/ABMFrameworksComparison), which \`npm run bench:peers\` also races against other
JavaScript libraries. No code is reused.

## Entities and state
| Agents | Attributes |
|---|---|
| Birds | position (x, y), velocity (vx, vy), neighbours seen at its last turn, heading (one of eight compass sectors, for colour) |

The world is *width* × *height* units and wraps around at every edge (a torus): distances and
directions are measured the short way round.

## Setup
Birds start at uniformly random positions, each velocity component uniform in [−1, 1].

## Each tick
In a new random order, each bird in turn:
1. finds the N other birds within the **visual distance** (measured from where they are now);
2. sums the offsets d = (neighbour − own position) into *cohere*, subtracts d into *separate*
   for the neighbours closer than the **separation distance**, and sums their velocities into
   *match*;
3. divides each sum by max(N, 1) and multiplies it by its factor (**cohere**, **separate**,
   **match**);
4. sets its velocity to (velocity + cohere + separate + match) / 2, scaled to unit length;
5. moves **speed** units along it.

## Reporters
- **Alignment**: the length of the mean direction of flight, from 0 (random) to 1 (all birds
  fly one way).
- **Mean neighbours**: the average N seen by the birds at their last turn.

## Things to try
Raise the match factor and watch alignment climb faster; set the cohere factor to 0 and flocks
stop forming; shorten the visual distance and many small flocks appear instead of a few large
ones.
`,
});
