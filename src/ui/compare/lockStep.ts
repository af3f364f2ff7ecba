/**
 * Go, Pause and Step while comparing. Go lets both workers run on their own at the chosen speed
 * with a shared budget of days: each runs to at most `lead` days past the slower of the two and
 * waits there (see the worker's `go` with `until`), so neither gets far ahead, and frames while
 * running carry no fingerprint or snapshot. Pause stops both, then steps the one behind to the
 * other's day, so they stop on the same day. Step moves both by the same number of days.
 */
import type { Estimate } from '../../core/estimate';
import { t } from '../../i18n';
import type { FrameMessage } from '../../worker/protocol';
import { askToStart } from '../confirmStart';
import { latestFrame, subscribeFrames } from '../frameBus';
import { notify } from '../notices';
import { sandboxVerdict } from '../sandboxEstimate';
import { driveRunsWith, goRunUntil, isBigRun, stepRun } from '../session';
import { useApp } from '../store';
import { useCompare } from './compareStore';
import { sendFork } from './forkRun';
import { subscribeForkFrames } from './forkFrames';

/**
 * Days one run may go past the other at the fastest speed (at a finite speed, a tenth of a
 * second's days). Few: the budget moves on only as the page reads the runs' frames, so while
 * the page is busy both workers soon wait and leave it the cores (8 days: about 15 ms of a
 * 10,000-customer run; 20 kept them busy through the page's longer tasks).
 */
const FASTEST_LEAD = 8;

type Side = 'base' | 'fork';

interface RunState {
  tick: number;
  finished: boolean;
  /** Answers (frames that are not `running`) still due to a pause or step. */
  awaiting: boolean;
}

/** 'asking': Go of a big base waits for its worker's estimate, and perhaps the person's yes. */
let phase: 'idle' | 'asking' | 'running' | 'stopping' = 'idle';
let until = 0;
const state: Record<Side, RunState> = {
  base: { tick: 0, finished: false, awaiting: false },
  fork: { tick: 0, finished: false, awaiting: false },
};

function lead(): number {
  const speed = useApp.getState().ticksPerSecond;
  return speed === null ? FASTEST_LEAD : Math.max(1, Math.round(speed / 10));
}

function goUntil(side: Side, day: number): void {
  if (side === 'base') goRunUntil(day);
  else sendFork({ type: 'go', confirmed: true, until: day });
}

function stepSide(side: Side, count: number): void {
  state[side].awaiting = true;
  if (side === 'base') stepRun(count);
  else sendFork({ type: 'step', count });
}

/** Moves the shared budget on when the slower run has come far enough. */
function extendBudget(): void {
  const open = (['base', 'fork'] as const).filter((side) => !state[side].finished);
  if (open.length === 0) return stop();
  const slowest = open.reduce((least, side) => Math.min(least, state[side].tick), Infinity);
  const next = slowest + lead();
  // Half a lead at a time: a message per frame would be wasted.
  if (next - until < Math.max(1, lead() / 2)) return;
  until = next;
  for (const side of open) goUntil(side, until);
}

function onFrame(side: Side, frame: FrameMessage): void {
  const s = state[side];
  s.tick = frame.tick;
  s.finished = frame.status === 'stopped' || frame.status === 'horizon';
  if (frame.status !== 'running') s.awaiting = false;
  // The base's worker found Go short enough to run unasked (or its run is over).
  if (phase === 'asking' && side === 'base') return frame.status === 'running' ? runBoth() : void (phase = 'idle');
  if (phase === 'running') return extendBudget();
  if (phase === 'stopping' && !state.base.awaiting && !state.fork.awaiting) settle();
}

/** Both runs answered the pause: the one behind catches up, then the pair is paused. */
function settle(): void {
  const behind = state.base.tick < state.fork.tick ? 'base' : 'fork';
  const ahead = behind === 'base' ? 'fork' : 'base';
  const gap = state[ahead].tick - state[behind].tick;
  if (gap > 0 && !state[behind].finished) return stepSide(behind, gap);
  stop();
}

function stop(): void {
  phase = 'idle';
  useApp.setState({ status: latestBaseStatus });
}

let latestBaseStatus: FrameMessage['status'] = 'paused';

/** Go of a big pair to far horizons was confirmed once in this comparison: it is not asked again. */
let goConfirmed = false;
/** The lock-step in force; a question answered after it ended does nothing. */
let current: object | null = null;

function runBoth(): void {
  phase = 'running';
  useApp.setState({ status: 'running' });
  until = -Infinity;
  extendBudget();
}

/**
 * The base's worker estimated its Go (as for a big run in the sandbox): the pair takes as long
 * (the two run side by side) and twice the memory; asked, or refused, in the sandbox's dialog.
 */
async function askAboutGo(estimate: Estimate): Promise<void> {
  if (phase !== 'asking') return;
  const asking = current;
  const { verdict, words } = sandboxVerdict({ ms: estimate.ms, bytes: 2 * estimate.bytes }, true);
  if (verdict === 'refuse') notify({ kind: 'error', say: () => t('sandbox.refusedGo', { estimate: words() }) });
  const yes = verdict === 'go' || (verdict === 'ask' && (await askToStart(t('compare.askGo', { estimate: words() }))));
  if (current !== asking || phase !== 'asking') return;
  phase = 'idle';
  if (!yes) return;
  goConfirmed = true;
  runBoth();
}

/** From now on Go, Pause, Step and the time slider move both runs; returns the function that ends it. */
export function startLockStep(): () => void {
  phase = 'idle';
  goConfirmed = false;
  const self = {};
  current = self;
  state.base = { tick: latestFrame()?.tick ?? 0, finished: false, awaiting: false };
  state.fork = { tick: 0, finished: false, awaiting: false };
  const unsubscribeBase = subscribeFrames((frame) => {
    latestBaseStatus = frame.status;
    onFrame('base', frame);
  });
  const unsubscribeFork = subscribeForkFrames((frame) => onFrame('fork', frame));
  // The fork runs at the base's speed.
  sendFork({ type: 'speed', ticksPerSecond: useApp.getState().ticksPerSecond });
  const unsubscribeSpeed = useApp.subscribe((s, prev) => {
    if (s.ticksPerSecond !== prev.ticksPerSecond) sendFork({ type: 'speed', ticksPerSecond: s.ticksPerSecond });
  });
  // While the pair stops, the base may say "paused" before the fork caught up: the controls show the pair running.
  const unsubscribeStatus = useApp.subscribe((s) => {
    if ((phase === 'running' || phase === 'stopping') && s.status === 'paused') useApp.setState({ status: 'running' });
  });
  driveRunsWith({
    go() {
      if (phase !== 'idle') return;
      if (!isBigRun() || goConfirmed) return runBoth();
      // A go of no days: the big base's worker says `ask` if the run to its horizon is long, else waits, running.
      phase = 'asking';
      goRunUntil(state.base.tick, false);
    },
    pause() {
      if (phase !== 'running') return;
      phase = 'stopping';
      // A step of no days stops a run and answers with its frame, whether it ran or waited.
      for (const side of ['base', 'fork'] as const) if (!state[side].finished) stepSide(side, 0);
      if (!state.base.awaiting && !state.fork.awaiting) settle();
    },
    step(count) {
      if (phase !== 'idle') return;
      stepSide('base', count);
      stepSide('fork', count);
    },
    seeked(tick) {
      // The fork has no day before its fork day.
      sendFork({ type: 'seek', tick: Math.max(tick, useCompare.getState().forkDay) });
    },
    asked: (estimate) => void askAboutGo(estimate),
  });
  return () => {
    if (current === self) current = null;
    phase = 'idle';
    driveRunsWith(null);
    unsubscribeStatus();
    unsubscribeSpeed();
    unsubscribeFork();
    unsubscribeBase();
  };
}
