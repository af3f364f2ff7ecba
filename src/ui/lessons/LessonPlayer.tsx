/**
 * The lesson player above the sandbox: the step's title and text, progress, Back and Next, the
 * question with the prediction the student records before running, "Run to day N", the outcome
 * beside the prediction once the run got there, then the reveal; what to watch is highlighted.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { LessonStep } from '../../core/lesson';
import { reporterFormat, reportersFor } from '../../core/model';
import { t, tModel } from '../../i18n';
import { findModel } from '../../models/registry';
import { Markdown } from '../markdown';
import { formatValue } from '../reporterFormat';
import { useApp } from '../store';
import { changeAnswer, goToStep, recordAnswer, reopenStep, runToDay, say, shareStep } from './lessonSession';
import { closeLesson, useLessons, type Answer, type Outcome } from './lessonStore';
import { HighlightStyle, useShowPlot } from './highlight';
import './lessons.css';

/** A recorded prediction in words. */
function answerText(step: LessonStep, answer: Answer): string {
  const prediction = step.prediction;
  if (answer.kind === 'skipped') return t('lesson.skipped');
  if (answer.kind === 'choice' && prediction?.kind === 'choice') return say(prediction.options[answer.option]);
  if (answer.kind === 'number') {
    const unit = prediction?.kind === 'number' && prediction.unit ? ` ${say(prediction.unit)}` : '';
    return `${answer.value}${unit}`;
  }
  return answer.kind === 'text' ? answer.value : '';
}

/** The prediction's input, until it is recorded or skipped. */
function PredictionInput(props: { step: LessonStep; questionId: string; onRecorded: () => void }) {
  const { step, questionId } = props;
  const prediction = step.prediction!;
  const [draft, setDraft] = useState('');
  const inputId = useId();
  let answer: Answer | null = null;
  if (prediction.kind === 'choice' && draft !== '') answer = { kind: 'choice', option: Number(draft) };
  if (prediction.kind === 'number' && draft.trim() !== '') {
    const value = Number(draft);
    const inRange =
      Number.isFinite(value) &&
      (prediction.min === undefined || value >= prediction.min) &&
      (prediction.max === undefined || value <= prediction.max);
    if (inRange) answer = { kind: 'number', value };
  }
  if (prediction.kind === 'text' && draft.trim() !== '') answer = { kind: 'text', value: draft.trim() };
  return (
    <form
      className="lesson-prediction"
      onSubmit={(e) => {
        e.preventDefault();
        if (!answer) return;
        recordAnswer(answer);
        props.onRecorded();
      }}
    >
      {prediction.kind === 'choice' && (
        <fieldset aria-labelledby={questionId}>
          {prediction.options.map((option, i) => (
            <label key={i}>
              <input
                type="radio"
                name={`lesson-option-${questionId}`}
                value={i}
                checked={draft === String(i)}
                onChange={() => setDraft(String(i))}
              />
              {say(option)}
            </label>
          ))}
        </fieldset>
      )}
      {prediction.kind === 'number' && (
        <p>
          <label htmlFor={inputId}>{t('lesson.yourNumber')}</label>{' '}
          <input
            id={inputId}
            type="number"
            step="any"
            min={prediction.min}
            max={prediction.max}
            value={draft}
            aria-describedby={questionId}
            onChange={(e) => setDraft(e.target.value)}
          />
          {prediction.unit && <span> {say(prediction.unit)}</span>}
          {prediction.min !== undefined && prediction.max !== undefined && (
            <span className="hint"> {t('lesson.range', { min: prediction.min, max: prediction.max })}</span>
          )}
        </p>
      )}
      {prediction.kind === 'text' && (
        <p>
          <label htmlFor={inputId}>{t('lesson.yourAnswer')}</label>
          <textarea
            id={inputId}
            rows={2}
            value={draft}
            aria-describedby={questionId}
            onChange={(e) => setDraft(e.target.value)}
          />
        </p>
      )}
      <div className="buttons">
        <button type="submit" className="primary" disabled={!answer}>
          {t('lesson.record')}
        </button>
        <button
          type="button"
          onClick={() => {
            recordAnswer({ kind: 'skipped' });
            props.onRecorded();
          }}
        >
          {t('lesson.skip')}
        </button>
      </div>
    </form>
  );
}

/**
 * The outcome reporter's value on the step's day, as the model formats it. In a what-if: the
 * value of the run the step asks about (`outcome.run`), else both, base and fork.
 */
function OutcomeLine({ modelId, step, outcome }: { modelId: string; step: LessonStep; outcome: Outcome }) {
  const params = useApp((s) => s.appliedParams);
  if (!step.outcome) return <p>{t('lesson.reached', { day: outcome.day })}</p>;
  const format = reporterFormat(reportersFor(findModel(modelId)!, params), step.outcome.reporter);
  const shown = (value: number | null) => formatValue(value, format);
  const common = { label: say(step.outcome.label), day: outcome.day };
  const run = step.outcome.run;
  let text: string;
  if (outcome.fork === undefined) text = t('lesson.outcome', { ...common, value: shown(outcome.value) });
  else if (run === undefined)
    text = t('lesson.outcomeBoth', { ...common, base: shown(outcome.value), fork: shown(outcome.fork) });
  else
    text = t('lesson.outcomeRun', {
      ...common,
      run: t(run === 'fork' ? 'lesson.runFork' : 'lesson.runBase'),
      value: shown(run === 'fork' ? outcome.fork : outcome.value),
    });
  return <p className="lesson-outcome">{text}</p>;
}

/** The question, the prediction (input or recorded), Run to day N and the outcome. */
function StepTask({ modelId, step, index }: { modelId: string; step: LessonStep; index: number }) {
  const answer = useLessons((s) => s.answers[index]);
  const outcome = useLessons((s) => s.outcomes[index]);
  const tick = useApp((s) => s.tick);
  const status = useApp((s) => s.status);
  const questionId = useId();
  const hintId = useId();
  const runButton = useRef<HTMLButtonElement>(null);
  const changeButton = useRef<HTMLButtonElement>(null);
  // The form goes once recorded: the focus moves on to what comes next, not to the page's start.
  const focusNext = () => requestAnimationFrame(() => (runButton.current ?? changeButton.current)?.focus());
  const settled = !step.prediction || answer !== undefined;
  const runTo = step.runTo;
  const canRun = runTo !== undefined && settled && tick < runTo && status === 'paused';
  return (
    <div className="lesson-task">
      {step.question && (
        <p id={questionId} className="lesson-question">
          <strong>{say(step.question)}</strong>
        </p>
      )}
      {step.prediction && !answer && (
        <PredictionInput key={index} step={step} questionId={questionId} onRecorded={focusNext} />
      )}
      {step.prediction && answer && (
        <div className="lesson-answer">
          <p>
            {answer.kind === 'skipped'
              ? t('lesson.skipped')
              : t('lesson.predicted', { value: answerText(step, answer) })}
          </p>
          {!outcome && (
            <button type="button" ref={changeButton} onClick={changeAnswer}>
              {t('lesson.change')}
            </button>
          )}
        </div>
      )}
      {runTo !== undefined && (
        <p>
          <button
            ref={runButton}
            type="button"
            className="primary"
            disabled={!canRun}
            aria-describedby={settled ? undefined : hintId}
            onClick={runToDay}
          >
            {t('lesson.runTo', { day: runTo })}
          </button>
          {!settled && (
            <span id={hintId} className="hint">
              {' '}
              {t('lesson.runHint')}
            </span>
          )}
        </p>
      )}
      {outcome && <OutcomeLine modelId={modelId} step={step} outcome={outcome} />}
    </div>
  );
}

/** Whether step `index` shows its reveal: once the prediction is settled and, for a run, the outcome is in. */
function useRevealed(step: LessonStep, index: number): boolean {
  const answered = useLessons((s) => s.answers[index] !== undefined);
  const measured = useLessons((s) => s.outcomes[index] !== undefined);
  const settled = !step.prediction || answered;
  return step.runTo === undefined ? settled : measured;
}

/** What happened, across the player's width: shorter than in a column, so the sandbox stays in sight below. */
function Reveal({ step, index }: { step: LessonStep; index: number }) {
  const revealed = useRevealed(step, index);
  if (!revealed || !step.reveal) return null;
  return (
    <section className="lesson-reveal" aria-label={t('lesson.reveal')}>
      <h4>{t('lesson.reveal')}</h4>
      <Markdown source={say(step.reveal)} />
    </section>
  );
}

/** What to watch in this step, in words (the highlight itself is drawn on the vendor panel, legend, plot and view). */
function Watch({ modelId, step }: { modelId: string; step: LessonStep }) {
  const highlight = step.highlight;
  if (!highlight) return null;
  const model = findModel(modelId)!;
  const plot = model.plots.find((p) => p.id === highlight.plot);
  const items = [
    highlight.vendor !== undefined && t('lesson.watchVendor', { name: highlight.vendor }),
    plot && t('lesson.watchPlot', { title: tModel(model.id, `plot.${plot.id}.title`, plot.title) }),
    highlight.agent !== undefined && t('lesson.watchAgent', { id: highlight.agent }),
  ].filter((item): item is string => !!item);
  return (
    <p className="lesson-watch">
      <strong>{t('lesson.watch')}:</strong> {items.join('; ')}
    </p>
  );
}

/**
 * Keeps where the player ends on the page in `--lesson-player-bottom`, for the view below it to fit
 * the rest of a projector's screen in presenter mode (lessons.css); gone with the player. Banners
 * above it move it too: they change the page's height, which is watched with the player's.
 */
function useBottomOnPage(player: React.RefObject<HTMLElement | null>, open: boolean): void {
  useEffect(() => {
    const element = player.current;
    if (!open || !element) return;
    const root = document.documentElement.style;
    const observer = new ResizeObserver(() =>
      root.setProperty('--lesson-player-bottom', `${element.getBoundingClientRect().bottom + window.scrollY}px`),
    );
    observer.observe(element);
    observer.observe(document.body);
    return () => {
      observer.disconnect();
      root.removeProperty('--lesson-player-bottom');
    };
  }, [player, open]);
}

export function LessonPlayer() {
  const lesson = useLessons((s) => s.lesson);
  const section = useRef<HTMLElement>(null);
  const index = useLessons((s) => s.step);
  const heading = useRef<HTMLHeadingElement>(null);
  const back = useRef<HTMLButtonElement>(null);
  const next = useRef<HTMLButtonElement>(null);
  /** Moves to step `to`; at either end the button pressed is disabled, so the focus goes to the other one. */
  const move = (to: number) => {
    goToStep(to);
    const other = to === 0 ? next : to === (lesson?.steps.length ?? 0) - 1 ? back : null;
    if (other) requestAnimationFrame(() => other.current?.focus());
  };
  const step = lesson?.steps[index];
  useShowPlot(step?.highlight?.plot, `${lesson?.id}.${index}`);
  useBottomOnPage(section, !!lesson);
  // A lesson just opened takes the focus, so a keyboard or screen-reader user lands on it.
  useEffect(() => {
    if (lesson) heading.current?.focus();
  }, [lesson]);
  if (!lesson || !step) return null;
  const count = lesson.steps.length;
  return (
    <section className="lesson-player" aria-labelledby="lesson-player-title" ref={section}>
      <header className="lesson-head">
        <h2 id="lesson-player-title" ref={heading} tabIndex={-1}>
          {t('lesson.player', { title: say(lesson.title) })}
        </h2>
        <p className="lesson-progress" aria-live="polite">
          {t('lesson.progress', { step: index + 1, count })}
        </p>
        <progress max={count} value={index + 1} aria-label={t('lesson.progress', { step: index + 1, count })} />
        <button type="button" onClick={closeLesson}>
          {t('lesson.close')}
        </button>
      </header>
      <div className="lesson-body">
        <div className="lesson-text">
          <h3>{say(step.title)}</h3>
          <Markdown source={say(step.text)} />
          <Watch modelId={lesson.model} step={step} />
          {lesson.teacherNotes && (
            <details className="lesson-notes">
              <summary>{t('lesson.teacherNotes')}</summary>
              <Markdown source={say(lesson.teacherNotes)} />
            </details>
          )}
        </div>
        <StepTask key={`${lesson.id}.${index}`} modelId={lesson.model} step={step} index={index} />
        <Reveal step={step} index={index} />
      </div>
      <nav className="lesson-nav" aria-label={t('lesson.navigation')}>
        <button type="button" ref={back} disabled={index === 0} onClick={() => move(index - 1)}>
          {t('lesson.back')}
        </button>
        <button
          type="button"
          ref={next}
          className="primary"
          disabled={index === count - 1}
          onClick={() => move(index + 1)}
        >
          {t('lesson.next')}
        </button>
        {lesson.steps.slice(0, index + 1).some((s) => s.open) && (
          <button type="button" onClick={reopenStep}>
            {t('lesson.reopen')}
          </button>
        )}
        <button type="button" onClick={() => void shareStep()}>
          {t('lesson.share')}
        </button>
      </nav>
      <HighlightStyle highlight={step.highlight} />
    </section>
  );
}
