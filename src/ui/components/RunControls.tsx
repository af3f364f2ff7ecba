/** Setup, Go/Pause, Step and the speed slider (slow motion → as fast as possible). */
import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { t } from '../../i18n';
import { findModel } from '../../models/registry';
import { go, pause, resetToDefaults, setSpeed, setup, step } from '../session';
import { useApp } from '../store';

/** Speed slider positions: ticks per second; the last position means "as fast as possible". */
const SPEEDS = [1, 2, 5, 10, 30, 60, 120, 300, 1000, null] as const;

export function RunControls() {
  const { status, ticksPerSecond, modelId } = useApp(
    useShallow((s) => ({ status: s.status, ticksPerSecond: s.ticksPerSecond, modelId: s.modelId })),
  );
  const ticksPerYear = findModel(modelId)?.ticksPerYear;
  const speedId = useId();
  const running = status === 'running';
  const finished = status === 'stopped' || status === 'horizon' || status === 'starting';
  const speedIndex = SPEEDS.indexOf(ticksPerSecond as (typeof SPEEDS)[number]);
  const speedText =
    ticksPerSecond === null ? t('control.speed.max') : t('control.speed.value', { value: ticksPerSecond });
  return (
    <div className="run-controls">
      <div className="buttons">
        <button type="button" onClick={setup}>
          {t('control.setup')}
        </button>
        <button
          type="button"
          className="primary"
          onClick={running ? pause : go}
          disabled={!running && finished}
          aria-pressed={running}
        >
          {running ? t('control.pause') : t('control.go')}
        </button>
        <button type="button" onClick={() => step()} disabled={running || finished}>
          {t('control.step')}
        </button>
        {ticksPerYear && (
          <button type="button" onClick={() => step(ticksPerYear)} disabled={running || finished}>
            {t('control.stepYear')}
          </button>
        )}
      </div>
      <button type="button" className="link-button" onClick={resetToDefaults}>
        {t('control.reset')}
      </button>
      <div className="speed">
        <label htmlFor={speedId}>{t('control.speed')}</label>
        <input
          id={speedId}
          type="range"
          min={0}
          max={SPEEDS.length - 1}
          step={1}
          value={speedIndex < 0 ? 4 : speedIndex}
          aria-valuetext={speedText}
          onChange={(e) => setSpeed(SPEEDS[Number(e.target.value)])}
        />
        <span className="speed-value" aria-hidden="true">
          {speedText}
        </span>
      </div>
    </div>
  );
}
