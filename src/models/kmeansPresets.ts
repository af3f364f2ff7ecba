/** Ready scenarios of K-Means Clustering. */
import type { Preset } from '../core/model';

export const kMeansPresets: readonly Preset[] = [
  {
    id: 'default',
    title: 'Four clusters, four centroids',
    question: 'Does k-means find the clusters when it is told how many there are?',
    watch: 'The square deviation falls steeply, then flattens; the run stops within a few ticks.',
    seed: 1,
    params: {},
  },
  {
    id: 'too-many-centroids',
    title: 'More centroids than clusters',
    question: 'What happens when k is larger than the number of real clusters?',
    watch: 'Some clusters are split between two centroids; the square deviation ends lower than with the right k.',
    seed: 3,
    params: { numClusters: 3, numCentroids: 7 },
  },
  {
    id: 'overlapping',
    title: 'Overlapping clusters',
    question: 'Can k-means separate clusters that overlap?',
    watch: 'Boundaries between centroids cut through the cloud; different seeds give different answers.',
    seed: 5,
    params: { numClusters: 5, numCentroids: 5, clusterSpread: 30, numDataPoints: 1500 },
  },
];
