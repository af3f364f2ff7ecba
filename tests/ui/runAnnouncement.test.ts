import { describe, expect, it } from 'vitest';
import { runAnnouncement } from '../../src/ui/runAnnouncement';

const frame = (status: 'running' | 'paused' | 'stopped' | 'horizon', tick: number, runId = 1) => ({
  runId,
  status,
  tick,
});

describe('runAnnouncement', () => {
  it('says when the run starts, pauses and ends', () => {
    expect(runAnnouncement(frame('running', 3), frame('paused', 3))).toBe('Running');
    expect(runAnnouncement(frame('paused', 40), frame('running', 39))).toBe('Paused at tick 40.');
    expect(runAnnouncement(frame('horizon', 1825), frame('running', 1824))).toBe(
      'The run reached its horizon at tick 1825.',
    );
    expect(runAnnouncement(frame('stopped', 12), frame('running', 11))).toBe('The run stopped by itself at tick 12.');
  });

  it('says each Setup: the first run, and every new run after', () => {
    expect(runAnnouncement(frame('paused', 0), null)).toBe('Set up: day 0, ready to run.');
    expect(runAnnouncement(frame('paused', 0, 2), frame('paused', 0, 1))).toBe('Set up: day 0, ready to run.');
    expect(runAnnouncement(frame('paused', 0, 2), frame('running', 80, 1))).toBe('Set up: day 0, ready to run.');
  });

  it('stays quiet while ticks pass, after a single step, and on a seek back to day 0', () => {
    expect(runAnnouncement(frame('running', 5), frame('running', 4))).toBeNull();
    expect(runAnnouncement(frame('paused', 1), frame('paused', 0))).toBeNull();
    expect(runAnnouncement(frame('paused', 0), frame('paused', 300))).toBeNull();
  });
});
