/** The fork run's per-tick data, kept out of React state as the base's is (see ../frameBus.ts). */
import { ReporterLog } from '../../core/recorder';
import type { FrameMessage } from '../../worker/protocol';

type Listener = (frame: FrameMessage) => void;

let latest: FrameMessage | null = null;
let log = new ReporterLog([]);
const listeners = new Set<Listener>();

export function latestForkFrame(): FrameMessage | null {
  return latest;
}

export function forkLog(): ReporterLog {
  return log;
}

/** Takes a frame from the fork's worker: a reset frame starts the log afresh. */
export function publishForkFrame(frame: FrameMessage): void {
  if (frame.reset || (latest && latest.runId !== frame.runId)) {
    log = new ReporterLog(frame.rows.names);
  }
  log.addPacked(frame.rows);
  latest = frame;
  for (const listener of listeners) listener(frame);
}

export function subscribeForkFrames(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function clearForkFrames(): void {
  latest = null;
  log = new ReporterLog([]);
}
