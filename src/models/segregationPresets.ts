/** Ready scenarios of Segregation. */
import type { Preset } from '../core/model';

export const segregationPresets: readonly Preset[] = [
  {
    id: 'default',
    title: 'Three of eight neighbours',
    question: 'Does a grid sort itself when agents only want three of their eight neighbours like them?',
    watch: 'The happy fraction nears 1 within a few ticks while similar neighbours climb from about one half.',
    seed: 1,
    params: {},
  },
  {
    id: 'wide-neighbourhood',
    title: 'Wide neighbourhoods, crowded grid',
    question:
      'What happens on a crowded grid when agents look two cells away and want a third of the 24 neighbours like them?',
    watch: 'Large single-group areas form; with one cell in five empty, movers take longer to settle.',
    seed: 2,
    params: { width: 100, height: 100, agents: 8000, radius: 2, minSameNeighbours: 8 },
  },
  {
    id: 'demanding',
    title: 'Demanding neighbours',
    question: 'Can everyone be satisfied when each agent wants six of its eight neighbours like it?',
    watch:
      'Almost every agent stays unhappy and moves every tick: the grid stays mixed, since nobody stays long enough for areas to form.',
    seed: 3,
    params: { minSameNeighbours: 6 },
  },
];
