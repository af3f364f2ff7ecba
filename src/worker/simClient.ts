/**
 * The main thread's handle on the simulation: starts the worker, forwards commands and
 * frames, and recovers from a crash by restarting the worker from the last Setup. Falls back
 * to running the same controller in-process where workers are unavailable.
 */
import type { FromWorker, ToWorker } from './protocol';
import { SimController } from './simController';

export interface SimClientEvents {
  onMessage(message: FromWorker): void;
  /** The worker died; it has been restarted from the last Setup. */
  onCrash(reason: string): void;
}

export class SimClient {
  private worker: Worker | null = null;
  private inProcess: SimController | null = null;
  private lastSetup: Extract<ToWorker, { type: 'setup' }> | null = null;
  private lastSpeed: Extract<ToWorker, { type: 'speed' }> | null = null;

  constructor(private readonly events: SimClientEvents) {
    this.start();
  }

  send(message: ToWorker): void {
    if (message.type === 'setup') this.lastSetup = message;
    if (message.type === 'speed') this.lastSpeed = message;
    if (this.worker) this.worker.postMessage(message);
    else this.inProcess!.handle(message);
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  private start(): void {
    try {
      // IMPORTANT: Vite only bundles a worker written literally in this form.
      const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' });
      worker.onmessage = (event: MessageEvent<FromWorker>) => this.events.onMessage(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        this.restart(event.message || 'the simulation worker failed');
      };
      worker.onmessageerror = () => this.restart('a message from the simulation worker could not be read');
      this.worker = worker;
    } catch {
      this.inProcess = new SimController((message) => this.events.onMessage(message), {
        now: () => performance.now(),
        schedule: (fn, delay) => setTimeout(fn, delay),
        cancel: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      });
    }
  }

  private restart(reason: string): void {
    this.worker?.terminate();
    this.worker = null;
    this.start();
    if (this.lastSpeed) this.send(this.lastSpeed);
    if (this.lastSetup) this.send(this.lastSetup);
    this.events.onCrash(reason);
  }
}
