/**
 * The page's main-thread tasks from a Chromium trace, by CPU time. On a shared machine the
 * long-task observer's wall-clock durations include time the thread waited for a core that
 * other processes held; a task's CPU time (the trace's `tdur`) is what the page itself spent.
 */
import type { Browser, Page } from '@playwright/test';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/** What `act` gives, and the CPU time (ms) of each task the page's main thread ran meanwhile, longest first. */
export async function withMainThreadTasks<T>(
  browser: Browser,
  page: Page,
  act: () => Promise<T>,
): Promise<{ result: T; taskCpuMs: number[] }> {
  await browser.startTracing(page, { categories: ['disabled-by-default-devtools.timeline'] });
  const result = await act();
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
  return { result, taskCpuMs: taskCpuMs(trace.traceEvents) };
}

function taskCpuMs(events: readonly TraceEvent[]): number[] {
  const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const tasksOf = (t: TraceEvent) => events.filter((e) => e.pid === t.pid && e.tid === t.tid && e.name === 'RunTask');
  // The page's renderer is the one whose main thread was busiest.
  let busiest: TraceEvent[] = [];
  let most = -1;
  for (const thread of mains) {
    const tasks = tasksOf(thread);
    const total = tasks.reduce((sum, e) => sum + (e.dur ?? 0), 0);
    if (total > most) [busiest, most] = [tasks, total];
  }
  return busiest.map((e) => (e.tdur ?? 0) / 1000).sort((a, b) => b - a);
}
