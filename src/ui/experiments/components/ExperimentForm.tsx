/** The experiment form: name, base scenario, varied parameters, repetitions, horizon, recording, stop condition. */
import { useId, useMemo } from 'react';
import type { Experiment, Variation } from '../../../core/experiment/schema';
import { parseScenario } from '../../../core/scenario';
import { t, tModel } from '../../../i18n';
import { findModel } from '../../../models/registry';
import { scenarioOnDisplay } from '../../scenarioSession';
import { setDraft } from '../experimentSession';
import { parseValuesText, valuesText, valueTextOfPath, variableParams } from '../paramPaths';
import { UncertainSummary } from './UncertainSummary';

function Field({ label, children }: { label: string; children: (id: string) => React.ReactNode }) {
  const id = useId();
  return (
    <div className="exp-field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}

const intOrUndefined = (text: string) => (text.trim() === '' ? undefined : Number(text));

export function ExperimentForm({
  draft,
  problems,
  locked,
}: {
  draft: Experiment;
  problems: readonly string[];
  locked: boolean;
}) {
  const scenario = useMemo(() => parseScenario(draft.scenario, findModel), [draft.scenario]);
  const model = scenario.ok ? scenario.value.model : null;
  const choices = useMemo(
    () => (scenario.ok ? variableParams(scenario.value.model, scenario.value.params) : []),
    [scenario],
  );
  const update = (change: Partial<Experiment>) => setDraft({ ...draft, ...change });
  const updateVariation = (i: number, change: Partial<Variation>) =>
    update({ vary: draft.vary.map((v, k) => (k === i ? { ...v, ...change } : v)) });
  const specOf = (path: string) => choices.find((c) => c.path === path)?.spec;
  const changed = scenario.ok ? Object.keys(draft.scenario.params ?? {}).length : 0;
  return (
    <fieldset className="exp-form" disabled={locked}>
      <legend>{t('exp.form')}</legend>
      <Field label={t('exp.name')}>
        {(id) => (
          <input
            id={id}
            type="text"
            value={draft.name}
            maxLength={200}
            onChange={(e) => update({ name: e.target.value })}
          />
        )}
      </Field>
      <div className="exp-field">
        <span>{t('exp.baseScenario')}</span>
        <span className="exp-scenario">
          {model
            ? t('exp.scenarioSummary', {
                model: tModel(model.id, 'title', model.title),
                seed: draft.scenario.seed,
                changed,
              })
            : t('exp.noScenario')}
          <button type="button" onClick={() => update({ scenario: scenarioOnDisplay(true) })}>
            {t('exp.useSandbox')}
          </button>
        </span>
      </div>
      <table className="exp-vary">
        <caption>{t('exp.varied')}</caption>
        <thead>
          <tr>
            <th>{t('exp.parameter')}</th>
            <th>{t('exp.values')}</th>
            <th>{t('exp.compared')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {draft.vary.map((v, i) => {
            const spec = specOf(v.param);
            const label = choices.find((c) => c.path === v.param)?.label ?? v.param;
            return (
              <tr key={i}>
                <td>
                  <select
                    aria-label={t('exp.parameterOf', { n: i + 1 })}
                    value={v.param}
                    onChange={(e) => {
                      const choice = choices.find((c) => c.path === e.target.value)!;
                      updateVariation(i, {
                        param: choice.path,
                        values: [...choice.initial],
                        range: undefined,
                        compare: choice.spec.kind === 'choice' || choice.spec.kind === 'boolean',
                      });
                    }}
                  >
                    {choices.map((c) => (
                      <option key={c.path} value={c.path}>
                        {c.label}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    key={v.param}
                    type="text"
                    aria-label={t('exp.valuesOf', { param: label })}
                    defaultValue={valuesText(v)}
                    placeholder={spec?.kind === 'int' || spec?.kind === 'float' ? t('exp.valuesExample') : ''}
                    onChange={(e) =>
                      spec &&
                      updateVariation(i, {
                        values: undefined,
                        range: undefined,
                        ...parseValuesText(e.target.value, spec),
                      })
                    }
                  />
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('exp.comparedOf', { param: label })}
                    checked={v.compare === true}
                    onChange={(e) => updateVariation(i, { compare: e.target.checked })}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    aria-label={t('exp.removeVaried', { param: label })}
                    onClick={() => update({ vary: draft.vary.filter((_, k) => k !== i) })}
                  >
                    ×
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button
        type="button"
        disabled={choices.length === 0}
        onClick={() => {
          const used = new Set(draft.vary.map((v) => v.param));
          const choice = choices.find((c) => !used.has(c.path)) ?? choices[0];
          update({
            vary: [
              ...draft.vary,
              {
                param: choice.path,
                values: [...choice.initial],
                compare: choice.spec.kind === 'choice' || choice.spec.kind === 'boolean',
              },
            ],
          });
        }}
      >
        {t('exp.addVaried')}
      </button>
      <UncertainSummary
        inputs={draft.uncertain}
        valueText={(param, value) =>
          scenario.ok ? valueTextOfPath(scenario.value.model, scenario.value.params, param)(value) : String(value)
        }
      />
      <div className="exp-row">
        <Field label={t('exp.repetitions')}>
          {(id) => (
            <input
              id={id}
              type="number"
              min={1}
              value={draft.repetitions}
              onChange={(e) => update({ repetitions: Number(e.target.value) })}
            />
          )}
        </Field>
        <Field label={t('exp.horizon')}>
          {(id) => (
            <input
              id={id}
              type="number"
              min={1}
              placeholder={t('exp.modelHorizon')}
              value={draft.horizon ?? ''}
              onChange={(e) => update({ horizon: intOrUndefined(e.target.value) })}
            />
          )}
        </Field>
        <Field label={t('exp.every')}>
          {(id) => (
            <input
              id={id}
              type="number"
              min={0}
              value={draft.record?.every ?? 0}
              onChange={(e) => update({ record: { ...draft.record, every: Number(e.target.value) } })}
            />
          )}
        </Field>
      </div>
      <Field label={t('exp.reporters')}>
        {(id) => (
          <input
            id={id}
            type="text"
            placeholder={t('exp.allReporters')}
            defaultValue={(draft.record?.reporters ?? []).join(', ')}
            onChange={(e) => {
              const list = e.target.value
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean);
              update({ record: { ...draft.record, reporters: list.length ? list : undefined } });
            }}
          />
        )}
      </Field>
      <div className="exp-row">
        <Field label={t('exp.stopReporter')}>
          {(id) => (
            <input
              id={id}
              type="text"
              placeholder={t('exp.noStop')}
              value={draft.stop?.reporter ?? ''}
              onChange={(e) =>
                update({ stop: e.target.value.trim() ? { ...draft.stop, reporter: e.target.value.trim() } : undefined })
              }
            />
          )}
        </Field>
        <Field label={t('exp.stopAbove')}>
          {(id) => (
            <input
              id={id}
              type="number"
              disabled={!draft.stop}
              value={draft.stop?.above ?? ''}
              onChange={(e) => draft.stop && update({ stop: { ...draft.stop, above: intOrUndefined(e.target.value) } })}
            />
          )}
        </Field>
        <Field label={t('exp.stopBelow')}>
          {(id) => (
            <input
              id={id}
              type="number"
              disabled={!draft.stop}
              value={draft.stop?.below ?? ''}
              onChange={(e) => draft.stop && update({ stop: { ...draft.stop, below: intOrUndefined(e.target.value) } })}
            />
          )}
        </Field>
      </div>
      {problems.length > 0 && (
        <ul className="exp-problems" role="alert" aria-label={t('exp.problems')}>
          {problems.slice(0, 8).map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
