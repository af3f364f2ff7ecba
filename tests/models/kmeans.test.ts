import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultParams } from '../../src/core/params';
import { Run } from '../../src/core/run';
import { kMeans, type KMeansParams } from '../../src/models/kmeans';

const defaults = defaultParams(kMeans.params) as KMeansParams;

function run(seed: number, changes: Partial<KMeansParams> = {}): Run {
  return Run.create(kMeans, { ...defaults, ...changes }, seed);
}

describe('k-means behaviour', () => {
  it('creates exactly the requested points and centroids, centroids on data points', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 20 }),
        fc.nat(),
        (numDataPoints, numClusters, numCentroids, seed) => {
          const r = run(seed, { numDataPoints, numClusters, numCentroids });
          const { points, centroids } = r.world.agents;
          expect(points.count).toBe(numDataPoints);
          expect(centroids.count).toBe(numCentroids);
          for (let k = 0; k < centroids.count; k++) {
            let onPoint = false;
            for (let i = 0; i < points.count && !onPoint; i++) {
              onPoint = points.col.x[i] === centroids.col.x[k] && points.col.y[i] === centroids.col.y[k];
            }
            expect(onPoint).toBe(true);
          }
          for (let i = 0; i < points.count; i++) {
            expect(Math.abs(points.col.x[i])).toBeLessThanOrEqual(50);
            expect(Math.abs(points.col.y[i])).toBeLessThanOrEqual(50);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('never increases the square deviation and stops once no centroid moves', () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 1, max: 10 }), (seed, numCentroids) => {
        const r = run(seed, { numDataPoints: 300, numCentroids });
        let previous = r.reporters()['square-deviation']!;
        while (r.step()) {
          const now = r.reporters()['square-deviation']!;
          expect(now).toBeLessThanOrEqual(previous * (1 + 1e-12));
          previous = now;
          expect(r.tick).toBeLessThan(500);
        }
        expect(r.done).toBe(true);
        expect(r.world.globals.maxShift).toBeLessThanOrEqual(defaults.movementThreshold);
      }),
      { numRuns: 25 },
    );
  });

  it('moves each centroid to the mean of the points assigned to it', () => {
    const r = run(9);
    r.step();
    const { points, centroids } = r.world.agents;
    for (let k = 0; k < centroids.count; k++) {
      let n = 0;
      let sx = 0;
      for (let i = 0; i < points.count; i++) {
        if (points.col.cluster[i] === k) {
          n++;
          sx += points.col.x[i];
        }
      }
      expect(centroids.col.points[k]).toBe(n);
      if (n > 0) expect(centroids.col.x[k]).toBeCloseTo(sx / n, 9);
    }
  });

  it('finds well-separated clusters: square deviation per point near the spread', () => {
    const r = run(12, { numClusters: 3, numCentroids: 3, clusterSpread: 4 });
    r.runUntil(1000);
    const perPoint = r.reporters()['square-deviation']! / defaults.numDataPoints;
    // |N(0, 2)| in a random direction: E[r²] = 4, so a correct fit lands near 4 unless two
    // generated clusters overlap or a centroid got stuck; allow generous slack.
    expect(perPoint).toBeLessThan(40);
  });

  it('reports convergence and centroid positions in its JSON summary', () => {
    const r = run(2);
    r.runUntil(1000);
    const summary = r.summaryJson() as { converged: boolean; centroids: number[][] };
    expect(summary.converged).toBe(true);
    expect(summary.centroids).toHaveLength(defaults.numCentroids);
  });
});
