/**
 * One expectation on the page: its statement, the reader's prediction, the verdict with its
 * effect in the claim's units, a plain sentence of what the model shows, what n means, the other
 * readings, the switches (the effect with and without each), robust or fragile with the other
 * settings, and buttons to rerun it and open each compared arm or its experiment.
 */
import type { Experiment } from '../../core/experiment/schema';
import { t } from '../../i18n';
import {
  ablationTexts,
  armLabel,
  attributionText,
  effectText,
  namesOf,
  openableArms,
  readingTexts,
  robustnessNote,
  robustnessText,
  sampleText,
  sentence,
  variationTexts,
  verdictText,
} from './expectationText';
import {
  openExpectationArm,
  openExpectationExperiment,
  openExpectationScenario,
  runExpectation,
} from './expectationSession';
import { useExpectations } from './expectationStore';

function Details({ summary, items, note }: { summary: string; items: readonly string[]; note?: string | null }) {
  if (items.length === 0) return null;
  return (
    <details>
      <summary>{summary}</summary>
      {note && <p className="exp-description">{note}</p>}
      <ul aria-label={summary}>
        {items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
    </details>
  );
}

export function ExpectationItem({
  file,
  experiment,
  number,
}: {
  file: string;
  experiment: Experiment;
  number: number;
}) {
  const h = experiment.hypothesis!;
  const state = useExpectations((s) => s.states[file]);
  const prediction = useExpectations((s) => s.predictions[file]);
  const result = state?.result ?? null;
  const names = namesOf(experiment);
  const arms = openableArms(experiment);
  const statement = names.text(['hypothesis', 'statement'], h.statement);
  return (
    <li className={`expectation ${result?.verdict ?? ''}`} aria-label={statement}>
      <p className="statement">{statement}</p>
      {experiment.description && (
        <p className="exp-description">{names.text(['description'], experiment.description)}</p>
      )}
      <div className="exp-row">
        <label>
          {t('expect.prediction')}{' '}
          <select
            aria-label={t('expect.predictionOf', { n: number })}
            value={prediction ?? ''}
            onChange={(e) =>
              useExpectations.setState((s) => ({
                predictions: { ...s.predictions, [file]: e.target.value as 'holds' | 'does-not-hold' },
              }))
            }
          >
            <option value="">{t('expect.noPrediction')}</option>
            <option value="holds">{t('expect.verdict.holds')}</option>
            <option value="does-not-hold">{t('expect.verdict.does-not-hold')}</option>
          </select>
        </label>
        {result && prediction && (
          <span className="prediction-check">
            {prediction === result.verdict ? t('expect.predictionRight') : t('expect.predictionWrong')}
          </span>
        )}
      </div>
      <div className="exp-row">
        <span className="verdict" aria-label={t('expect.col.verdict')}>
          {result
            ? verdictText(result.verdict)
            : state?.status === 'running'
              ? t('expect.running', { done: state.done, total: state.total })
              : state?.status === 'error'
                ? state.error
                : t('expect.notRun')}
        </span>
        {result && (
          <>
            <span aria-label={t('expect.col.effect')}>{effectText(result.effect, result.units)}</span>
            <span aria-label={t('expect.col.runs')}>{t('expect.runs', { runs: result.runs })}</span>
            {result.robustness && (
              <span className={`robustness ${result.robustness.label}`} aria-label={t('expect.col.robustness')}>
                {robustnessText(result, names)}
              </span>
            )}
            <span aria-label={t('expect.col.mechanism')}>{attributionText(result, h, names)}</span>
          </>
        )}
      </div>
      {result && (
        <>
          <p aria-label={t('expect.col.says')}>{sentence(result, h, names)}</p>
          <p className="exp-description" aria-label={t('expect.col.sample')}>
            {sampleText(result, h, names)}
          </p>
          <Details summary={t('expect.readings')} items={readingTexts(result, names)} />
          <Details summary={t('expect.ablations')} items={ablationTexts(result, names)} />
          <Details
            summary={t('expect.robustness')}
            items={variationTexts(result, names)}
            note={robustnessNote(result)}
          />
        </>
      )}
      <div className="exp-row">
        <button
          type="button"
          disabled={state?.status === 'running'}
          onClick={() => void runExpectation(file, experiment)}
        >
          {result ? t('expect.rerun') : t('expect.run')}
        </button>
        {arms.length === 0 ? (
          <button type="button" onClick={() => openExpectationScenario(experiment)}>
            {t('expect.openScenario')}
          </button>
        ) : (
          arms.map(({ param, value }) => {
            const label = armLabel(h, param, value, names);
            return (
              <button
                key={String(value)}
                type="button"
                onClick={() => openExpectationArm(experiment, param, value, () => armLabel(h, param, value, names))}
              >
                {t('expect.openArm', { arm: label })}
              </button>
            );
          })
        )}
        <button type="button" onClick={() => openExpectationExperiment(experiment)}>
          {t('expect.openExperiment')}
        </button>
      </div>
    </li>
  );
}
