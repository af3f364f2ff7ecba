/**
 * The worker side of the experiment pool, for every host: prepares the experiment it is sent
 * once, then executes the runs it is given one at a time and posts each outcome back. The
 * browser's `experiment.worker.ts` and the CLI's `sweepWorker.ts` only plug in their messaging.
 */
import type { RunOutcome } from '../core/experiment/execute';
import { experimentExecutor, experimentPace } from '../core/experiment/prepare';
import { findModel } from '../models/registry';
import type { FromExperimentWorker, ToExperimentWorker } from './experimentProtocol';

export function serveExperiment(
  post: (message: FromExperimentWorker) => void,
  onMessage: (handle: (message: ToExperimentWorker) => void) => void,
): void {
  let execute: ((index: number) => RunOutcome) | null = null;
  onMessage((message) => {
    if (message.type === 'experiment') execute = experimentExecutor(message.document, findModel);
    else if (message.type === 'calibrate')
      post({ type: 'pace', pace: experimentPace(message.document, findModel, message.index, () => performance.now()) });
    else post({ type: 'outcome', outcome: execute!(message.index) });
  });
}
