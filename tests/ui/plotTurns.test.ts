import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { queueRedraw } from '../../src/ui/plotTurns';

/** Frames every 16 ms, or none (a hidden page). */
function frames(every: number | null): void {
  vi.stubGlobal('requestAnimationFrame', (fn: () => void) => (every === null ? 0 : setTimeout(fn, every)));
}

describe('charts take turns to redraw', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(async () => {
    // Let any turn still due run out, so that the next test starts with none waiting.
    await vi.runAllTimersAsync();
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('one chart per turn, the next only after two frames have passed since the last redraw', () => {
    frames(16);
    const drawn: string[] = [];
    for (const name of ['a', 'b', 'c']) queueRedraw({ name }, () => drawn.push(name));
    vi.advanceTimersByTime(10);
    expect(drawn).toEqual(['a']);
    vi.advanceTimersByTime(30); // one frame after a's redraw: b still waits
    expect(drawn).toEqual(['a']);
    vi.advanceTimersByTime(20);
    expect(drawn).toEqual(['a', 'b']);
    vi.advanceTimersByTime(50);
    expect(drawn).toEqual(['a', 'b', 'c']);
  });

  it('a chart asking again while it waits is drawn once, in its first place', () => {
    frames(16);
    const drawn: string[] = [];
    const a = {};
    queueRedraw(a, () => drawn.push('a1'));
    queueRedraw({}, () => drawn.push('b'));
    queueRedraw(a, () => drawn.push('a2'));
    vi.advanceTimersByTime(200);
    expect(drawn).toEqual(['a2', 'b']);
  });

  it('a chart that throws does not stop the others', () => {
    frames(16);
    const drawn: string[] = [];
    queueRedraw({}, () => {
      throw new Error('broken chart');
    });
    queueRedraw({}, () => drawn.push('b'));
    expect(() => vi.advanceTimersByTime(10)).toThrow('broken chart');
    vi.advanceTimersByTime(200);
    expect(drawn).toEqual(['b']);
  });

  it('where frames pause (a hidden page), the next turn comes by a timer', () => {
    frames(null);
    const drawn: string[] = [];
    queueRedraw({}, () => drawn.push('a'));
    queueRedraw({}, () => drawn.push('b'));
    vi.advanceTimersByTime(100);
    expect(drawn).toEqual(['a']);
    vi.advanceTimersByTime(150);
    expect(drawn).toEqual(['a', 'b']);
  });
});
