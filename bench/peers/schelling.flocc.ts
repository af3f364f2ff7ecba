/**
 * Schelling written with Flocc's API: each person is an Agent with a `tick` rule, the Environment
 * activates them in a new random order each tick (`randomizeOrder`), and a grayscale Terrain
 * holds who lives where (0 empty, 1 or 2 the group) for the neighbourhood counts. Terrain's
 * own `neighbors` wraps around the edges, which this grid must not, so the square is read
 * cell by cell with `sample`.
 */
import { Agent, Environment, Terrain, utils } from 'flocc';
import type { SchellingConfig, Sim } from './types';

export function create(config: SchellingConfig, seed: number): Sim {
  const { side, agents, radius, minToBeHappy } = config;
  utils.seed(seed);
  const environment = new Environment({ torus: false, width: side, height: side });
  // Async: agents write to the terrain as they move, so that later agents see the moves.
  const terrain = new Terrain(side, side, { grayscale: true, async: true });
  environment.use(terrain);

  function act(agent: Agent): void {
    const x = agent.get('x') as number;
    const y = agent.get('y') as number;
    const mark = (agent.get('group') as number) + 1;
    let same = 0;
    for (let cy = Math.max(0, y - radius); cy <= Math.min(side - 1, y + radius); cy++) {
      for (let cx = Math.max(0, x - radius); cx <= Math.min(side - 1, x + radius); cx++) {
        if ((cx !== x || cy !== y) && terrain.sample(cx, cy) === mark) same++;
      }
    }
    const happy = same >= minToBeHappy;
    agent.set('happy', happy);
    if (happy || agents >= side * side) return;
    let nx: number;
    let ny: number;
    do {
      nx = utils.random(0, side - 1);
      ny = utils.random(0, side - 1);
    } while (terrain.sample(nx, ny) !== 0);
    terrain.set(x, y, 0);
    terrain.set(nx, ny, mark);
    agent.set({ x: nx, y: ny });
  }

  const cells = utils.shuffle(Array.from({ length: side * side }, (_, c) => c));
  for (let i = 0; i < Math.min(agents, cells.length); i++) {
    const x = cells[i] % side;
    const y = Math.floor(cells[i] / side);
    const group = i < agents / 2 ? 0 : 1;
    const agent = new Agent({ x, y, group, happy: false, tick: act });
    environment.addAgent(agent);
    terrain.set(x, y, group + 1);
  }

  return {
    step: () => environment.tick({ randomizeOrder: true }),
    statistic: () => {
      const all = environment.getAgents();
      return all.filter((a) => a.get('happy')).length / all.length;
    },
  };
}
