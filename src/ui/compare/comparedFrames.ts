/**
 * The frames the view draws while comparing: the base's, the fork's, or the fork's with every
 * customer whose seller is the same in both runs greyed out (drawn as "no seller"), so the
 * customers the change moved stand out in the colour of their new seller.
 */
import type { Column } from '../../core/world';
import type { FrameMessage } from '../../worker/protocol';
import { latestFrame, subscribeFrames } from '../frameBus';
import type { FrameSource } from '../view/viewClient';
import { useCompare } from './compareStore';
import { latestForkFrame, subscribeForkFrames } from './forkFrames';

/** The agent set and column the difference view compares (the cloud market's customers and their seller). */
const AGENTS = 'customers';
const SELLER = 'seller';
/** A seller no palette colour stands for: drawn in the "no seller" grey. */
const SAME = -1;

/** The fork's frame with customers who have the same seller in the base greyed out; `differ` counts the others. */
export function differenceFrame(base: FrameMessage, fork: FrameMessage): { frame: FrameMessage; differ: number } {
  const b = base.agents[AGENTS];
  const f = fork.agents[AGENTS];
  const sellers = f?.columns[SELLER];
  if (!b?.columns[SELLER] || !sellers) return { frame: fork, differ: 0 };
  const baseSeller = new Map<number, number>();
  const baseSellers = b.columns[SELLER];
  for (let i = 0; i < b.count; i++) baseSeller.set(b.ids[i], baseSellers[i]);
  const marked = sellers.slice() as Column;
  let differ = 0;
  for (let i = 0; i < f.count; i++) {
    if (baseSeller.get(f.ids[i]) === sellers[i]) marked[i] = SAME;
    else differ++;
  }
  const agents = { ...fork.agents, [AGENTS]: { ...f, columns: { ...f.columns, [SELLER]: marked } } };
  return { frame: { ...fork, agents }, differ };
}

let cached: { base: FrameMessage; fork: FrameMessage; frame: FrameMessage } | null = null;

function shownFrame(): FrameMessage | null {
  const view = useCompare.getState().view;
  const base = latestFrame();
  if (view === 'base') return base;
  const fork = latestForkFrame();
  if (view === 'fork' || !base || !fork) return fork;
  if (cached?.base !== base || cached.fork !== fork) cached = { base, fork, frame: differenceFrame(base, fork).frame };
  return cached.frame;
}

export const comparedFrames: FrameSource = {
  latest: shownFrame,
  subscribe(listener) {
    const unsubscribeBase = subscribeFrames(() => listener());
    const unsubscribeFork = subscribeForkFrames(() => listener());
    const unsubscribeView = useCompare.subscribe((s, prev) => {
      if (s.view !== prev.view) listener();
    });
    return () => {
      unsubscribeView();
      unsubscribeFork();
      unsubscribeBase();
    };
  },
};
