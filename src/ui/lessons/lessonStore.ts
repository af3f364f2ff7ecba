/**
 * The lesson open in the player: the lesson, its step, the predictions recorded and the outcomes
 * the run gave, step by step. Kept in sessionStorage as well, so that a reload (or a lesson link
 * the address bar then replaced by the scenario's) finds the lesson, its step and its predictions.
 */
import { create } from 'zustand';
import { isPlainObject } from '../../core/documentSchema';
import { parseLesson, type Lesson } from '../../core/lesson';
import { LESSON_CONTEXT } from './readyLessons';

const KEY = 'agora.lesson.v1';

/** A student's prediction for a step: an option (by index), a number, a text, or skipped. */
export type Answer =
  | { readonly kind: 'choice'; readonly option: number }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'skipped' };

/**
 * What the run gave when it reached the step's day: the outcome reporter's value (null: none);
 * in a what-if, `value` is the base's and `fork` the fork's.
 */
export interface Outcome {
  readonly day: number;
  readonly value: number | null;
  readonly fork?: number | null;
}

interface LessonState {
  lesson: Lesson | null;
  /** One of the ready lessons, whose link opens anywhere (a lesson from a file opens only in this tab). */
  ready: boolean;
  /** The step shown, from 0. */
  step: number;
  answers: Readonly<Record<number, Answer>>;
  outcomes: Readonly<Record<number, Outcome>>;
  /** The gallery of ready lessons is open. */
  gallery: boolean;
}

const closed = { lesson: null, ready: false, step: 0, answers: {}, outcomes: {} } as const;

export const useLessons = create<LessonState>()(() => ({ ...closed, gallery: false }));

export function closeLesson(): void {
  useLessons.setState(closed);
}

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

function save(s: LessonState): void {
  try {
    if (!s.lesson) return storage()?.removeItem(KEY);
    const { lesson, ready, step, answers, outcomes } = s;
    storage()?.setItem(KEY, JSON.stringify({ lesson, ready, step, answers, outcomes }));
  } catch {
    // Storage full or refused: the lesson stays in the page; a reload starts without it.
  }
}

const isAnswer = (a: unknown): a is Answer =>
  isPlainObject(a) &&
  ((a.kind === 'choice' && Number.isInteger(a.option)) ||
    (a.kind === 'number' && typeof a.value === 'number') ||
    (a.kind === 'text' && typeof a.value === 'string') ||
    a.kind === 'skipped');

const isValue = (x: unknown) => x === null || typeof x === 'number';
const isOutcome = (o: unknown): o is Outcome =>
  isPlainObject(o) && typeof o.day === 'number' && isValue(o.value) && (o.fork === undefined || isValue(o.fork));

/** The entries of a kept record whose key is a step of the lesson and whose value passes `valid`. */
function stepEntries<T>(record: unknown, steps: number, valid: (v: unknown) => v is T): Record<number, T> {
  const out: Record<number, T> = {};
  if (!isPlainObject(record)) return out;
  for (const [key, value] of Object.entries(record)) {
    const step = Number(key);
    if (Number.isInteger(step) && step >= 0 && step < steps && valid(value)) out[step] = value;
  }
  return out;
}

/** Brings back the lesson kept in this tab, checked again like any document; false when there is none. */
export function resumeLesson(): boolean {
  let kept: unknown;
  try {
    kept = JSON.parse(storage()?.getItem(KEY) ?? 'null');
  } catch {
    return false;
  }
  if (!isPlainObject(kept)) return false;
  const parsed = parseLesson(kept.lesson, LESSON_CONTEXT);
  if (!parsed.ok) return false;
  const steps = parsed.value.steps.length;
  const step = Number.isInteger(kept.step) && (kept.step as number) < steps ? Math.max(0, kept.step as number) : 0;
  useLessons.setState({
    lesson: parsed.value,
    ready: kept.ready === true,
    step,
    answers: stepEntries(kept.answers, steps, isAnswer),
    outcomes: stepEntries(kept.outcomes, steps, isOutcome),
  });
  return true;
}

/** From now on the lesson open is kept in this tab's sessionStorage. */
export function keepLesson(): void {
  useLessons.subscribe((s, prev) => {
    if (s.lesson !== prev.lesson || s.step !== prev.step || s.answers !== prev.answers || s.outcomes !== prev.outcomes)
      save(s);
  });
}
