/**
 * Flocking written with Flocc's API: birds are Agents with a `tick` rule in a torus Environment,
 * activated in a new random order each tick, finding their neighbours through the KDTree
 * helper (which follows agents as they move and measures distance across the wrap).
 */
import { Agent, Environment, KDTree, utils } from 'flocc';
import { FLOCK, type FlockingConfig, type Sim } from './types';

export function create(config: FlockingConfig, seed: number): Sim {
  const { side, birds, visualDistance } = config;
  const { separation, cohereFactor, separateFactor, matchFactor, speed } = FLOCK;
  utils.seed(seed);
  const environment = new Environment({ torus: true, width: side, height: side });

  const offset = (from: number, to: number): number => {
    const d = to - from;
    return d > side / 2 ? d - side : d < -side / 2 ? d + side : d;
  };

  function flock(bird: Agent): void {
    const x = bird.get('x') as number;
    const y = bird.get('y') as number;
    const neighbours = tree.agentsWithinDistance(bird, visualDistance);
    let cx = 0;
    let cy = 0;
    let sx = 0;
    let sy = 0;
    let mx = 0;
    let my = 0;
    for (const other of neighbours) {
      const ox = offset(x, other.get('x') as number);
      const oy = offset(y, other.get('y') as number);
      cx += ox;
      cy += oy;
      if (ox * ox + oy * oy < separation * separation) {
        sx -= ox;
        sy -= oy;
      }
      mx += other.get('vx') as number;
      my += other.get('vy') as number;
    }
    const d = Math.max(neighbours.length, 1);
    let vx =
      ((bird.get('vx') as number) + (cx / d) * cohereFactor + (sx / d) * separateFactor + (mx / d) * matchFactor) / 2;
    let vy =
      ((bird.get('vy') as number) + (cy / d) * cohereFactor + (sy / d) * separateFactor + (my / d) * matchFactor) / 2;
    const norm = Math.hypot(vx, vy);
    vx /= norm;
    vy /= norm;
    bird.set({ vx, vy, x: x + vx * speed, y: y + vy * speed, seen: neighbours.length });
  }

  for (let i = 0; i < birds; i++) {
    const bird = new Agent({
      x: utils.random(0, side, true),
      y: utils.random(0, side, true),
      vx: utils.random(-1, 1, true),
      vy: utils.random(-1, 1, true),
      seen: 0,
      tick: flock,
    });
    environment.addAgent(bird);
  }
  const tree = new KDTree(environment.getAgents(), 2);
  environment.use(tree);

  return {
    step: () => environment.tick({ randomizeOrder: true }),
    statistic: () => utils.mean(environment.getAgents().map((a) => a.get('seen') as number)),
  };
}
