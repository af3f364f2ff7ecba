/** The simulation worker: a thin adapter between postMessage and the SimController. */
import type { ToWorker } from './protocol';
import { SimController } from './simController';

const controller = new SimController((message, transfer) => self.postMessage(message, transfer), {
  now: () => performance.now(),
  schedule: (fn, delay) => setTimeout(fn, delay),
  cancel: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
});

self.onmessage = (event: MessageEvent<ToWorker>) => controller.handle(event.data);
