import { describe, expect, it } from 'vitest';
import { calibrateScenario, isBeyondNormalSize, reducedScenario } from '../../src/core/calibrationSize';
import { defaultParams } from '../../src/core/params';
import { Run } from '../../src/core/run';
import { findModel } from '../../src/models/registry';
import type { AgentSet, Column } from '../../src/core/world';

const flocking = findModel('flocking')!;
const market = findModel('cloud-market')!;
const birds = (n: number, side = 100) => ({ ...defaultParams(flocking.params), birds: n, width: side, height: side });

function worldBytes(run: Run): number {
  let bytes = 0;
  for (const set of Object.values(run.world.agents) as AgentSet[]) {
    bytes += set.ids.byteLength;
    for (const column of Object.values(set.col as Record<string, Column>)) bytes += column.byteLength;
  }
  return bytes;
}

describe('calibration at reduced size', () => {
  it('estimates only sizes beyond the sliders: normal sizes start as they did', () => {
    expect(isBeyondNormalSize(flocking, defaultParams(flocking.params))).toBe(false);
    expect(isBeyondNormalSize(flocking, birds(5000, 500))).toBe(false);
    expect(isBeyondNormalSize(flocking, birds(5010))).toBe(true);
    expect(isBeyondNormalSize(flocking, birds(200, 501))).toBe(true);
    expect(isBeyondNormalSize(market, { ...defaultParams(market.params), customers: 2_000_000 })).toBe(true);
    expect(isBeyondNormalSize(findModel('k-means')!, defaultParams(findModel('k-means')!.params))).toBe(false);
  });

  it('keeps the density of agents when it shrinks the world', () => {
    const { params, agents } = reducedScenario(flocking, birds(1_000_000), 2000);
    expect(params.width).toBe(4);
    expect(params.height).toBe(4);
    // 16 of the 10,000 square units: 1600 of the million birds.
    expect(agents).toBe(1600);
    expect(params.birds).toBe(1600);
    expect(reducedScenario(market, { ...defaultParams(market.params), customers: 2_000_000 }, 1000).agents).toBe(1000);
  });

  it('extends the calibrations to the full size: memory, linear in the agents, exactly', () => {
    const full = Run.create(flocking, birds(200_000, 1000), 1);
    const estimated = calibrateScenario(flocking, birds(200_000, 1000), 1, () => performance.now());
    expect(estimated.approximate).toBe(true);
    expect(estimated.pace.worldBytes).toBeCloseTo(worldBytes(full), -3);
    expect(estimated.pace.setupMs).toBeGreaterThan(0);
    expect(estimated.pace.tickMs).toBeGreaterThan(0);
    // Small enough to calibrate whole: measured, not scaled.
    expect(calibrateScenario(flocking, birds(5000), 1, () => performance.now()).approximate).toBe(false);
  });
});
