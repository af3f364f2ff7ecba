/**
 * Schelling written with AgentScript's API: a Model subclass whose setup sprouts a turtle on
 * each of K shuffled patches and whose step asks the turtles, in a new shuffled order, to
 * count their group among the turtles on the patches of their (cached) patch rectangle.
 */
import type { Patch, Turtle } from 'agentscript/dist/agentscript2d.js';
import { AS } from './agentscriptNode';
import type { SchellingConfig, Sim } from './types';

type Person = Turtle & { group: number; happy: boolean };

class SchellingModel extends AS.Model {
  constructor(private readonly config: SchellingConfig) {
    super({ minX: 0, maxX: config.side - 1, minY: 0, maxY: config.side - 1 });
  }

  override setup(): void {
    const { agents, radius } = this.config;
    this.patches.cacheRect(radius, radius, false);
    const homes = this.patches.clone().shuffle();
    for (let i = 0; i < agents; i++) {
      const home = homes[i];
      this.turtles.create(1, (t) => {
        t.setxy(home.x, home.y);
        Object.assign(t, { group: i < agents / 2 ? 0 : 1, happy: false });
      });
    }
  }

  override step(): void {
    this.turtles
      .clone()
      .shuffle()
      .ask((t) => this.act(t as Person));
  }

  private act(t: Person): void {
    const { radius, minToBeHappy } = this.config;
    let same = 0;
    for (const p of this.patches.inRect(t.patch, radius, radius, false)) {
      for (const other of p.turtlesHere) if ((other as Person).group === t.group) same++;
    }
    t.happy = same >= minToBeHappy;
    if (t.happy || this.turtles.length === this.patches.length) return;
    let target: Patch;
    do target = this.patches.oneOf();
    while (target.turtlesHere.length > 0);
    t.moveTo(target);
  }
}

export function create(config: SchellingConfig, seed: number): Sim {
  // AgentScript's way to seed: it replaces Math.random (fine in a process of its own).
  AS.util.randomSeed(seed + 1);
  const model = new SchellingModel(config);
  model.setup();
  return {
    step: () => model.step(),
    statistic: () => {
      let happy = 0;
      for (const t of model.turtles) if ((t as Person).happy) happy++;
      return happy / model.turtles.length;
    },
  };
}
