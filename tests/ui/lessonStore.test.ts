import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeLesson, keepLesson, resumeLesson, useLessons } from '../../src/ui/lessons/lessonStore';

const KEY = 'agora.lesson.v1';
const lesson = JSON.parse(readFileSync('tests/fixtures/lessons/first-look-at-the-market.json', 'utf8')) as {
  id: string;
  steps: unknown[];
};

/** A tab's sessionStorage, as the store finds it on `window`. */
function fakeSessionStorage(): Map<string, string> {
  const items = new Map<string, string>();
  const storage = {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
  (globalThis as { window?: unknown }).window = { sessionStorage: storage };
  return items;
}

describe('the lesson kept in this tab', () => {
  let items: Map<string, string>;
  beforeEach(() => {
    items = fakeSessionStorage();
    closeLesson();
  });
  afterEach(() => {
    delete (globalThis as { window?: unknown }).window;
  });

  it('comes back after a reload with its step, predictions and outcomes', () => {
    keepLesson();
    useLessons.setState({
      lesson: lesson as never,
      ready: false,
      step: 2,
      answers: { 1: { kind: 'choice', option: 0 }, 2: { kind: 'number', value: 25 } },
      outcomes: { 1: { day: 30, value: 0.31 } },
    });
    closeLessonInMemoryOnly();
    expect(resumeLesson()).toBe(true);
    const s = useLessons.getState();
    expect(s.lesson?.id).toBe('first-look-at-the-market');
    expect(s.step).toBe(2);
    expect(s.answers).toEqual({ 1: { kind: 'choice', option: 0 }, 2: { kind: 'number', value: 25 } });
    expect(s.outcomes).toEqual({ 1: { day: 30, value: 0.31 } });
  });

  it('is gone once the lesson is closed', () => {
    keepLesson();
    useLessons.setState({ lesson: lesson as never, step: 1 });
    expect(items.has(KEY)).toBe(true);
    closeLesson();
    expect(items.has(KEY)).toBe(false);
    expect(resumeLesson()).toBe(false);
  });

  it('is checked again: a tampered lesson is refused, odd steps and predictions are dropped', () => {
    items.set(KEY, JSON.stringify({ lesson: { ...lesson, steps: [] }, step: 0 }));
    expect(resumeLesson()).toBe(false);
    expect(useLessons.getState().lesson).toBeNull();
    items.set(KEY, 'not json');
    expect(resumeLesson()).toBe(false);
    items.set(
      KEY,
      JSON.stringify({
        lesson,
        step: 99,
        answers: { 1: { kind: 'choice', option: 'x' }, 2: { kind: 'text', value: 'ok' }, 40: { kind: 'skipped' } },
        outcomes: {
          0: { day: 10, value: 1, fork: 'x' },
          1: { day: '30', value: 1 },
          2: { day: 60, value: null },
          3: { day: 70, value: 0.2, fork: 0.3 },
        },
      }),
    );
    expect(resumeLesson()).toBe(true);
    const s = useLessons.getState();
    expect(s.step).toBe(0);
    expect(s.answers).toEqual({ 2: { kind: 'text', value: 'ok' } });
    // A what-if's outcome keeps the fork's value beside the base's.
    expect(s.outcomes).toEqual({ 2: { day: 60, value: null }, 3: { day: 70, value: 0.2, fork: 0.3 } });
  });
});

/** The page going away: the store empties without touching what the tab keeps. */
function closeLessonInMemoryOnly(): void {
  const window = (globalThis as { window?: unknown }).window;
  delete (globalThis as { window?: unknown }).window;
  closeLesson();
  (globalThis as { window?: unknown }).window = window;
}
