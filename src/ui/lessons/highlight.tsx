/**
 * What a lesson step says to watch, shown where it is: a vendor emphasised in the vendor panel
 * and the view's legend, a plot outlined and scrolled into view. A style sheet of the step does
 * it, so that those panels only name their rows (data-row, data-item, data-plot) and know
 * nothing of lessons; it goes with the step.
 */
import { useEffect } from 'react';
import type { LessonStep } from '../../core/lesson';

/** A value inside a quoted CSS attribute selector. */
const quoted = (value: string) => `"${CSS.escape(value)}"`;

export function HighlightStyle({ highlight }: { highlight: LessonStep['highlight'] }) {
  const selectors: string[] = [];
  if (highlight?.vendor !== undefined) {
    const name = quoted(highlight.vendor);
    selectors.push(`.lever-row-name[data-row=${name}]`, `.view-legend li[data-item=${name}]`);
  }
  if (highlight?.plot !== undefined) {
    const plot = quoted(highlight.plot);
    selectors.push(`figure.plot[data-plot=${plot}]`, `details.more-plot[data-plot=${plot}] > summary`);
  }
  if (selectors.length === 0) return null;
  return <style>{`${selectors.join(',\n')} { outline: 3px solid var(--lesson-mark); outline-offset: 2px; }`}</style>;
}

/** Opens the step's plot if it is folded away and scrolls it into view, once per step (`key`). */
export function useShowPlot(plot: string | undefined, key: string): void {
  useEffect(() => {
    if (plot === undefined) return;
    const selector = `[data-plot=${quoted(plot)}]`;
    const folded = document.querySelector<HTMLDetailsElement>(`details.more-plot${selector}`);
    if (folded) folded.open = true;
    // After the plot drew (a folded one draws once open).
    const frame = requestAnimationFrame(() =>
      document.querySelector(`figure.plot${selector}`)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' }),
    );
    return () => cancelAnimationFrame(frame);
  }, [plot, key]);
}
