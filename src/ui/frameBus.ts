/**
 * Per-tick data that must not live in React state: the newest agent frame (read by the Pixi
 * view at its own pace) and the full reporter log of the current run (sampled for plots).
 */
import { ReporterLog } from '../core/recorder';
import type { FrameMessage } from '../worker/protocol';

type Listener = (frame: FrameMessage) => void;

let latest: FrameMessage | null = null;
let log = new ReporterLog([]);
const listeners = new Set<Listener>();

export function latestFrame(): FrameMessage | null {
  return latest;
}

export function reporterLog(): ReporterLog {
  return log;
}

/** Takes a frame from the worker: appends its reporter rows, keeps it as the newest frame. */
export function publishFrame(frame: FrameMessage): void {
  if (frame.reset || (latest && latest.runId !== frame.runId)) {
    log = new ReporterLog(frame.rows.names);
  }
  log.addPacked(frame.rows);
  latest = frame;
  for (const listener of listeners) listener(frame);
}

export function subscribeFrames(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
