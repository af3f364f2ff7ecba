/**
 * The levers beside the view: the live cells of a model's tables (for the cloud market each
 * vendor's strategy, target margin and price band), changed mid-run from the current day, and
 * the scenario's timed changes on a timeline and in a list, with an action to erase them. A
 * model whose tables declare no live column shows only its timed changes, when it has some.
 */
import { Fragment, useState } from 'react';
import { extent } from '../../core/arrays';
import type { Model } from '../../core/model';
import type { CellSpec, TableSpec, TableValue } from '../../core/params';
import { cellPath, leverColumns } from '../../core/timedChanges';
import { t, tModel } from '../../i18n';
import { useLiveValue } from '../liveValues';
import { eraseTimedChanges, setLive } from '../session';
import { useApp } from '../store';
import { cellLabel, rowName } from '../tableCells';
import { changeMarks, describeChange } from '../timedChangeText';
import { showTimedChange, timedChangeId, Timeline, type TimelineMark } from './Timeline';

function LeverInput({ model, path, spec, label }: { model: Model; path: string; spec: CellSpec; label: string }) {
  const value = useLiveValue(model, path);
  const [draft, setDraft] = useState<string | null>(null);
  if (spec.kind === 'choice') {
    return (
      <select aria-label={label} value={value as string} onChange={(e) => setLive(path, e.target.value)}>
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
        onChange={(e) => setLive(path, e.target.checked)}
      />
    );
  }
  if (spec.kind === 'text') return null;
  // A number is sent when typed out (Enter or leaving the field), not at every keystroke:
  // each would be a timed change of its own.
  const commit = () => {
    if (draft === null) return;
    const n = Number(draft);
    setDraft(null);
    if (draft.trim() !== '' && Number.isFinite(n) && n !== value) setLive(path, n);
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

/** One line per row: its name, then one input per live column under a shared header. */
function TableLevers({ model, name, spec }: { model: Model; name: string; spec: TableSpec }) {
  const table = useApp((s) => s.appliedParams[name]) as TableValue;
  const columns = leverColumns(spec);
  // Choices take the room they need; numbers share the rest (at least 44 px each on a touch screen, see app.css).
  const template = [
    'auto',
    ...columns.map(([, c]) =>
      c.kind === 'choice' ? 'minmax(5em, 2.4fr)' : 'minmax(var(--lever-number-min, 2.2em), 1fr)',
    ),
  ];
  return (
    <div className="lever-grid" style={{ gridTemplateColumns: template.join(' ') }}>
      <span aria-hidden="true" />
      {columns.map(([column, cell]) => (
        <span key={column} className="lever-head" aria-hidden="true" title={cell.description}>
          {tModel(model.id, `param.${name}.${column}.label`, cell.label)}
          {cell.unit ? ` (${cell.unit})` : ''}
        </span>
      ))}
      {table.rows.map((row) => (
        <Fragment key={row.id}>
          <span className="lever-row-name">{rowName(row)}</span>
          {columns.map(([column, cell]) => (
            <LeverInput
              key={column}
              model={model}
              path={cellPath(name, row.id, column)}
              spec={cell}
              label={cellLabel(model, name, column, cell, row)}
            />
          ))}
        </Fragment>
      ))}
    </div>
  );
}

/** The run's timed changes (list, timeline, erase), for a model with levers or with changes to show. */
export function TimedChanges({ model }: { model: Model }) {
  const changes = useApp((s) => s.changes);
  const shown = changes.length > 0 || leverTables(model).length > 0;
  const base = useApp((s) => s.appliedParams);
  const horizon = model.horizon?.(base) ?? Math.max(1, extent(changes.map((c) => c.tick))[1]);
  if (!shown) return null;
  const marks: TimelineMark[] = changeMarks(model, base, changes).map((mark) => ({
    key: String(mark.first),
    day: mark.tick,
    text: t('timed.item', { day: mark.tick, text: mark.texts.join('; ') }),
    timed: true,
    onActivate: () => showTimedChange(mark.first),
  }));
  return (
    <section className="timed-changes" aria-label={t('timed.title', { count: changes.length })}>
      <h3>{t('timed.title', { count: changes.length })}</h3>
      {changes.length === 0 ? (
        <p className="hint">{t('timed.none')}</p>
      ) : (
        <>
          <Timeline label={t('timed.timeline')} horizon={horizon} marks={marks} />
          <ol className="timed-list">
            {changes.map((c, i) => (
              // Focusable: the marks on the timelines and plots lead here.
              <li key={i} id={timedChangeId(i)} tabIndex={-1}>
                {t('timed.item', { day: c.tick, text: describeChange(model, base, c) })}
              </li>
            ))}
          </ol>
          <button type="button" onClick={eraseTimedChanges}>
            {t('timed.erase')}
          </button>
        </>
      )}
    </section>
  );
}

function leverTables(model: Model): [string, TableSpec][] {
  return Object.entries(model.params).filter(
    (entry): entry is [string, TableSpec] => entry[1].kind === 'table' && leverColumns(entry[1]).length > 0,
  );
}

/**
 * The levers beside Go: each table's live columns, one compact row per table row; nothing for a
 * model without them. Changes made here join the scenario as timed changes (see TimedChanges).
 */
export function VendorPanel({ model }: { model: Model }) {
  const tables = leverTables(model);
  if (tables.length === 0) return null;
  return (
    <section className="levers" aria-label={t('levers.title')}>
      {tables.map(([name, spec]) => (
        <section key={`${model.id}.${name}`} aria-labelledby={`levers-${name}`}>
          <h2 id={`levers-${name}`}>
            {t('levers.table', { table: tModel(model.id, `param.${name}.label`, spec.label) })}
          </h2>
          <p className="hint">{t('levers.hint')}</p>
          <TableLevers model={model} name={name} spec={spec} />
        </section>
      ))}
    </section>
  );
}
