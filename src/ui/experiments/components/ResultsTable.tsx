/** The table of runs: sortable by any column, filtered by a text, the first rows shown. */
import { useId, useMemo, useState } from 'react';
import { t } from '../../../i18n';
import type { ResultRow } from '../resultRows';
import type { ReporterFormat } from '../../../core/model';
import { formatValue } from '../../reporterFormat';
import type { Value } from '../../../core/experiment/schema';

const SHOWN = 200;

interface Column {
  readonly key: string;
  readonly label: string;
  readonly value: (row: ResultRow) => number | string | boolean | null;
  /** A reporter column's format; undefined for the run's own columns, shown as they are. */
  readonly format?: ReporterFormat;
  /** How a parameter column's value reads (a choice by its option's word); undefined: as it is. */
  readonly text?: (row: ResultRow) => string;
}

/** A cell's text as shown. */
function cellText(column: Column, row: ResultRow): string {
  if (column.text) return column.text(row);
  const v = column.value(row);
  return typeof v === 'number' && column.format ? formatValue(v, column.format) : String(v ?? '—');
}

export function ResultsTable({
  rows,
  params,
  labels,
  valueText,
  reporters,
  formats,
}: {
  rows: readonly ResultRow[];
  params: readonly string[];
  labels: Readonly<Record<string, string>>;
  valueText: (param: string, value: Value) => string;
  /** The recorded reporters: their ids (`share.v2`) and labels ("Share: Cirrus"). */
  reporters: readonly { name: string; label: string }[];
  /** Aligned with `reporters`. */
  formats: readonly ReporterFormat[];
}) {
  const filterId = useId();
  const [sort, setSort] = useState<{ key: string; descending: boolean }>({ key: 'run', descending: false });
  const [filter, setFilter] = useState('');
  const columns: Column[] = useMemo(
    () => [
      { key: 'run', label: t('exp.col.run'), value: (r) => r.run },
      { key: 'repetition', label: t('exp.col.repetition'), value: (r) => r.repetition },
      { key: 'seed', label: t('exp.col.seed'), value: (r) => r.seed },
      ...params.map((p) => ({
        key: `p:${p}`,
        label: labels[p] ?? p,
        value: (r: ResultRow) => r.values[p],
        text: (r: ResultRow) => valueText(p, r.values[p]),
      })),
      {
        key: 'status',
        label: t('exp.col.status'),
        value: (r) => (r.status === 'ok' ? t('exp.run.ok') : t('exp.run.failed', { error: r.error })),
      },
      ...reporters.map(({ name, label }, i) => ({
        key: `r:${name}`,
        label,
        value: (r: ResultRow) => r.final[i],
        format: formats[i],
      })),
    ],
    [params, labels, valueText, reporters, formats],
  );
  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const column = columns.find((c) => c.key === sort.key) ?? columns[0];
    const kept = needle
      ? rows.filter((r) =>
          // The value as recorded or as shown: "aggressive" finds the runs shown as 激进 too.
          columns.some((c) =>
            [String(c.value(r) ?? ''), c.text?.(r) ?? ''].some((text) => text.toLowerCase().includes(needle)),
          ),
        )
      : [...rows];
    kept.sort((a, b) => {
      const x = column.value(a);
      const y = column.value(b);
      const order = x === y ? 0 : x === null ? 1 : y === null ? -1 : x < y ? -1 : 1;
      return sort.descending ? -order : order;
    });
    return kept;
  }, [rows, columns, sort, filter]);
  return (
    <div className="exp-table">
      <label htmlFor={filterId}>{t('exp.filter')}</label>{' '}
      <input id={filterId} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
      <span className="exp-count">
        {t('exp.showing', { shown: Math.min(SHOWN, shown.length), total: shown.length })}
      </span>
      <div className="table-scroll">
        <table aria-label={t('exp.runsTable')}>
          <thead>
            <tr>
              {columns.map((c) => (
                <th
                  key={c.key}
                  aria-sort={sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}
                >
                  <button
                    type="button"
                    onClick={() => setSort({ key: c.key, descending: sort.key === c.key && !sort.descending })}
                  >
                    {c.label}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, SHOWN).map((r) => (
              <tr key={r.run} className={r.status === 'failed' ? 'failed' : undefined}>
                {columns.map((c) => (
                  <td key={c.key}>{cellText(c, r)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
