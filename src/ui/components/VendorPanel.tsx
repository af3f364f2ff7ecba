/**
 * The levers beside the view: the live cells of a model's tables (for the cloud market each
 * vendor's strategy, target margin and price band), changed mid-run from the current day, and
 * the scenario's timed changes on a timeline and in a list, with an action to erase them. A
 * model whose tables declare no live column shows only its timed changes, when it has some.
 */
import { extent } from '../../core/arrays';
import type { Model } from '../../core/model';
import type { CellSpec, TableSpec, TableValue } from '../../core/params';
import { t, tModel } from '../../i18n';
import { useLiveValue } from '../liveValues';
import { eraseTimedChanges, setLive } from '../session';
import { useApp } from '../store';
import { cellLabel } from '../tableCells';
import { LeverGrid, LeverInput, leverTables } from './LeverGrid';
import { changeMarks, describeChange } from '../timedChangeText';
import { showTimedChange, timedChangeId, Timeline, type TimelineMark } from './Timeline';

/** A lever of the run: its value now, a change applied live from the current day. */
function LiveLever({ model, path, spec, label }: { model: Model; path: string; spec: CellSpec; label: string }) {
  const value = useLiveValue(model, path);
  return <LeverInput spec={spec} label={label} value={value} onChange={(v) => setLive(path, v)} />;
}

function TableLevers({ model, name, spec }: { model: Model; name: string; spec: TableSpec }) {
  const table = useApp((s) => s.appliedParams[name]) as TableValue;
  return (
    <LeverGrid
      model={model}
      name={name}
      spec={spec}
      table={table}
      lever={(path, cell, row, column) => (
        <LiveLever model={model} path={path} spec={cell} label={cellLabel(model, name, column, cell, row)} />
      )}
    />
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
