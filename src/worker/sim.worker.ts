/** The simulation worker: a thin adapter between postMessage and the SimController. */
import type { FromWorker, ToWorker } from './protocol';
import { SimController } from './simController';

// Typed locally: the app's tsconfig carries DOM types, not the WebWorker ones.
const scope = self as unknown as {
  postMessage(message: FromWorker, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
};

const controller = new SimController((message, transfer) => scope.postMessage(message, transfer), {
  now: () => performance.now(),
  schedule: (fn, delay) => setTimeout(fn, delay),
  cancel: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
});

scope.onmessage = (event) => controller.handle(event.data);
