/**
 * Charts take turns to redraw. Recharts redraws a chart synchronously, tens of milliseconds for
 * a big one on a slow machine: each chart's redraw with new data is a task of its own, one after
 * another with a short gap (the view's frames and the runs' messages go between), never two in
 * one task; a chart out of sight waits until it is scrolled into view.
 */
import { useEffect, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { useApp } from './store';

/** Calls `onNewData` whenever the plots' data changed; returns the function that stops it. */
export type PlotSource = (onNewData: () => void) => () => void;

/** The pause between two charts' redraws (ms). */
const GAP_MS = 8;

/** Redraws due, in the order they were first asked for (a chart asking again keeps its place). */
const waiting = new Map<object, () => void>();
let timer: ReturnType<typeof setTimeout> | null = null;

function drawNext(): void {
  timer = null;
  const next = waiting.entries().next();
  if (next.done) return;
  const [chart, redraw] = next.value;
  waiting.delete(chart);
  redraw();
  if (waiting.size) timer = setTimeout(drawNext, GAP_MS);
}

function queue(chart: object, redraw: () => void): void {
  waiting.set(chart, redraw);
  timer ??= setTimeout(drawNext, GAP_MS);
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
        if (visible) queue(chart, redraw);
      }),
    );
    const observer = new IntersectionObserver(([entry]) => {
      visible = entry.isIntersecting;
      if (!visible) waiting.delete(chart);
      else if (stale) queue(chart, redraw);
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
