/** The part of AgentScript's (untyped) API the benchmark uses. */
declare module 'agentscript/dist/agentscript2d.js' {
  export interface AgentArray<T> extends Array<T> {
    ask(fn: (agent: T) => void): void;
    clone(): AgentArray<T>;
    shuffle(): AgentArray<T>;
    oneOf(): T;
  }
  export interface Patch {
    readonly x: number;
    readonly y: number;
    readonly turtlesHere: AgentArray<Turtle>;
  }
  export interface Turtle {
    readonly x: number;
    readonly y: number;
    readonly patch: Patch;
    setxy(x: number, y: number): void;
    moveTo(agent: Patch): void;
  }
  export interface Patches extends AgentArray<Patch> {
    cacheRect(dx: number, dy?: number, meToo?: boolean): void;
    inRect(patch: Patch, dx: number, dy?: number, meToo?: boolean): AgentArray<Patch>;
    patchXY(x: number, y: number): Patch;
  }
  export interface Turtles extends AgentArray<Turtle> {
    create(count: number, init?: (turtle: Turtle) => void): AgentArray<Turtle>;
  }
  export interface WorldOptions {
    minX: number;
    maxX: number;
    minY: number;
    maxY: number;
  }
  export class Model {
    constructor(world?: WorldOptions);
    readonly patches: Patches;
    readonly turtles: Turtles;
    readonly world: {
      randomPoint(): [number, number];
      readonly minXcor: number;
      readonly width: number;
      readonly height: number;
    };
    ticks: number;
    setup(): void;
    step(): void;
  }
  export const util: {
    randomSeed(seed?: number): void;
    randomFloat2(min: number, max: number): number;
  };
}
