/**
 * Charts take turns to redraw. Recharts redraws a chart synchronously, tens of milliseconds for
 * a big one on a slow machine, in two parts: the render with the new data, and at the next
 * animation frame the re-render its own store batches up. Each chart's redraw is a task of its
 * own and the next chart's waits until the frames after it have passed, so two charts' parts
 * never share a task (the view's frames and the runs' messages go between); a chart out of
 * sight waits until it is scrolled into view.
 */
import { useEffect, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { useApp } from './store';

/** Calls `onNewData` whenever the plots' data changed; returns the function that stops it. */
export type PlotSource = (onNewData: () => void) => () => void;

/** The pause between two charts' redraws (ms), after the frame that finishes the first. */
const GAP_MS = 8;

/** Redraws due, in the order they were first asked for (a chart asking again keeps its place). */
const waiting = new Map<object, () => void>();
/** A chart's redraw is under way, or the wait after it. */
let drawing = false;

function drawNext(): void {
  const next = waiting.entries().next();
  if (next.done) {
    drawing = false;
    return;
  }
  const [chart, redraw] = next.value;
  waiting.delete(chart);
  // Two frames: recharts finishes this redraw at the next, and what that dispatches at the one after.
  // Queued first: a chart that throws must not stop the others' turns.
  afterFrames(2, drawNext);
  redraw();
}

/**
 * `then`, in a task of its own GAP_MS after `frames` animation frames; by a timer alone where
 * frames pause (a hidden page).
 */
function afterFrames(frames: number, then: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    then();
  };
  const frame = (left: number) => requestAnimationFrame(() => (left > 1 ? frame(left - 1) : setTimeout(once, GAP_MS)));
  frame(frames);
  setTimeout(once, 100 * frames);
}

/** Asks for `chart`'s turn: `redraw` runs after the charts already waiting (once, however often asked). */
export function queueRedraw(chart: object, redraw: () => void): void {
  waiting.set(chart, redraw);
  if (drawing) return;
  drawing = true;
  setTimeout(drawNext, GAP_MS);
}

/**
 * The chart's turn: a count bumped, in a task of its own, after any of `sources` (constants)
 * reported new data while the chart's `figure` is in view, or when it comes into view after
 * that. The chart computes its rows keyed on it.
 */
export function usePlotTurn(figure: RefObject<HTMLElement | null>, sources: readonly PlotSource[]): number {
  const [turn, setTurn] = useState(0);
  useEffect(() => {
    const chart = {};
    let visible = true;
    let stale = false;
    const redraw = () => {
      stale = false;
      flushSync(() => setTurn((n) => n + 1));
    };
    const unsubscribe = sources.map((source) =>
      source(() => {
        stale = true;
        if (visible) queueRedraw(chart, redraw);
      }),
    );
    const observer = new IntersectionObserver(([entry]) => {
      visible = entry.isIntersecting;
      if (!visible) waiting.delete(chart);
      else if (stale) queueRedraw(chart, redraw);
    });
    if (figure.current) observer.observe(figure.current);
    return () => {
      observer.disconnect();
      waiting.delete(chart);
      for (const stop of unsubscribe) stop();
    };
  }, [figure, sources]);
  return turn;
}

/** The run on display's plots: new data at each bump of its plot version. */
export const runPlotData: PlotSource = (onNewData) =>
  useApp.subscribe((s, prev) => {
    if (s.plotVersion !== prev.plotVersion) onNewData();
  });
