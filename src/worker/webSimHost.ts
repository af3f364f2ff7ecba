/** The browser's simulation worker and the page's timers, for the SimClient. */
import type { FromWorker } from './protocol';
import type { SimHost } from './simClient';
import { browserTimers } from './webExperimentPool';
import { startWorker } from './workerScripts';

export const webSimHost: SimHost = {
  ...browserTimers,
  createWorker(listeners) {
    const worker = startWorker('simulation');
    worker.onmessage = (event: MessageEvent<FromWorker>) => listeners.message(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      listeners.failed(event.message);
    };
    worker.onmessageerror = () => listeners.failed('a message from the simulation worker could not be read');
    return worker;
  },
};
