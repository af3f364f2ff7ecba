/**
 * A grid of levers: a table's live columns (for the cloud market each vendor's strategy, target
 * margin and price band), one compact line per row under a shared header. Where a value comes
 * from and where a change goes is the caller's: the run's levers beside Go, or a fork's.
 */
import { Fragment, useState, type ReactNode } from 'react';
import type { Model } from '../../core/model';
import type { CellSpec, TableRow, TableSpec, TableValue } from '../../core/params';
import { cellPath, leverColumns } from '../../core/timedChanges';
import { tModel } from '../../i18n';
import { rowName } from '../tableCells';
import { localSpec } from '../localSpec';

/** The tables of a model that have live columns, by parameter name. */
export function leverTables(model: Model): [string, TableSpec][] {
  return Object.entries(model.params).filter(
    (entry): entry is [string, TableSpec] => entry[1].kind === 'table' && leverColumns(entry[1]).length > 0,
  );
}

/** One lever: a chooser, a switch or a number field sent when typed out. */
export function LeverInput({
  spec,
  label,
  value,
  onChange,
}: {
  spec: CellSpec;
  label: string;
  value: unknown;
  onChange: (value: unknown) => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  if (spec.kind === 'choice') {
    return (
      <select aria-label={label} value={value as string} onChange={(e) => onChange(e.target.value)}>
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
        onChange={(e) => onChange(e.target.checked)}
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
    if (draft.trim() !== '' && Number.isFinite(n) && n !== value) onChange(n);
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

/** The grid of one table: `lever` draws the control of a cell, given its path. */
export function LeverGrid({
  model,
  name,
  spec,
  table,
  lever,
}: {
  model: Model;
  name: string;
  spec: TableSpec;
  table: TableValue;
  lever: (path: string, cell: CellSpec, row: TableRow, column: string) => ReactNode;
}) {
  const columns = leverColumns(localSpec(model, `param.${name}`, spec));
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
          <span className="lever-row-name" data-row={rowName(row)}>
            {rowName(row)}
          </span>
          {columns.map(([column, cell]) => (
            <Fragment key={column}>{lever(cellPath(name, row.id, column), cell, row, column)}</Fragment>
          ))}
        </Fragment>
      ))}
    </div>
  );
}
