/** NetLogo-style monitors: the tick, the status of the run and the fingerprint of the displayed tick. */
import { useId, useMemo } from 'react';
import { plotSeries, reportersFor } from '../../core/model';
import { t, tModel } from '../../i18n';
import { findModel } from '../../models/registry';
import { reporterLog } from '../frameBus';
import { formatMonitor } from '../reporterFormat';
import { dateOfTick } from '../calendar';
import { useApp } from '../store';

function Monitor({ label, value, size }: { label: string; value: string; size?: 'wide' | 'full' }) {
  const id = useId();
  return (
    <div className={`monitor${size ? ` ${size}` : ''}`}>
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

function ModelMonitors() {
  const modelId = useApp((s) => s.modelId);
  const params = useApp((s) => s.appliedParams);
  useApp((s) => s.plotVersion); // refresh with the plots, a few times a second
  const model = findModel(modelId)!;
  const reporters = useMemo(() => reportersFor(model, params), [model, params]);
  const names = useMemo(
    () =>
      plotSeries(
        { id: 'monitors', title: '', series: model.monitors ?? [] },
        reporters.map((r) => r.name),
      ),
    [model, reporters],
  );
  const log = reporterLog();
  return (
    <>
      {names.map((name) => {
        const decl = reporters.find((r) => r.name === name)!;
        const column = log.names.includes(name) ? log.column(name) : null;
        const value = column && column.length ? column[column.length - 1] : undefined;
        return (
          <Monitor
            key={name}
            label={tModel(model.id, `reporter.${name}.label`, decl.label)}
            value={formatMonitor(value, decl.format)}
          />
        );
      })}
    </>
  );
}

/** Tick and Date: right under Go, where a teacher looks on every screen. */
export function Clock() {
  const tick = useApp((s) => s.tick);
  const modelId = useApp((s) => s.modelId);
  const ticksPerYear = findModel(modelId)?.ticksPerYear;
  return (
    <div className="monitors clock">
      <Monitor label={t('monitor.tick')} value={String(tick)} />
      {ticksPerYear && <Monitor label={t('monitor.date')} value={dateOfTick(tick, ticksPerYear)} size="wide" />}
    </div>
  );
}

/** The run's fingerprint and status, then the model's monitors. */
export function Monitors() {
  const tick = useApp((s) => s.tick);
  const status = useApp((s) => s.status);
  const fingerprint = useApp((s) => s.fingerprint);
  return (
    <div className="monitors">
      <Monitor label={t('monitor.fingerprint')} value={fingerprint ?? '…'} size="full" />
      {/* Not live: RunAnnouncer says the run's changes once each, in words for the ear. */}
      <p className="status" role="status" aria-live="off">
        {statusText(status, tick)}
      </p>
      <ModelMonitors />
    </div>
  );
}
