/**
 * Per-tick data that must not live in React state: the newest agent frame (read by the Pixi
 * view at its own pace) and the full reporter log of the current run (sampled for plots). One
 * bus per run: the run on display's here, a comparison's fork's in compare/forkFrames.ts.
 */
import { ReporterLog } from '../core/recorder';
import type { FrameMessage } from '../worker/protocol';

type Listener = (frame: FrameMessage) => void;

export interface FrameBus {
  latest(): FrameMessage | null;
  log(): ReporterLog;
  /** Takes a frame from the run's worker: a reset frame (or another run's) starts the log afresh. */
  publish(frame: FrameMessage): void;
  subscribe(listener: Listener): () => void;
  /** Forgets the run: no frame, an empty log. */
  clear(): void;
}

export function createFrameBus(): FrameBus {
  let latest: FrameMessage | null = null;
  let log = new ReporterLog([]);
  const listeners = new Set<Listener>();
  return {
    latest: () => latest,
    log: () => log,
    publish(frame) {
      if (frame.reset || (latest && latest.runId !== frame.runId)) log = new ReporterLog(frame.rows.names);
      log.addPacked(frame.rows);
      latest = frame;
      for (const listener of listeners) listener(frame);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    clear() {
      latest = null;
      log = new ReporterLog([]);
    },
  };
}

const display = createFrameBus();

export const latestFrame = display.latest;
export const reporterLog = display.log;
export const publishFrame = display.publish;
export const subscribeFrames = display.subscribe;
