/**
 * What the run-state live region says to a screen reader (issue 17): a sentence when the run is
 * set up, starts, pauses, or ends; nothing for the ticks in between, which would drown it. Worded
 * apart from the visible status line, which is not live, so that each is found on its own.
 */
import { t } from '../i18n';
import type { FrameMessage } from '../worker/protocol';

type RunFrame = Pick<FrameMessage, 'runId' | 'status' | 'tick'>;

/** The sentence for frame `now` after frame `before`, or null when nothing worth saying changed. */
export function runAnnouncement(now: RunFrame, before: RunFrame | null): string | null {
  // Each Setup starts a run of its own (a seek back to day 0 does not).
  if (!before || now.runId !== before.runId) return t('announce.setUp');
  if (now.status === before.status) return null;
  switch (now.status) {
    case 'running':
      return t('status.running');
    case 'paused':
      return before.status === 'running' ? t('announce.paused', { tick: now.tick }) : null;
    case 'stopped':
      return t('announce.stopped', { tick: now.tick });
    case 'horizon':
      return t('announce.horizon', { tick: now.tick });
  }
}
