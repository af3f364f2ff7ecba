/**
 * A worker process of `agora sweep`: prepares the experiment it is sent once, then executes
 * the runs it is given one at a time and sends each outcome back.
 */
import { prepareExperiment, type PreparedExperiment } from '../core/experiment/prepare';
import { executeRun, runTask } from '../core/experiment/execute';
import { findModel } from '../models/registry';
import type { ToSweepWorker } from './sweepPool';

let prepared: PreparedExperiment | null = null;

process.on('message', (message: ToSweepWorker) => {
  if (message.type === 'experiment') {
    const result = prepareExperiment(message.document, findModel);
    if (!result.ok) throw new Error(result.errors.join('; '));
    prepared = result.value;
    return;
  }
  const { plan, settings } = prepared!;
  process.send!({ type: 'outcome', outcome: executeRun(plan.model, settings, runTask(plan, message.index)) });
});
