/** Run, pause, resume, cancel; workers; a progress bar with runs done, elapsed and remaining time. */
import { useEffect, useId, useState } from 'react';
import { t } from '../../../i18n';
import { displayText } from '../../../core/safeText';
import {
  cancelExperiment,
  dismissNotice,
  pauseExperiment,
  resumeExperiment,
  setWorkers,
  startExperiment,
} from '../experimentSession';
import { useExperiments } from '../experimentStore';

function duration(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  const s = Math.round(ms / 1000);
  return s < 60 ? t('exp.seconds', { s }) : t('exp.minutes', { m: Math.floor(s / 60), s: s % 60 });
}

/** Re-renders twice a second while running, so the clock moves between batches of results. */
function useTicking(active: boolean): void {
  const [, setNow] = useState(0);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow((n) => n + 1), 500);
    return () => clearInterval(timer);
  }, [active]);
}

export function ExperimentProgress({ canRun }: { canRun: boolean }) {
  const s = useExperiments();
  const workersId = useId();
  const running = s.status === 'running';
  useTicking(running);
  const done = s.outcomes.length;
  const failed = s.outcomes.filter((o) => o.status === 'failed').length;
  const ranHere = done - s.restored;
  const remainingMs = ranHere > 0 ? (s.elapsedMs / ranHere) * (s.total - done) : NaN;
  const busy = running || s.status === 'paused';
  return (
    <section className="exp-progress" aria-label={t('exp.run')}>
      <div className="buttons">
        <button type="button" className="primary" disabled={!canRun || busy} onClick={() => void startExperiment()}>
          {t('exp.start')}
        </button>
        {running && (
          <button type="button" onClick={pauseExperiment}>
            {t('control.pause')}
          </button>
        )}
        {s.status === 'paused' && (
          <button type="button" onClick={resumeExperiment}>
            {t('exp.resume')}
          </button>
        )}
        <button type="button" disabled={!busy} onClick={cancelExperiment}>
          {t('exp.cancel')}
        </button>
        <label htmlFor={workersId}>{t('exp.workers')}</label>
        <input
          id={workersId}
          type="number"
          min={1}
          max={64}
          value={s.workers}
          onChange={(e) => setWorkers(Math.max(1, Math.min(64, Number(e.target.value) || 1)))}
        />
      </div>
      {s.active && (
        <>
          <progress max={s.total} value={done} aria-label={t('exp.progress')} />
          <p className="exp-status" role="status">
            {t(`exp.status.${s.status}`)} · {t('exp.runsDone', { done, total: s.total })}
            {failed > 0 && ` · ${t('exp.failed', { failed })}`} · {t('exp.elapsed', { time: duration(s.elapsedMs) })}
            {running && ` · ${t('exp.remaining', { time: duration(remainingMs) })}`}
          </p>
        </>
      )}
      {!s.persistent && (
        <p className="exp-warning" role="status">
          {t('exp.notKept')}
        </p>
      )}
      <div aria-live="polite">
        {s.notices.map((text) => (
          <p key={text} className="exp-notice" role="status">
            {displayText(text, { max: 2000 })}{' '}
            <button type="button" onClick={() => dismissNotice(text)}>
              {t('error.dismiss')}
            </button>
          </p>
        ))}
      </div>
    </section>
  );
}
