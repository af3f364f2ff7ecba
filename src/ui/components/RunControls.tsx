/** Setup, Go/Pause, Step and the speed slider (slow motion → as fast as possible). */
import { useId } from 'react';
import type { Model } from '../../core/model';
import { t } from '../../i18n';
import { findModel } from '../../models/registry';
import { go, pause, resetToDefaults, setParam, setSpeed, setup, step } from '../session';
import { useApp } from '../store';
import { RunAnnouncer } from './RunAnnouncer';

/**
 * Past the horizon a run carries on by a year where the horizon is a live parameter `years`
 * (it moves nothing but the horizon, so the link of the longer run replays it exactly).
 */
function canRunAnotherYear(model: Model, years: unknown): boolean {
  const spec = model.params.years;
  return spec?.apply === 'live' && spec.kind === 'int' && typeof years === 'number' && years < spec.max;
}

function runAnotherYear(years: number, ticksPerYear: number): void {
  setParam('years', years + 1);
  step(ticksPerYear);
}

/** Speed slider positions: ticks per second; the last position means "as fast as possible". */
const SPEEDS = [1, 2, 5, 10, 30, 60, 120, 300, 1000, null] as const;

export function RunControls() {
  const status = useApp((s) => s.status);
  const ticksPerSecond = useApp((s) => s.ticksPerSecond);
  const modelId = useApp((s) => s.modelId);
  const model = findModel(modelId)!;
  const ticksPerYear = model.ticksPerYear;
  const years = useApp((s) => s.appliedParams.years);
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
        {ticksPerYear && status === 'horizon' && canRunAnotherYear(model, years) && (
          <button type="button" onClick={() => runAnotherYear(years as number, ticksPerYear)}>
            {t('control.anotherYear')}
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
      <RunAnnouncer />
    </div>
  );
}
