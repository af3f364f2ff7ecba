/**
 * Editors for table parameters (a model's vendors, suppliers, events): one row per entity,
 * one typed input per column, rows added with a fresh id (ids are never reused) and removed
 * with an Undo. Every input's accessible name says which column of which row it is.
 */
import { useState } from 'react';
import type { Model } from '../../core/model';
import {
  cellMeaning,
  validateValue,
  type CellMeaning,
  type CellSpec,
  type ParamSchema,
  type ParamValues,
  type TableRow,
  type TableSpec,
  type TableValue,
} from '../../core/params';
import { t, tModel } from '../../i18n';
import { setParam } from '../session';
import { useApp } from '../store';
import { cellLabel, meaningOptions, rowName } from '../tableCells';
import { notify } from '../notices';
import { changeMarks } from '../timedChangeText';
import { showTimedChange, Timeline, type TimelineMark } from './Timeline';
import { localSpec } from '../localSpec';
import { problemText } from '../problemText';

/** A number that stands for something (a vendor, a policy) chosen by its words; the number is what is stored. */
function MeaningSelect({
  meaning,
  value,
  label,
  onChange,
}: {
  meaning: CellMeaning;
  value: number;
  label: string;
  onChange: (v: number) => void;
}) {
  const params = useApp((s) => s.params);
  return (
    <select aria-label={label} value={String(value)} onChange={(e) => onChange(Number(e.target.value))}>
      {meaningOptions(meaning, params, value).map((o) => (
        <option key={o.value} value={String(o.value)}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

function Cell({
  spec,
  meaning,
  value,
  label,
  onChange,
}: {
  spec: CellSpec;
  meaning: CellMeaning | undefined;
  value: unknown;
  label: string;
  onChange: (v: unknown) => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const commit = (v: unknown, text: string | null) => {
    const checked = validateValue(spec, v, label);
    if (!checked.ok) {
      setDraft(text);
      setError(problemText(checked.errors[0].message.slice(label.length + 2)));
      return;
    }
    setDraft(null);
    setError(null);
    onChange(checked.value);
  };
  let input: React.ReactNode;
  if (meaning)
    input = <MeaningSelect meaning={meaning} value={value as number} label={label} onChange={(v) => commit(v, null)} />;
  else
    switch (spec.kind) {
      case 'choice':
        input = (
          <select aria-label={label} value={value as string} onChange={(e) => commit(e.target.value, null)}>
            {spec.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        );
        break;
      case 'boolean':
        input = (
          <input
            type="checkbox"
            aria-label={label}
            checked={value as boolean}
            onChange={(e) => commit(e.target.checked, null)}
          />
        );
        break;
      case 'text':
        input = (
          <input
            type="text"
            aria-label={label}
            value={value as string}
            maxLength={spec.maxLength}
            onChange={(e) => commit(e.target.value, null)}
          />
        );
        break;
      default:
        input = (
          <input
            type="number"
            aria-label={label}
            aria-invalid={error !== null}
            title={error ?? undefined}
            min={spec.min}
            max={spec.max}
            step={spec.kind === 'int' ? 1 : 'any'}
            value={draft ?? String(value)}
            onChange={(e) => commit(e.target.value === '' ? NaN : Number(e.target.value), e.target.value)}
          />
        );
    }
  return (
    <td className={error ? 'invalid' : undefined}>
      {input}
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </td>
  );
}

/** An event's mark in words, with whom it concerns: "Supply shock on day 730: All suppliers (#0)". */
function timelineText(
  row: TableRow,
  kind: string,
  columns: Record<string, CellSpec>,
  params: ParamValues<ParamSchema>,
): string {
  const day = row.day as number;
  for (const [column, cell] of Object.entries(columns)) {
    const meaning = cellMeaning(cell, row);
    const value = row[column];
    if (!meaning?.refersTo || typeof value !== 'number') continue;
    const subject = meaningOptions(meaning, params, value).find((o) => o.value === value)?.label ?? String(value);
    return t('table.timelineEventOf', { kind, day, subject, id: row.id });
  }
  return t('table.timelineEvent', { kind, day, id: row.id });
}

/**
 * A table whose rows have a `day` column (a model's events) also shows them on a timeline from
 * day 0 to the horizon, with the scenario's timed changes: an event's mark takes you to its row,
 * a timed change's to its entry in the list of timed changes.
 */
function EventTimeline({
  model,
  table,
  columns,
  label,
}: {
  model: Model;
  table: TableValue;
  columns: Record<string, CellSpec>;
  label: string;
}) {
  const base = useApp((s) => s.appliedParams);
  const changes = useApp((s) => s.changes);
  const horizon = model.horizon?.(useApp.getState().params) ?? 3650;
  const kinds = columns.kind;
  // Kinds by their words ("Supply shock"), not their codes.
  const kindOf = (row: TableRow) =>
    (kinds?.kind === 'choice' ? kinds.options.find((o) => o.value === row.kind)?.label : undefined) ??
    String(row.kind ?? '');
  const dated = table.rows.filter((r) => !(typeof r.perYear === 'number' && r.perYear > 0));
  const random = table.rows.length - dated.length;
  const marks: TimelineMark[] = dated.map((row) => ({
    key: `row-${row.id}`,
    day: row.day as number,
    text: timelineText(row, kindOf(row), columns, base),
    onActivate: () =>
      document
        .querySelector<HTMLInputElement>(
          `input[aria-label="${t('table.row', { column: columns.day.label, row: `#${row.id}` })}"]`,
        )
        ?.focus(),
  }));
  for (const mark of changeMarks(model, base, changes))
    marks.push({
      key: `change-${mark.first}`,
      day: mark.tick,
      text: t('timed.item', { day: mark.tick, text: mark.texts.join('; ') }),
      timed: true,
      onActivate: () => showTimedChange(mark.first),
    });
  return (
    <Timeline
      label={t('table.timeline', { table: label })}
      horizon={horizon}
      marks={marks}
      note={random > 0 ? t('table.randomEvents', { count: random }) : undefined}
    />
  );
}

function TableEditor({ model, name, spec }: { model: Model; name: string; spec: TableSpec }) {
  const table = useApp((s) => s.params[name]) as TableValue;
  const applied = useApp((s) => s.appliedParams[name]);
  const pending = JSON.stringify(table) !== JSON.stringify(applied);
  const label = tModel(model.id, `param.${name}.label`, spec.label);
  const columns = Object.entries(spec.columns);
  const update = (rows: readonly TableRow[], nextId = table.nextId) => setParam(name, { nextId, rows });
  const addRow = () => {
    const row: Record<string, unknown> = { id: table.nextId };
    for (const [key, cell] of columns) row[key] = cell.default;
    if ('name' in spec.columns) row.name = `${spec.columns.name.default} ${table.nextId + 1}`;
    // A new row gets a colour no other row has, while there is one.
    const color = spec.columns.color;
    if (color?.kind === 'choice')
      row.color = color.options.find((o) => !table.rows.some((r) => r.color === o.value))?.value ?? color.default;
    update([...table.rows, row as TableRow], table.nextId + 1);
  };
  const removeRow = (row: TableRow) => {
    const before = table;
    update(table.rows.filter((r) => r.id !== row.id));
    notify({
      kind: 'notice',
      say: () => t('table.removed', { row: rowName(row) }),
      action: { label: () => t('control.undo'), run: () => setParam(name, before) },
    });
  };
  return (
    <section className={`table-editor${pending ? ' pending' : ''}`} aria-label={label}>
      <h3>
        {label} <span className="apply">{pending ? t('control.pendingSetup') : t('control.needsSetup')}</span>
      </h3>
      {'day' in spec.columns && <EventTimeline model={model} table={table} columns={spec.columns} label={label} />}
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              {columns.map(([key, cell]) => (
                <th key={key} scope="col" title={cell.description}>
                  {tModel(model.id, `param.${name}.${key}.label`, cell.label)}
                  {cell.unit ? <span className="unit"> ({cell.unit})</span> : null}
                </th>
              ))}
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, i) => (
              <tr key={row.id}>
                {columns.map(([key, cell]) => (
                  <Cell
                    key={key}
                    spec={cell}
                    meaning={cellMeaning(cell, row)}
                    value={row[key]}
                    label={
                      // A live cell's own control is beside the view (VendorPanel); this one sets the day-0 value.
                      cell.apply === 'live'
                        ? t('table.rowAtSetup', { label: cellLabel(model, name, key, cell, row) })
                        : cellLabel(model, name, key, cell, row)
                    }
                    onChange={(v) => update(table.rows.map((r, j) => (j === i ? ({ ...r, [key]: v } as TableRow) : r)))}
                  />
                ))}
                <td>
                  <button type="button" onClick={() => removeRow(row)} disabled={table.rows.length <= spec.minRows}>
                    {t('table.remove', { row: rowName(row) })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button type="button" onClick={addRow} disabled={table.rows.length >= spec.maxRows}>
        {t('table.add', { table: label })}
      </button>
    </section>
  );
}

/** Every table parameter of the model, full width under the main panels. */
export function TablesPanel({ model }: { model: Model }) {
  const tables = Object.entries(model.params).filter(
    (entry): entry is [string, TableSpec] => entry[1].kind === 'table',
  );
  if (tables.length === 0) return null;
  return (
    <section className="panel tables">
      {tables.map(([name, spec]) => (
        <TableEditor
          key={`${model.id}.${name}`}
          model={model}
          name={name}
          spec={localSpec(model, `param.${name}`, spec)}
        />
      ))}
    </section>
  );
}
