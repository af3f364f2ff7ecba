/** Ready scenarios of Flocking. */
import type { Preset } from '../core/model';

export const flockingPresets: readonly Preset[] = [
  {
    id: 'default',
    title: 'Two hundred birds',
    question: 'Do birds that see five units around them gather into flocks?',
    watch: 'Mean neighbours climbs as small flocks form and merge; colours (headings) even out within a flock.',
    seed: 1,
    params: {},
  },
  {
    id: 'far-sighted',
    title: 'Far-sighted birds',
    question: 'What changes when birds see fifteen units around them?',
    watch: 'Fewer, larger flocks; mean neighbours rises far higher than with short sight.',
    seed: 2,
    params: { width: 150, height: 150, birds: 400, visualDistance: 15 },
  },
  {
    id: 'no-cohesion',
    title: 'No cohesion',
    question: 'Do flocks still form when birds only match velocities and keep apart?',
    watch: 'Alignment still rises, but birds spread out instead of clumping: mean neighbours stays low.',
    seed: 3,
    params: { cohereFactor: 0 },
  },
];
