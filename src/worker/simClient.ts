/**
 * The main thread's handle on the simulation: starts the worker, forwards commands and
 * frames, and keeps a watchdog on it. A worker that crashes, closes or stops answering is
 * replaced and resumes from the last snapshot a frame brought (the day on display), or, with
 * none since the last Setup, is set up again from it (the scenario is kept either way). Falls back to running
 * the same controller in-process where workers are unavailable.
 */
import type { Snapshot } from '../core/run';
import type { PoolTimers } from './experimentPool';
import type { FromWorker, ToWorker } from './protocol';
import { SimController } from './simController';

export interface SimClientEvents {
  onMessage(message: FromWorker): void;
  /**
   * The worker died or hung; it was replaced and resumed from the snapshot of day `resumedAt`, or
   * (null) set up again, unless `lost` (that failed too).
   */
  onCrash(reason: string, lost: boolean, resumedAt: number | null): void;
}

/** What the client needs of a running simulation worker. */
export interface SimWorker {
  postMessage(message: ToWorker): void;
  terminate(): void;
}

export interface SimWorkerListeners {
  message(message: FromWorker): void;
  /** The worker threw or a message could not be read; `reason` is for people. */
  failed(reason: string): void;
}

export interface SimHost extends PoolTimers {
  /** Starts a worker reporting to `listeners`; throws where workers are unavailable. */
  createWorker(listeners: SimWorkerListeners): SimWorker;
}

/** The client pings the worker this often (ms). */
const HEARTBEAT_MS = 1000;
/** A ping unanswered this long (ms) means a hung or closed worker, unless it announced longer work. */
export const DEADLINE_MS = 4000;
/** Announced work may take this many times its expected length before it counts as hung. */
const BUSY_SLACK = 3;

type Setup = Extract<ToWorker, { type: 'setup' }>;

export class SimClient {
  private worker: SimWorker | null = null;
  private inProcess: SimController | null = null;
  private lastSetup: Setup | null = null;
  private lastSpeed: Extract<ToWorker, { type: 'speed' }> | null = null;
  /** The newest state of the run since the last Setup, from the frames. */
  private lastSnapshot: Snapshot | null = null;
  /** When the unanswered ping was sent; null when the worker has spoken since. */
  private pingSentAt: number | null = null;
  /** Until when announced work may keep the worker silent. */
  private busyUntil = 0;
  private heartbeat: unknown = null;
  /** Replacements since the last frame: a Setup resent after a failure that fails again is not resent. */
  private failures = 0;

  constructor(
    private readonly events: SimClientEvents,
    private readonly host: SimHost,
  ) {
    this.start();
  }

  send(message: ToWorker): void {
    if (message.type === 'setup') {
      this.lastSetup = message;
      this.lastSnapshot = null;
    }
    if (message.type === 'speed') this.lastSpeed = message;
    if (this.worker) this.worker.postMessage(message);
    else this.inProcess!.handle(message);
  }

  dispose(): void {
    this.host.clearTimer(this.heartbeat);
    this.worker?.terminate();
    this.worker = null;
  }

  private start(): void {
    let worker: SimWorker;
    try {
      worker = this.host.createWorker({
        message: (message) => this.worker === worker && this.received(message),
        failed: (reason) => this.worker === worker && this.replace(reason || 'the simulation worker failed'),
      });
    } catch {
      this.inProcess = new SimController((message) => this.events.onMessage(message), {
        now: this.host.now,
        schedule: this.host.setTimer,
        cancel: this.host.clearTimer,
      });
      return;
    }
    this.worker = worker;
    this.pingSentAt = null;
    this.busyUntil = 0;
    this.heartbeat = this.host.setTimer(() => this.beat(), HEARTBEAT_MS);
  }

  private received(message: FromWorker): void {
    this.pingSentAt = null;
    if (message.type === 'busy') {
      this.busyUntil = this.host.now() + DEADLINE_MS + BUSY_SLACK * message.expectedMs;
      return;
    }
    // The worker speaks again: the work it announced is over.
    this.busyUntil = 0;
    if (message.type === 'pong') return;
    if (message.type === 'frame') {
      this.failures = 0;
      if (message.snapshot) this.lastSnapshot = message.snapshot;
    }
    this.events.onMessage(message);
  }

  /** The watchdog: pings, or replaces a worker that left its ping unanswered past the deadline. */
  private beat(): void {
    const now = this.host.now();
    if (this.pingSentAt === null) {
      this.pingSentAt = now;
      this.worker!.postMessage({ type: 'ping' });
    } else if (now >= Math.max(this.pingSentAt + DEADLINE_MS, this.busyUntil)) {
      return this.replace(`no answer for ${Math.round((now - this.pingSentAt) / 1000)} s`);
    }
    this.heartbeat = this.host.setTimer(() => this.beat(), HEARTBEAT_MS);
  }

  private replace(reason: string): void {
    this.dispose();
    this.failures++;
    this.start();
    if (this.lastSpeed) this.send(this.lastSpeed);
    const lost = this.failures >= 2;
    const snapshot = lost ? null : this.lastSnapshot;
    if (snapshot) this.send({ type: 'restore', snapshot });
    else if (this.lastSetup && !lost) this.send(this.lastSetup);
    this.events.onCrash(reason, lost, snapshot?.tick ?? null);
  }
}
