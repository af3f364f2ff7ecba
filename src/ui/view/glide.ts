/**
 * Agents that change place in the view glide there over a few frames instead of jumping, so the
 * eye can follow a customer from one seller's block to another's. Only the shown positions
 * move; the model's positions and picking's places (the targets) are unaffected.
 */
import type { Positions } from './arrangement';

/** Time constant of the glide: after it, about a third of the way is left; after ~5 of it, nothing visible. */
const GLIDE_MS = 90;
/** Closer than this (world units) counts as arrived: a glide ends instead of creeping forever. */
const ARRIVED = 1e-4;

export class Glide {
  private xs = new Float64Array(0);
  private ys = new Float64Array(0);
  private count = 0;

  /**
   * The shown positions after `ms` more of gliding toward `target` (its first `count` agents).
   * `snap` places everyone at the target at once (a new run); agents new since the last step
   * appear at theirs. `moving` says whether some agent is still on its way.
   */
  step(target: Positions, count: number, ms: number, snap: boolean): Positions & { readonly moving: boolean } {
    if (this.xs.length < count) {
      const grown = Math.max(count, 2 * this.xs.length);
      const xs = new Float64Array(grown);
      const ys = new Float64Array(grown);
      xs.set(this.xs.subarray(0, this.count));
      ys.set(this.ys.subarray(0, this.count));
      this.xs = xs;
      this.ys = ys;
    }
    const from = snap ? 0 : Math.min(this.count, count);
    const k = 1 - Math.exp(-ms / GLIDE_MS);
    let moving = false;
    for (let i = 0; i < from; i++) {
      const dx = target.xs[i] - this.xs[i];
      const dy = target.ys[i] - this.ys[i];
      if (Math.abs(dx) < ARRIVED && Math.abs(dy) < ARRIVED) {
        this.xs[i] = target.xs[i];
        this.ys[i] = target.ys[i];
        continue;
      }
      this.xs[i] += k * dx;
      this.ys[i] += k * dy;
      moving = true;
    }
    for (let i = from; i < count; i++) {
      this.xs[i] = target.xs[i];
      this.ys[i] = target.ys[i];
    }
    this.count = count;
    return { xs: this.xs, ys: this.ys, moving };
  }
}
