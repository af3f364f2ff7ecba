/**
 * Segregation (Schelling, 1971): agents of two groups live one per cell on a grid. Each tick,
 * in a new random order, an agent counts the neighbours of its own group within a square
 * radius; with fewer than it wants it is unhappy and moves to a random empty cell.
 *
 * Source: Thomas C. Schelling, "Dynamic models of segregation", Journal of Mathematical
 * Sociology 1 (1971); the rules as declared by the Agents.jl framework comparison
 * (JuliaDynamics/ABMFrameworksComparison), rewritten for Agora. Expect mild preferences to
 * sort the grid into large single-group areas within a few dozen ticks, while the happy
 * fraction climbs towards 1.
 */
import { EMPTY, Grid } from '../core/grid';
import { GridTally } from '../core/gridTally';
import { defineModel, type ModelContext } from '../core/model';
import { p, type ParamValues } from '../core/params';
import type { World } from '../core/world';
import { segregationPresets } from './segregationPresets';

const params = {
  width: p.int({ label: 'Grid width', unit: 'cells', min: 1, max: 4000, uiMin: 5, uiMax: 200, default: 40 }),
  height: p.int({ label: 'Grid height', unit: 'cells', min: 1, max: 4000, uiMin: 5, uiMax: 200, default: 40 }),
  agents: p.int({
    label: 'Agents',
    description: 'Split into two equal groups; at most one per cell (extra agents are not placed)',
    min: 0,
    max: 16_000_000,
    uiMax: 20_000,
    step: 10,
    default: 1000,
  }),
  radius: p.int({
    label: 'Neighbourhood radius',
    unit: 'cells',
    description: 'Neighbours are the cells within this many steps along both axes (a square)',
    min: 1,
    max: 5,
    default: 1,
  }),
  minSameNeighbours: p.int({
    label: 'Same-group neighbours wanted',
    description: 'An agent with fewer neighbours of its own group is unhappy and moves',
    min: 0,
    max: 120,
    uiMax: 24,
    default: 3,
    apply: 'live',
  }),
  wrap: p.boolean({
    label: 'Wrap around the edges',
    description: 'Neighbourhoods continue across the edges',
    default: false,
  }),
};

const world = {
  agents: {
    people: { x: 'i32', y: 'i32', group: 'u8', happy: 'u8' },
    /** One per cell, in row order: the grid's occupancy (index of the person, or −1). */
    patches: { occupant: 'i32' },
  },
  globals: ['moved'],
} as const;

type SegregationWorld = World<typeof world>;
export type SegregationParams = ParamValues<typeof params>;
type Ctx = ModelContext<SegregationParams>;

/** The grid over the world's occupancy and the tally of each group around every cell. */
interface Neighbourhoods {
  readonly grid: Grid;
  readonly tally: GridTally;
}

// Kept between ticks: the tally is derived from the occupancy, which only setup and step
// change, each through `grid` and `tally` together.
const neighbourhoodCache = new WeakMap<SegregationWorld, Neighbourhoods>();

/** The world's neighbourhoods, counted afresh when missing (e.g. after a restored snapshot) or built for other parameters. */
function neighbourhoodsOf(w: SegregationWorld, params: SegregationParams): Neighbourhoods {
  const cached = neighbourhoodCache.get(w);
  const { width, height, wrap, radius } = params;
  const occupant = w.agents.patches.col.occupant;
  if (
    cached &&
    cached.grid.cells === occupant &&
    cached.grid.width === width &&
    cached.grid.height === height &&
    cached.grid.wrap === wrap &&
    cached.tally.radius === radius
  ) {
    return cached;
  }
  const grid = new Grid(width, height, wrap, occupant);
  const tally = new GridTally(grid, radius, 2);
  tally.rebuild(w.agents.people.col.group);
  const fresh = { grid, tally };
  neighbourhoodCache.set(w, fresh);
  return fresh;
}

function setup(w: SegregationWorld, ctx: Ctx): void {
  const random = ctx.rng.stream('setup');
  const { width, height } = ctx.params;
  const patches = w.agents.patches;
  patches.add(width * height);
  patches.col.occupant.fill(EMPTY, 0, width * height);
  const n = Math.min(ctx.params.agents, width * height);
  const people = w.agents.people;
  people.add(n);
  const { x, y, group, happy } = people.col;
  // A partial Fisher–Yates shuffle of the cells: agent i takes the i-th cell drawn.
  const cells = new Int32Array(width * height);
  for (let c = 0; c < cells.length; c++) cells[c] = c;
  for (let i = 0; i < n; i++) {
    const j = i + random.int(cells.length - i);
    const cell = cells[j];
    cells[j] = cells[i];
    patches.col.occupant[cell] = i;
    x[i] = cell % width;
    y[i] = (cell - x[i]) / width;
    group[i] = i < n / 2 ? 0 : 1;
  }
  neighbourhoodCache.delete(w);
  const { grid, tally } = neighbourhoodsOf(w, ctx.params);
  for (let i = 0; i < n; i++)
    happy[i] = sameGroupNeighbours(grid, tally, i, x, y, group) >= ctx.params.minSameNeighbours ? 1 : 0;
}

/** Neighbours of agent i's group: the tally of its square, less the agent itself. */
function sameGroupNeighbours(
  grid: Grid,
  tally: GridTally,
  i: number,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  group: ArrayLike<number>,
): number {
  return tally.count(grid.cellAt(x[i], y[i]), group[i]) - 1;
}

function step(w: SegregationWorld, ctx: Ctx): void {
  const { grid, tally } = neighbourhoodsOf(w, ctx.params);
  const people = w.agents.people;
  const { x, y, group, happy } = people.col;
  const { width, minSameNeighbours } = ctx.params;
  const order = new Int32Array(people.count);
  for (let i = 0; i < order.length; i++) order[i] = i;
  ctx.rng.stream('order').shuffle(order);
  const moves = ctx.rng.stream('moves');
  let moved = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    if (sameGroupNeighbours(grid, tally, i, x, y, group) >= minSameNeighbours) {
      happy[i] = 1;
      continue;
    }
    happy[i] = 0;
    const to = grid.randomEmptyCell(moves);
    if (to < 0) continue;
    const from = grid.cellAt(x[i], y[i]);
    grid.move(from, to);
    tally.move(from, to, group[i]);
    x[i] = to % width;
    y[i] = (to - x[i]) / width;
    moved++;
  }
  w.globals.moved = moved;
}

function happyFraction(w: SegregationWorld): number | null {
  const { count, col } = w.agents.people;
  if (count === 0) return null;
  let n = 0;
  for (let i = 0; i < count; i++) n += col.happy[i];
  return n / count;
}

/** NetLogo's "percent similar": the mean share of an agent's neighbours in its own group. */
function similarShare(w: SegregationWorld, params: SegregationParams): number | null {
  const { grid, tally } = neighbourhoodsOf(w, params);
  const { count, col } = w.agents.people;
  let total = 0;
  let agentsWithNeighbours = 0;
  for (let i = 0; i < count; i++) {
    const cell = grid.cellAt(col.x[i], col.y[i]);
    const all = tally.count(cell, 0) + tally.count(cell, 1) - 1;
    if (all > 0) {
      total += (tally.count(cell, col.group[i]) - 1) / all;
      agentsWithNeighbours++;
    }
  }
  return agentsWithNeighbours === 0 ? null : total / agentsWithNeighbours;
}

export const segregation = defineModel({
  id: 'segregation',
  // 2: the run stops once everyone is happy.
  version: 2,
  title: 'Segregation (Schelling)',
  summary: 'Agents of two groups move away from neighbourhoods where too few neighbours are like them.',
  params,
  world,
  setup,
  step,
  // As NetLogo's: the run stops once everyone is happy (nobody would move again).
  isDone: (w) => w.agents.people.col.happy.subarray(0, w.agents.people.count).every((h) => h === 1),
  reporters: [
    { name: 'happy-fraction', label: 'Happy fraction', compute: (w) => happyFraction(w) },
    { name: 'similar-neighbours', label: 'Similar neighbours', compute: (w, ctx) => similarShare(w, ctx.params) },
    { name: 'moved', label: 'Agents that moved', format: 'count', compute: (w) => w.globals.moved },
  ],
  plots: [
    { id: 'happy', title: 'Happy fraction', series: ['happy-fraction', 'similar-neighbours'] },
    { id: 'moved', title: 'Agents that moved', series: ['moved'], primary: false },
  ],
  monitors: ['happy-fraction', 'moved'],
  guide: `# How to use it
- Pick a ready scenario under **Presets**, or set **Grid width**, **Grid height** and **Agents** (the rest of the cells
  stay empty), the **Neighbourhood radius** and **Same-group neighbours wanted**, then press **Setup**.
- Press **Go**: each tick every unhappy agent moves to a random empty cell; the run stops once everyone is happy.
  **Same-group neighbours wanted** can change while the model runs.
- Watch the **Happy fraction** plot and its companion line, **Similar neighbours**: the share of an agent's neighbours
  in its own group. Click an agent to open it in the inspector.

# Things to try
- Run the default (3 of 8 neighbours): how far above 3 in 8 does **Similar neighbours** end?
- Raise **Same-group neighbours wanted** to 4, then 5: do the areas grow, and how long does the grid take to settle?
- Open *Demanding neighbours* (6 of 8): why does the grid stay mixed?
- Fill the grid: raise **Agents** towards the number of cells and see what happens when movers have nowhere to go.
- Open *Wide neighbourhoods, crowded grid*, or turn on **Wrap around the edges**, and compare the areas' shapes.
`,
  presets: segregationPresets,
  size: { agents: 'agents', area: ['width', 'height'] },
  portrayal: (params) => ({
    bounds: { minX: -0.5, maxX: params.width - 0.5, minY: -0.5, maxY: params.height - 0.5 },
    background: '#ffffff',
    layers: [
      {
        agents: 'people',
        label: 'Agents',
        x: 'x',
        y: 'y',
        shape: 'square',
        size: Math.max(1, Math.min(8, 240 / Math.max(params.width, params.height))),
        color: { kind: 'category', column: 'group', otherColor: '#8a8a8a' },
      },
    ],
  }),
  describe: (agents, column, value) => {
    if (agents === 'people' && column === 'happy') return value ? 'happy' : 'unhappy';
    if (agents === 'people' && column === 'group') return value === 0 ? 'blue' : 'orange';
    return undefined;
  },
  info: `# Segregation (Schelling)

## What it is
Thomas Schelling's model of residential segregation (1971). Agents of two groups, blue and
orange, live on a grid, one per cell. Nobody wants to live apart: an agent is content as long
as a few of its neighbours belong to its own group. Yet a grid that starts mixed at random sorts
itself into large single-group areas. Mild individual preferences, strong collective outcome.

## Credit
Thomas C. Schelling, *Dynamic models of segregation*, Journal of Mathematical Sociology 1
(1971). The rules follow the declaration of the Agents.jl framework comparison
(JuliaDynamics/ABMFrameworksComparison), which \`npm run bench:peers\` also races against other
JavaScript libraries. No code is reused.

## Entities and state
| Agents | Attributes |
|---|---|
| Agents (people) | cell (x, y), group (blue or orange), happy (at its last turn) |
| Patches (cells) | the agent on the cell, or none |

The grid is *width* × *height* cells; it wraps around the edges only if **Wrap around the edges**
is on.

## Setup
*Agents* cells are drawn at random without repetition and one agent placed on each; the first
half of the agents are blue, the rest orange. Each agent's happiness is then measured.

## Each tick
In a new random order, each agent in turn:
1. counts the agents of its own group within the **neighbourhood radius** *r* (the
   (2r + 1) × (2r + 1) square around it, itself excluded; cut by the edges unless the grid wraps);
2. is **happy** if that count is at least **same-group neighbours wanted**, and stays;
3. otherwise is unhappy and moves to an empty cell drawn uniformly at random (it stays when no
   cell is empty).

Agents act one after another, so each sees the moves of those before it. The run stops once
every agent is happy (nobody would move again), as NetLogo's does.

## Reporters
- **Happy fraction**: the share of agents that were happy at their last turn (a mover counts as
  unhappy until its next turn).
- **Similar neighbours**: the mean share of an agent's neighbours that are in its own group
  (NetLogo's *percent similar*), over agents with at least one neighbour.
- **Agents that moved** in the last tick.

## Things to try
Raise the wanted number of same-group neighbours and watch the areas grow; with radius 1, ask
for 5 or more of 8 neighbours and the grid may never settle. Fill the grid almost completely:
with few empty cells, unhappy agents have nowhere better to go.
`,
});
