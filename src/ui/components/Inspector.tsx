/** The inspector: every attribute of the agent clicked in the view, live as the model runs. */
import { Fragment, useEffect, useState } from 'react';
import type { Model } from '../../core/model';
import { t } from '../../i18n';
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

export function Inspector({ model }: { model: Model }) {
  const inspected = useApp((s) => s.inspected);
  const [, setVersion] = useState(0);
  useEffect(() => subscribeFrames(() => setVersion((v) => v + 1)), []);
  if (!inspected) return <p className="inspector-hint">{t('inspector.hint')}</p>;
  const frame = latestFrame();
  const values = frame?.inspected && frame.inspected.agents === inspected.agents && frame.inspected.id === inspected.id ? frame.inspected.values : undefined;
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
        <dl>
          {Object.entries(values).map(([name, value]) => (
            <Fragment key={name}>
              <dt>{words(name)}</dt>
              <dd>{model.describe?.(inspected.agents, name, value, useApp.getState().appliedParams) ?? formatValue(value)}</dd>
            </Fragment>
          ))}
        </dl>
      )}
    </section>
  );
}
