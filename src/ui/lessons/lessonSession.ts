/**
 * The lesson player's actions: opening a lesson (gallery, file, link) at a step, moving between
 * steps, opening a step's preset, what-if or scenario through the sandbox's own functions,
 * recording predictions, running to a step's day with the run controls and reading the outcome
 * from the run's reporter log once it gets there.
 */
import type { ReporterLog } from '../../core/recorder';
import { localText, parseLesson, type Lesson, type LocalText } from '../../core/lesson';
import { lessonFragment, type LessonLink } from '../../core/lessonLink';
import { displayText } from '../../core/safeText';
import { getLocale, t } from '../../i18n';
import { findModel } from '../../models/registry';
import { openComparison } from '../compare/compareSession';
import { useCompare } from '../compare/compareStore';
import { forkLog } from '../compare/forkFrames';
import { READY_WHAT_IFS } from '../compare/readyWhatIfs';
import { reporterLog } from '../frameBus';
import { notify } from '../notices';
import { problemSentence } from '../problemText';
import { loadScenario, openPreset } from '../scenarioSession';
import { goRunUntil, inspect, onSetup, pause, selectModel, step as stepDays } from '../session';
import { useApp, type Wording } from '../store';
import { keepLesson, resumeLesson, useLessons, type Answer } from './lessonStore';
import { findReadyLesson, LESSON_CONTEXT } from './readyLessons';

/** A lesson's text in the language of the page. */
export const say = (text: LocalText): string => localText(text, getLocale());

/** Opens the preset, what-if or scenario of step `index`; false when it has none or it was refused. */
function openStepScenario(lesson: Lesson, index: number): boolean {
  const open = lesson.steps[index].open;
  const source = () => t('lesson.source', { title: say(lesson.title), step: index + 1 });
  if (open?.preset !== undefined) {
    const preset = findModel(lesson.model)?.presets?.find((p) => p.id === open.preset);
    if (!preset) return false;
    openPreset(lesson.model, preset);
    return true;
  }
  if (open?.whatIf !== undefined) {
    const whatIf = READY_WHAT_IFS.find(({ file }) => file === `${open.whatIf}.json`);
    const question = whatIf?.document.question;
    return !!whatIf && openComparison(whatIf.document, question === undefined ? source : () => question);
  }
  return open?.scenario !== undefined && loadScenario(open.scenario, source);
}

/** Opens agent `id` of the model's first agent set in the inspector, as a click on it in the view does. */
function inspectAgent(lesson: Lesson, id: number): void {
  const model = findModel(lesson.model);
  const agents = model?.portrayal(useApp.getState().appliedParams).layers[0]?.agents;
  if (agents) inspect({ agents, id });
}

/**
 * Shows step `index`; with `openFrom`, opens that step's scenario first (a lesson opened in the
 * middle opens the scenario of the latest step that has one). The step's agent is inspected once
 * the run it belongs to is set up (a Setup closes the inspector).
 */
function enterStep(lesson: Lesson, index: number, openFrom: number | null): void {
  useLessons.setState({ step: index });
  const agent = lesson.steps[index].highlight?.agent;
  let pending = agent !== undefined;
  const unwatch = onSetup(() => {
    unwatch();
    if (pending) queueMicrotask(() => inspectAgent(lesson, agent!));
    pending = false;
  });
  const opened = openFrom !== null && openStepScenario(lesson, openFrom);
  if (!opened && useApp.getState().modelId !== lesson.model) selectModel(lesson.model);
  else if (!opened) {
    unwatch();
    if (pending) inspectAgent(lesson, agent!);
  }
}

/** The latest step up to `index` that opens a scenario: the one step `index` is reached with. */
function openedWith(lesson: Lesson, index: number): number | null {
  for (let i = index; i >= 0; i--) if (lesson.steps[i].open) return i;
  return null;
}

/** Opens `lesson` in the player at step `index` (from 0); predictions already made in it are kept. */
function startLesson(lesson: Lesson, ready: boolean, index: number): void {
  const same = useLessons.getState().lesson?.id === lesson.id;
  useLessons.setState((s) => ({
    lesson,
    ready,
    gallery: false,
    answers: same ? s.answers : {},
    outcomes: same ? s.outcomes : {},
  }));
  enterStep(lesson, index, openedWith(lesson, index));
}

/** Opens a ready lesson from the gallery at its first step. */
export function openReadyLesson(lesson: Lesson): void {
  startLesson(lesson, true, 0);
}

/** Opens a lesson document from a file; false, with an alert naming the problem, when it is not a valid lesson. */
export function openLessonDocument(document: unknown, source: Wording): boolean {
  const parsed = parseLesson(document, LESSON_CONTEXT);
  if (!parsed.ok) {
    notify({
      kind: 'error',
      say: () => t('scenario.refused', { source: source(), problem: problemSentence(parsed.errors[0].message) }),
    });
    return false;
  }
  startLesson(parsed.value, false, 0);
  return true;
}

/**
 * Opens the lesson a link names at its step: a ready lesson, or the one from a file kept in this
 * tab. A link to no such lesson, or to a step it does not have, says so and changes nothing in the
 * sandbox. Returns whether it opened a scenario (replacing what was there).
 */
export function openLessonLink(link: LessonLink): boolean {
  const readyLesson = findReadyLesson(link.id);
  const kept = useLessons.getState().lesson;
  const lesson = readyLesson ?? (kept?.id === link.id ? kept : undefined);
  if (!lesson) {
    notify({ kind: 'error', say: () => t('lesson.unknown', { id: displayText(link.id, { max: 80 }) }) });
    return false;
  }
  const count = lesson.steps.length;
  if (link.step === null || link.step > count) {
    notify({ kind: 'error', say: () => t('lesson.badStep', { title: say(lesson.title), count }) });
    if (kept?.id !== lesson.id)
      useLessons.setState({ lesson, ready: !!readyLesson, step: 0, answers: {}, outcomes: {}, gallery: false });
    return false;
  }
  startLesson(lesson, !!readyLesson, link.step - 1);
  return openedWith(lesson, link.step - 1) !== null;
}

/** Back and Next: the step's own scenario opens, if it has one; else the run goes on as it is. */
export function goToStep(index: number): void {
  const { lesson } = useLessons.getState();
  if (!lesson || index < 0 || index >= lesson.steps.length) return;
  enterStep(lesson, index, lesson.steps[index].open ? index : null);
}

/** Opens the shown step's scenario again (or the one it was reached with). */
export function reopenStep(): void {
  const { lesson, step } = useLessons.getState();
  if (!lesson) return;
  const from = openedWith(lesson, step);
  if (from !== null) enterStep(lesson, step, from);
}

export function recordAnswer(answer: Answer): void {
  useLessons.setState((s) => ({ answers: { ...s.answers, [s.step]: answer } }));
  captureOutcome();
}

/** Takes the prediction back, to change it: only until the run gave the outcome. */
export function changeAnswer(): void {
  useLessons.setState((s) => {
    if (s.outcomes[s.step]) return s;
    const answers = { ...s.answers };
    delete answers[s.step];
    return { answers };
  });
}

/**
 * Runs to the shown step's day with the run controls: Go until that day, then Pause there (a
 * comparison's lock-step steps both runs by the days left).
 */
export function runToDay(): void {
  const { lesson, step } = useLessons.getState();
  const day = lesson?.steps[step].runTo;
  const { tick, status } = useApp.getState();
  if (day === undefined || tick >= day || status === 'running' || status === 'starting') return;
  if (useCompare.getState().active) return stepDays(day - tick);
  // Until the day; a run paused or ended before it is left as it is.
  let running = false;
  const unwatch = useApp.subscribe((s) => {
    if (s.status === 'running') running = true;
    if (s.tick >= day) {
      unwatch();
      if (s.status === 'running') pause();
    } else if ((running && s.status !== 'running') || s.status === 'stopped' || s.status === 'horizon') unwatch();
  });
  goRunUntil(day);
}

/**
 * Once the run has reached the shown step's day and the prediction is recorded (or skipped),
 * keeps the outcome reporter's value on that day beside it.
 */
function captureOutcome(): void {
  const { lesson, step: index, answers, outcomes } = useLessons.getState();
  const step = lesson?.steps[index];
  if (!step?.runTo || outcomes[index] || (step.prediction && !answers[index])) return;
  if (useApp.getState().reached < step.runTo) return;
  const reporter = step.outcome?.reporter;
  const base = valueOn(reporterLog(), reporter, step.runTo);
  if (base === undefined) return;
  if (!useCompare.getState().active) {
    useLessons.setState({ outcomes: { ...outcomes, [index]: { day: step.runTo, value: base } } });
    return;
  }
  // A what-if: the fork's value too, once the fork has got there as well.
  const fork = valueOn(forkLog(), reporter, step.runTo);
  if (fork === undefined) return;
  useLessons.setState({ outcomes: { ...outcomes, [index]: { day: step.runTo, value: base, fork } } });
}

/** `reporter`'s value on `day` in a run's log: undefined before the run got there, null for no value. */
function valueOn(log: ReporterLog, reporter: string | undefined, day: number): number | null | undefined {
  const row = log.tickColumn().lastIndexOf(day);
  if (row < 0) return undefined;
  const raw = reporter !== undefined && log.names.includes(reporter) ? log.column(reporter)[row] : NaN;
  return Number.isNaN(raw) ? null : raw;
}

/** Copies the link to the shown step; a lesson from a file is told to open only in this tab. */
export async function shareStep(): Promise<void> {
  const { lesson, step, ready } = useLessons.getState();
  if (!lesson) return;
  const url = `${location.origin}${location.pathname}${lessonFragment(lesson.id, step + 1)}`;
  let copied = false;
  try {
    await navigator.clipboard.writeText(url);
    copied = true;
  } catch {
    // No clipboard (insecure context, permission): the notice shows the link to copy by hand.
  }
  const said = () => t(copied ? 'lesson.linkCopied' : 'lesson.linkHere', { step: step + 1, url });
  notify({ kind: 'notice', say: () => (ready ? said() : `${said()} ${t('lesson.linkLocal')}`) });
}

export function showGallery(open: boolean): void {
  useLessons.setState({ gallery: open });
}

/** At the start: the lesson kept in this tab comes back, and from now on it is kept and its outcomes read. */
export function installLessons(): void {
  resumeLesson();
  keepLesson();
  useApp.subscribe((s, prev) => {
    if (s.reached !== prev.reached) captureOutcome();
  });
  // In a what-if the fork may reach the day after the base.
  useCompare.subscribe((s, prev) => {
    if (s.tick !== prev.tick) captureOutcome();
  });
}
