/**
 * A timeline from day 0 to the horizon: each mark a button placed at its day, named by what
 * happens then; its details show under the axis on hover and on keyboard focus, and pressing
 * it leads to them.
 */
import { useState } from 'react';
import { t } from '../../i18n';

export interface TimelineMark {
  readonly key: string;
  readonly day: number;
  /** What happens that day, in words: the mark's accessible name and tooltip. */
  readonly text: string;
  /** A timed change (made live) rather than a scheduled event. */
  readonly timed?: boolean;
  readonly onActivate: () => void;
}

export function Timeline({
  label,
  horizon,
  marks,
  note,
}: {
  label: string;
  horizon: number;
  marks: readonly TimelineMark[];
  note?: string;
}) {
  const [active, setActive] = useState<TimelineMark | null>(null);
  return (
    <div className="timeline" aria-label={label} role="group">
      <div className="timeline-axis">
        {marks.map((mark) => (
          <button
            key={mark.key}
            type="button"
            className={`timeline-marker${mark.timed ? ' timed' : ''}`}
            style={{ left: `${Math.min(100, (100 * mark.day) / Math.max(1, horizon))}%` }}
            aria-label={mark.text}
            onClick={mark.onActivate}
            onFocus={() => setActive(mark)}
            onBlur={() => setActive(null)}
            onMouseEnter={() => setActive(mark)}
            onMouseLeave={() => setActive(null)}
          />
        ))}
      </div>
      <div className="timeline-scale">
        <span>{t('table.day', { day: 0 })}</span>
        {/* The mark's name already says it to a screen reader. */}
        {active ? (
          <span className="timeline-detail" aria-hidden="true">
            {active.text}
          </span>
        ) : (
          note && <span>{note}</span>
        )}
        <span>{t('table.day', { day: horizon })}</span>
      </div>
    </div>
  );
}

/** The id of a timed change's entry in the list of timed changes, by its index. */
export const timedChangeId = (index: number) => `timed-change-${index}`;

/** Moves the keyboard to a timed change's entry in the list (and scrolls it into view). */
export function showTimedChange(index: number): void {
  const item = document.getElementById(timedChangeId(index));
  item?.scrollIntoView({ block: 'nearest' });
  item?.focus();
}
