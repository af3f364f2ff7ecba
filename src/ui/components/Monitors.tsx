/** NetLogo-style monitors: the tick, the status of the run and the fingerprint of the displayed tick. */
import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { t } from '../../i18n';
import { useApp } from '../store';

function Monitor({ label, value, wide }: { label: string; value: string; wide?: boolean }) {
  const id = useId();
  return (
    <div className={`monitor${wide ? ' wide' : ''}`}>
      <span id={id} className="monitor-label">
        {label}
      </span>
      {/* Not a live region: a tick counter announced many times a second helps nobody. */}
      <output aria-labelledby={id} aria-live="off" className="monitor-value">
        {value}
      </output>
    </div>
  );
}

function statusText(status: string, tick: number): string {
  switch (status) {
    case 'running':
      return t('status.running');
    case 'paused':
      return t('status.paused');
    case 'stopped':
      return t('status.stopped', { tick });
    case 'horizon':
      return t('status.atHorizon', { tick });
    default:
      return t('status.starting');
  }
}

export function Monitors() {
  const { tick, status, fingerprint } = useApp(useShallow((s) => ({ tick: s.tick, status: s.status, fingerprint: s.fingerprint })));
  return (
    <div className="monitors">
      <Monitor label={t('monitor.tick')} value={String(tick)} />
      <Monitor label={t('monitor.fingerprint')} value={fingerprint ?? '…'} wide />
      <p className="status" role="status">
        {statusText(status, tick)}
      </p>
    </div>
  );
}
