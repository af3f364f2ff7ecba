/** A worker of the browser's experiment pool: the experiment once, then one run per message. */
import { experimentExecutor } from '../core/experiment/prepare';
import { findModel } from '../models/registry';
import type { FromExperimentWorker, ToExperimentWorker } from './experimentProtocol';

const scope = self as unknown as {
  postMessage(message: FromExperimentWorker): void;
  onmessage: ((event: MessageEvent<ToExperimentWorker>) => void) | null;
};

let execute: ((index: number) => FromExperimentWorker['outcome']) | null = null;

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'experiment') execute = experimentExecutor(message.document, findModel);
  else scope.postMessage({ type: 'outcome', outcome: execute!(message.index) });
};
