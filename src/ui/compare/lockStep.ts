/**
 * Go, Pause and Step while comparing: both runs advance in rounds of the same number of days,
 * and a round starts only when both workers answered the last one, so the base and the fork
 * are never more than a round apart and stop on the same day. Rounds come about ten times a
 * second at the chosen speed (as fast as both workers can at the fastest).
 */
import type { RunStatus } from '../../worker/protocol';
import { subscribeFrames } from '../frameBus';
import { driveRunsWith, stepRun } from '../session';
import { useApp } from '../store';
import { sendFork } from './forkRun';
import { subscribeForkFrames } from './forkFrames';

const ROUNDS_PER_SECOND = 10;
/** Days per round at the fastest speed. */
const FASTEST_ROUND = 10;

let running = false;
let awaitingBase = false;
let awaitingFork = false;
let roundStartedAt = 0;
let roundDays = 1;
let timer: ReturnType<typeof setTimeout> | null = null;
let baseStatus: RunStatus = 'paused';
let forkStatus: RunStatus = 'paused';

const finished = (status: RunStatus) => status === 'stopped' || status === 'horizon';

function round(): void {
  timer = null;
  if (!running) return;
  const speed = useApp.getState().ticksPerSecond;
  roundDays = speed === null ? FASTEST_ROUND : Math.max(1, Math.round(speed / ROUNDS_PER_SECOND));
  roundStartedAt = performance.now();
  stepBoth(roundDays);
}

function stepBoth(count: number): void {
  awaitingBase = awaitingFork = true;
  stepRun(count);
  sendFork({ type: 'step', count });
}

/** One of the runs answered; once both did, the next round is due. */
function answered(): void {
  if (awaitingBase || awaitingFork || !running) return;
  if (finished(baseStatus) && finished(forkStatus)) return stop();
  const speed = useApp.getState().ticksPerSecond;
  const due = speed === null ? 0 : (1000 * roundDays) / speed;
  timer = setTimeout(round, Math.max(0, due - (performance.now() - roundStartedAt)));
}

function stop(): void {
  running = false;
  if (timer !== null) clearTimeout(timer);
  timer = null;
  useApp.setState({ status: baseStatus });
}

/** From now on Go, Pause, Step and the time slider move both runs; returns the function that ends it. */
export function startLockStep(): () => void {
  const unsubscribeBase = subscribeFrames((frame) => {
    baseStatus = frame.status;
    awaitingBase = false;
    answered();
  });
  const unsubscribeFork = subscribeForkFrames((frame) => {
    forkStatus = frame.status;
    awaitingFork = false;
    answered();
  });
  // The base's frames say "paused" between rounds: the controls show the pair running.
  const unsubscribeStatus = useApp.subscribe((s) => {
    if (running && s.status === 'paused') useApp.setState({ status: 'running' });
  });
  driveRunsWith({
    go() {
      if (running) return;
      running = true;
      useApp.setState({ status: 'running' });
      round();
    },
    pause() {
      if (running) stop();
    },
    step(count) {
      if (!running) stepBoth(count);
    },
    seeked(tick) {
      sendFork({ type: 'seek', tick });
    },
  });
  return () => {
    if (running) stop();
    driveRunsWith(null);
    unsubscribeStatus();
    unsubscribeFork();
    unsubscribeBase();
  };
}
