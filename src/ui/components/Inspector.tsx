/** The inspector: every attribute of the agent clicked in the view, live as the model runs. */
import { Fragment, useEffect, useState } from 'react';
import type { Explanation, Model } from '../../core/model';
import { t, tModel, tModelText } from '../../i18n';
import { latestFrame, subscribeFrames } from '../frameBus';
import { inspect } from '../session';
import { useApp } from '../store';

const WHOLE = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });

/** camelCase column names as words: "qualityRequirement" → "quality requirement". */
function words(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

function formatValue(v: number): string {
  if (Number.isInteger(v)) return String(v);
  return Math.abs(v) >= 1000 ? WHOLE.format(v) : v.toPrecision(4);
}

const TERM = new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const PERCENT = new Intl.NumberFormat('en', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** The model's "why" for the inspected agent: a row per alternative, the current one in bold. */
function ExplanationTable({ model, explanation }: { model: Model; explanation: Explanation }) {
  const say = (text: Explanation['title']) => tModelText(model.id, text);
  return (
    <section className="explanation" aria-label={say(explanation.title)}>
      <h4>{say(explanation.title)}</h4>
      <div className="table-scroll">
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
  return (
    <section className="inspector" aria-label={t('inspector.title')}>
      <h3>
        {layer?.label ?? inspected.agents} #{inspected.id}
        <button type="button" aria-label={t('inspector.close')} onClick={() => inspect(null)}>
          ×
        </button>
      </h3>
      {values === undefined ? null : values === null ? (
        <p>{t('inspector.gone')}</p>
      ) : (
        <>
          {current?.explanation && <ExplanationTable model={model} explanation={current.explanation} />}
          <dl>
            {Object.entries(values).map(([name, value]) => (
              <Fragment key={name}>
                <dt>{tModel(model.id, `column.${inspected.agents}.${name}`, words(name))}</dt>
                <dd>
                  {model.describe?.(inspected.agents, name, value, useApp.getState().appliedParams) ??
                    formatValue(value)}
                </dd>
              </Fragment>
            ))}
          </dl>
        </>
      )}
    </section>
  );
}
