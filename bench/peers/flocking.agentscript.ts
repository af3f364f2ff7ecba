/**
 * Flocking written with AgentScript's API: turtles carry a velocity, are placed at the world's
 * random points and wrap at the edges (atEdge 'wrap', the default). AgentScript's
 * `turtles.inRadius` stops at the world's edges, so a bird gathers the turtles on the square
 * of patches around it with `patchXY` (wrapped) and `turtlesHere`, measuring the short way round.
 */
import type { Turtle } from 'agentscript/dist/agentscript2d.js';
import { AS } from './agentscriptNode';
import { FLOCK, type FlockingConfig, type Sim } from './types';

type Bird = Turtle & { vx: number; vy: number; seen: number };

class FlockingModel extends AS.Model {
  constructor(private readonly config: FlockingConfig) {
    super({ minX: 0, maxX: config.side - 1, minY: 0, maxY: config.side - 1 });
  }

  override setup(): void {
    this.turtles.create(this.config.birds, (t) => {
      const [x, y] = this.world.randomPoint();
      t.setxy(x, y);
      Object.assign(t, { vx: AS.util.randomFloat2(-1, 1), vy: AS.util.randomFloat2(-1, 1), seen: 0 });
    });
  }

  override step(): void {
    this.turtles
      .clone()
      .shuffle()
      .ask((t) => this.flock(t as Bird));
  }

  private flock(bird: Bird): void {
    const { visualDistance } = this.config;
    const { separation, cohereFactor, separateFactor, matchFactor, speed } = FLOCK;
    const { width, height } = this.world;
    const reach = Math.ceil(visualDistance);
    const home = bird.patch;
    let n = 0;
    let cx = 0;
    let cy = 0;
    let sx = 0;
    let sy = 0;
    let mx = 0;
    let my = 0;
    for (let dy = -reach; dy <= reach; dy++) {
      for (let dx = -reach; dx <= reach; dx++) {
        const patch = this.patches.patchXY(wrap(home.x + dx, width), wrap(home.y + dy, height));
        for (const other of patch.turtlesHere) {
          if (other === bird) continue;
          const ox = offset(bird.x, other.x, width);
          const oy = offset(bird.y, other.y, height);
          const d2 = ox * ox + oy * oy;
          if (d2 > visualDistance * visualDistance) continue;
          n++;
          cx += ox;
          cy += oy;
          if (d2 < separation * separation) {
            sx -= ox;
            sy -= oy;
          }
          mx += (other as Bird).vx;
          my += (other as Bird).vy;
        }
      }
    }
    const d = Math.max(n, 1);
    let vx = (bird.vx + (cx / d) * cohereFactor + (sx / d) * separateFactor + (mx / d) * matchFactor) / 2;
    let vy = (bird.vy + (cy / d) * cohereFactor + (sy / d) * separateFactor + (my / d) * matchFactor) / 2;
    const norm = Math.hypot(vx, vy);
    vx /= norm;
    vy /= norm;
    Object.assign(bird, { vx, vy, seen: n });
    bird.setxy(bird.x + vx * speed, bird.y + vy * speed);
  }
}

/** Patch coordinate `v` (the world starts at 0) wrapped into [0, size). */
function wrap(v: number, size: number): number {
  return v < 0 ? v + size : v >= size ? v - size : v;
}

function offset(from: number, to: number, size: number): number {
  const d = to - from;
  return d > size / 2 ? d - size : d < -size / 2 ? d + size : d;
}

export function create(config: FlockingConfig, seed: number): Sim {
  AS.util.randomSeed(seed + 1);
  const model = new FlockingModel(config);
  model.setup();
  return {
    step: () => model.step(),
    statistic: () => {
      let total = 0;
      for (const t of model.turtles) total += (t as Bird).seen;
      return total / model.turtles.length;
    },
  };
}
