/** The ready experiments that state a hypothesis: the model brief's expectations, in their order. */
import { READY_EXPERIMENTS } from '../experiments/readyExperiments';

export const EXPECTATIONS = READY_EXPERIMENTS.filter((r) => r.experiment.hypothesis).sort(
  (a, b) => Number(/\d+/.exec(a.file)?.[0] ?? 0) - Number(/\d+/.exec(b.file)?.[0] ?? 0),
);
