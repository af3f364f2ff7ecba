/**
 * Timed changes on a time plot: a dashed vertical line at each day with changes, labelled along
 * it in words ("Cirrus: strategy → Aggressive"), and under the chart one button per day whose
 * focus or hover shows the day's changes in full and whose press leads to them in the list.
 */
import { useState } from 'react';
import { ReferenceLine } from 'recharts';
import { t } from '../../i18n';
import type { ChangeMark } from '../timedChangeText';
import { showTimedChange } from './Timeline';

const LINE = '#8a4b00';
/** About the width of a character of the 10-px label, to cut it to the line's length. */
const CHAR_PX = 5;

const markText = (mark: ChangeMark) => t('timed.item', { day: mark.tick, text: mark.texts.join('; ') });

/** The label drawn along a line, from its top down, cut to the plot's height. */
function lineLabel(mark: ChangeMark) {
  const text = mark.texts[0] + (mark.texts.length > 1 ? ` (+${mark.texts.length - 1})` : '');
  return function Label(props: { viewBox?: { x?: number; y?: number; height?: number } }) {
    const x = (props.viewBox?.x ?? 0) + 2;
    const y = (props.viewBox?.y ?? 0) + 4;
    const room = Math.max(4, Math.floor((props.viewBox?.height ?? 0) / CHAR_PX) - 1);
    return (
      // Turned a quarter clockwise, the letters stand right of the line; a white halo keeps them legible over the series.
      <text
        x={x}
        y={y}
        transform={`rotate(90 ${x} ${y})`}
        fontSize={10}
        fill={LINE}
        stroke="#fff"
        strokeWidth={3}
        paintOrder="stroke"
      >
        {text.length > room ? `${text.slice(0, room - 1)}…` : text}
      </text>
    );
  };
}

/**
 * The reference lines of a chart's marks; a function, not a component, as recharts reads its
 * children's types. `active` is drawn bolder.
 */
export function markLines(marks: readonly ChangeMark[], active: number | null) {
  return marks.map((mark) => (
    <ReferenceLine
      key={`mark-${mark.first}`}
      x={mark.tick}
      stroke={LINE}
      strokeDasharray="4 3"
      strokeWidth={active === mark.first ? 2.5 : 1.2}
      ifOverflow="discard"
      label={lineLabel(mark)}
    />
  ));
}

/** The buttons under a chart, one per marked day; reports the one shown in full to draw its line bolder. */
export function PlotMarkButtons({
  marks,
  title,
  onActive,
}: {
  marks: readonly ChangeMark[];
  title: string;
  onActive: (first: number | null) => void;
}) {
  const [active, setActive] = useState<ChangeMark | null>(null);
  const show = (mark: ChangeMark | null) => {
    setActive(mark);
    onActive(mark?.first ?? null);
  };
  if (marks.length === 0) return null;
  return (
    <div className="plot-marks" role="group" aria-label={t('plot.marks', { title })}>
      {marks.map((mark) => (
        <button
          key={mark.first}
          type="button"
          className="plot-mark"
          aria-label={markText(mark)}
          onFocus={() => show(mark)}
          onBlur={() => show(null)}
          onMouseEnter={() => show(mark)}
          onMouseLeave={() => show(null)}
          onClick={() => showTimedChange(mark.first)}
        >
          {t('table.day', { day: mark.tick })}
        </button>
      ))}
      {active && (
        <span className="plot-mark-detail" aria-hidden="true">
          {markText(active)}
        </span>
      )}
    </div>
  );
}
