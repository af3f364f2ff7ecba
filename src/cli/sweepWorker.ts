/** A worker process of the CLI's experiment pool: Node IPC messaging around `serveExperiment`. */
import type { ToExperimentWorker } from '../worker/experimentProtocol';
import { serveExperiment } from '../worker/serveExperiment';

serveExperiment(
  (message) => process.send!(message),
  (handle) => process.on('message', (message: ToExperimentWorker) => handle(message)),
);
