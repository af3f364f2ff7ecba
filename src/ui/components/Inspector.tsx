/** The inspector: every attribute of the agent clicked in the view, live as the model runs. */
import { Fragment, useEffect, useState } from 'react';
import type { Explanation, LayerPortrayal, Model } from '../../core/model';
import { t, tModel, tModelText } from '../../i18n';
import { latestFrame, subscribeFrames } from '../frameBus';
import { formatValue } from '../reporterFormat';
import { inspect } from '../session';
import { useApp } from '../store';

/** camelCase column names as words: "qualityRequirement" → "quality requirement". */
function words(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/** A field's number, readable: thousands grouped, at most 4 significant digits, millions compact. */
function formatField(v: number): string {
  return formatValue(v, Number.isInteger(v) ? 'count' : 'plain');
}

interface Field {
  readonly column: string;
  readonly label: string;
}

/** The fields a student reads (the layer's `inspect`, in order) and the model's internals (the rest). */
function fieldsOf(layer: LayerPortrayal | undefined, columns: readonly string[]): { main: Field[]; details: Field[] } {
  const named = (layer?.inspect ?? []).map((f) => (typeof f === 'string' ? { column: f, label: words(f) } : f));
  const main = named.filter((f) => columns.includes(f.column));
  if (!layer?.inspect) return { main: columns.map((c) => ({ column: c, label: words(c) })), details: [] };
  const shown = new Set(main.map((f) => f.column));
  return { main, details: columns.filter((c) => !shown.has(c)).map((c) => ({ column: c, label: words(c) })) };
}

const TERM = new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const PERCENT = new Intl.NumberFormat('en', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** The model's "why" for the inspected agent: a row per alternative, the current one in bold. */
function ExplanationTable({ model, explanation }: { model: Model; explanation: Explanation }) {
  const say = (text: Explanation['title']) => tModelText(model.id, text);
  return (
    <section className="explanation" aria-label={say(explanation.title)}>
      <h4>{say(explanation.title)}</h4>
      {/* Focusable: the table scrolls in its card, and the keyboard must scroll it too. */}
      <div className="table-scroll" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{say(explanation.rowHeader)}</th>
              {explanation.columns.map((c) => (
                <th scope="col" key={c.text.path}>
                  {say(c.text)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {explanation.rows.map((row, r) => (
              <tr key={r} className={row.current ? 'current' : undefined}>
                <th scope="row">
                  {typeof row.label === 'string' ? row.label : say(row.label)}
                  {row.current ? ` (${t('inspector.current')})` : ''}
                </th>
                {row.values.map((v, c) => (
                  <td key={c}>{explanation.columns[c]?.percent ? PERCENT.format(v) : TERM.format(v)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {explanation.notes.map((note) => (
        <p key={note.path}>{say(note)}</p>
      ))}
    </section>
  );
}

/** The model's words for a coded value (e.g. a strategy), in the current locale; a row's own name stays as typed. */
function describe(model: Model, agents: string, column: string, value: number): string | undefined {
  const word = model.describe?.(agents, column, value, useApp.getState().appliedParams);
  return word === undefined ? undefined : tModel(model.id, `describe.${word}`, word);
}

function FieldList(props: {
  model: Model;
  agents: string;
  fields: readonly Field[];
  values: Readonly<Record<string, number>>;
}) {
  const { model, agents, fields, values } = props;
  return (
    <dl>
      {fields.map(({ column, label }) => (
        <Fragment key={column}>
          <dt>{tModel(model.id, `column.${agents}.${column}`, label)}</dt>
          <dd>{describe(model, agents, column, values[column]) ?? formatField(values[column])}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

export function Inspector({ model }: { model: Model }) {
  const inspected = useApp((s) => s.inspected);
  const [, setVersion] = useState(0);
  // Re-render with each frame only while an agent is open: the hint needs no frames.
  useEffect(() => (inspected ? subscribeFrames(() => setVersion((v) => v + 1)) : undefined), [inspected]);
  if (!inspected) return <p className="inspector-hint">{t('inspector.hint')}</p>;
  const frame = latestFrame();
  const current =
    frame?.inspected && frame.inspected.agents === inspected.agents && frame.inspected.id === inspected.id
      ? frame.inspected
      : undefined;
  const values = current?.values;
  const layer = model.portrayal(useApp.getState().appliedParams).layers.find((l) => l.agents === inspected.agents);
  const fields = fieldsOf(layer, values ? Object.keys(values) : []);
  return (
    <section className="inspector" aria-label={t('inspector.title')}>
      <h3>
        {layer ? tModel(model.id, `layer.${layer.agents}`, layer.label) : inspected.agents} #{inspected.id}
        <button type="button" aria-label={t('inspector.close')} onClick={() => inspect(null)}>
          ×
        </button>
      </h3>
      {values === undefined ? null : values === null ? (
        <p>{t('inspector.gone')}</p>
      ) : (
        <>
          {current?.explanation && <ExplanationTable model={model} explanation={current.explanation} />}
          <FieldList model={model} agents={inspected.agents} fields={fields.main} values={values} />
          {fields.details.length > 0 && (
            <details className="inspector-details">
              <summary>{t('inspector.details')}</summary>
              <FieldList model={model} agents={inspected.agents} fields={fields.details} values={values} />
            </details>
          )}
        </>
      )}
    </section>
  );
}
