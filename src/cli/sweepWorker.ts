/**
 * A worker process of `agora sweep`: prepares the experiment it is sent once, then executes
 * the runs it is given one at a time and sends each outcome back.
 */
import { experimentExecutor } from '../core/experiment/prepare';
import { findModel } from '../models/registry';
import type { FromSweepWorker, ToSweepWorker } from './sweepPool';

let execute: ((index: number) => FromSweepWorker['outcome']) | null = null;

process.on('message', (message: ToSweepWorker) => {
  if (message.type === 'experiment') execute = experimentExecutor(message.document, findModel);
  else process.send!({ type: 'outcome', outcome: execute!(message.index) } satisfies FromSweepWorker);
});
