/**
 * The fork's levers, under the base's while comparing: each live table cell (a vendor's
 * strategy, margin, price band) as it is in the fork; a change goes to the fork alone, at its
 * current day, and becomes one of the fork's timed changes.
 */
import { Fragment, useState } from 'react';
import type { Model } from '../../core/model';
import type { CellSpec, TableSpec, TableValue } from '../../core/params';
import { cellPath, leverColumns, paramsAt, readPath } from '../../core/timedChanges';
import { t, tModel } from '../../i18n';
import { useApp } from '../store';
import { cellLabel, rowName } from '../tableCells';
import { forkRunChanges } from './compareSession';
import { useCompare } from './compareStore';
import { setForkLive } from './forkRun';

function useForkValue(model: Model, path: string): unknown {
  const pending = useCompare((s) => s.pendingLive);
  const forkParams = useCompare((s) => s.forkParams);
  // The value at the fork's day changes only when one more timed change applies: the lever
  // re-renders then, not at every frame of a running fork.
  useCompare((s) => forkRunChanges().filter((c) => c.tick <= s.tick).length);
  useCompare((s) => s.changes);
  useApp((s) => s.changes);
  if (Object.hasOwn(pending, path)) return pending[path];
  const { tick } = useCompare.getState();
  return forkParams ? readPath(paramsAt(model.params, forkParams, forkRunChanges(), tick), path) : undefined;
}

function ForkLever({ model, path, spec, label }: { model: Model; path: string; spec: CellSpec; label: string }) {
  const value = useForkValue(model, path);
  const [draft, setDraft] = useState<string | null>(null);
  if (spec.kind === 'choice') {
    return (
      <select aria-label={label} value={value as string} onChange={(e) => setForkLive(path, e.target.value)}>
        {spec.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  }
  if (spec.kind === 'boolean') {
    return (
      <input
        type="checkbox"
        aria-label={label}
        checked={value as boolean}
        onChange={(e) => setForkLive(path, e.target.checked)}
      />
    );
  }
  if (spec.kind === 'text') return null;
  // Sent when typed out, not at every keystroke: each would be a timed change of its own.
  const commit = () => {
    if (draft === null) return;
    const n = Number(draft);
    setDraft(null);
    if (draft.trim() !== '' && Number.isFinite(n) && n !== value) setForkLive(path, n);
  };
  return (
    <input
      type="number"
      aria-label={label}
      min={spec.min}
      max={spec.max}
      step={spec.kind === 'int' ? 1 : 'any'}
      value={draft ?? String(value)}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
    />
  );
}

export function ForkLevers({ model }: { model: Model }) {
  const active = useCompare((s) => s.active);
  const forkParams = useCompare((s) => s.forkParams);
  if (!active || !forkParams) return null;
  const tables = Object.entries(model.params).filter(
    (entry): entry is [string, TableSpec] => entry[1].kind === 'table' && leverColumns(entry[1]).length > 0,
  );
  if (tables.length === 0) return null;
  return (
    <section className="levers fork-levers" aria-label={t('compare.levers')}>
      <h2>{t('compare.levers')}</h2>
      {tables.map(([name, spec]) => {
        const columns = leverColumns(spec);
        const template = [
          'auto',
          ...columns.map(([, c]) =>
            c.kind === 'choice' ? 'minmax(5em, 2.4fr)' : 'minmax(var(--lever-number-min, 2.2em), 1fr)',
          ),
        ];
        return (
          <div key={name} className="lever-grid" style={{ gridTemplateColumns: template.join(' ') }}>
            <span aria-hidden="true" />
            {columns.map(([column, cell]) => (
              <span key={column} className="lever-head" aria-hidden="true">
                {tModel(model.id, `param.${name}.${column}.label`, cell.label)}
              </span>
            ))}
            {(forkParams[name] as TableValue).rows.map((row) => (
              <Fragment key={row.id}>
                <span className="lever-row-name">{rowName(row)}</span>
                {columns.map(([column, cell]) => (
                  <ForkLever
                    key={column}
                    model={model}
                    path={cellPath(name, row.id, column)}
                    spec={cell}
                    label={`${t('compare.forkRun')}: ${cellLabel(model, name, column, cell, row)}`}
                  />
                ))}
              </Fragment>
            ))}
          </div>
        );
      })}
    </section>
  );
}
