/**
 * The fork's levers, under the base's while comparing: each live table cell (a vendor's
 * strategy, margin, price band) as it is in the fork; a change goes to the fork alone, at its
 * current day, and becomes one of the fork's timed changes.
 */
import type { Model } from '../../core/model';
import type { CellSpec, TableValue } from '../../core/params';
import { paramsAt, readPath } from '../../core/timedChanges';
import { t } from '../../i18n';
import { useApp } from '../store';
import { LeverGrid, LeverInput, leverTables } from '../components/LeverGrid';
import { cellLabel } from '../tableCells';
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

/** A lever of the fork: its value at the fork's day, a change sent to the fork alone. */
function ForkLever({ model, path, spec, label }: { model: Model; path: string; spec: CellSpec; label: string }) {
  const value = useForkValue(model, path);
  return <LeverInput spec={spec} label={label} value={value} onChange={(v) => setForkLive(path, v)} />;
}

export function ForkLevers({ model }: { model: Model }) {
  const active = useCompare((s) => s.active);
  const forkParams = useCompare((s) => s.forkParams);
  if (!active || !forkParams) return null;
  const tables = leverTables(model);
  if (tables.length === 0) return null;
  return (
    <section className="levers fork-levers" aria-label={t('compare.levers')}>
      <h2>{t('compare.levers')}</h2>
      {tables.map(([name, spec]) => (
        <LeverGrid
          key={name}
          model={model}
          name={name}
          spec={spec}
          table={forkParams[name] as TableValue}
          lever={(path, cell, row, column) => (
            <ForkLever
              model={model}
              path={path}
              spec={cell}
              label={`${t('compare.forkRun')}: ${cellLabel(model, name, column, cell, row)}`}
            />
          )}
        />
      ))}
    </section>
  );
}
