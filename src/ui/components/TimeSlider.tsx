/**
 * The time slider under the view: moves the run to any day it has reached, restoring the
 * nearest snapshot and replaying to the day in the worker, so the view, monitors and plots show
 * that day exactly; Go continues from it. Hidden while the run runs (pause to scrub).
 */
import { useId, useState } from 'react';
import { t } from '../../i18n';
import { seek } from '../session';
import { useApp } from '../store';

export function TimeSlider() {
  const tick = useApp((s) => s.tick);
  const reached = useApp((s) => s.reached);
  const status = useApp((s) => s.status);
  const id = useId();
  // The day asked for, shown by the thumb until the worker shows it (dragging sends the last day only).
  const [wanted, setWanted] = useState<number | null>(null);
  if (wanted !== null && (wanted === tick || status === 'running')) setWanted(null);
  if (status === 'running' || status === 'starting' || reached === 0) return null;
  const day = wanted ?? tick;
  const text = t('control.dayShown.value', { day, reached });
  return (
    <div className="speed time-slider">
      <label htmlFor={id}>{t('control.dayShown')}</label>
      <input
        id={id}
        type="range"
        min={0}
        max={reached}
        step={1}
        value={day}
        aria-valuetext={text}
        onChange={(e) => {
          const next = Number(e.target.value);
          setWanted(next);
          seek(next);
        }}
      />
      <span className="speed-value" aria-hidden="true">
        {text}
      </span>
    </div>
  );
}
