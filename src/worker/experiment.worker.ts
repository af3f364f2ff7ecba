/** A worker of the browser's experiment pool: Web Worker messaging around `serveExperiment`. */
import type { ToExperimentWorker } from './experimentProtocol';
import { serveExperiment } from './serveExperiment';

serveExperiment(
  (message) => self.postMessage(message),
  (handle) => (self.onmessage = (event: MessageEvent<ToExperimentWorker>) => handle(event.data)),
);
