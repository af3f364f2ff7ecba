/**
 * The fork's simulation worker: a second SimClient beside the base's, whose frames go to
 * forkFrames.ts and the compare store, and whose live changes become the fork's timed changes.
 */
import type { TimedChange } from '../../core/timedChanges';
import type { FromWorker, ToWorker } from '../../worker/protocol';
import { SimClient } from '../../worker/simClient';
import { webSimHost } from '../../worker/webSimHost';
import { t } from '../../i18n';
import { notify } from '../notices';
import { problemText } from '../problemText';
import { plotClock, withChangesMade } from '../session';
import { useCompare } from './compareStore';
import { publishForkFrame } from './forkFrames';

let client: SimClient | null = null;
// The fork's plots re-sample as often as the base's do: a chart update is costly.
const plotDueFor = plotClock();

function onForkMessage(message: FromWorker): void {
  if (message.type === 'error') {
    useCompare.setState({ pendingLive: {} });
    notify({ kind: 'error', say: () => t('compare.forkError', { message: problemText(message.message) }) });
    return;
  }
  if (message.type === 'changed') return recordForkChanges(message.changes);
  if (message.type !== 'frame') return;
  publishForkFrame(message);
  const plotDue = plotDueFor(message);
  useCompare.setState((s) => ({
    tick: message.tick,
    status: message.status,
    fingerprint: message.fingerprint,
    plotVersion: plotDue ? s.plotVersion + 1 : s.plotVersion,
  }));
}

function recordForkChanges(made: readonly TimedChange[]): void {
  useCompare.setState((s) => withChangesMade(s, made));
}

/** Sends a command to the fork's worker, starting it on first use. */
export function sendFork(message: ToWorker): void {
  client ??= new SimClient(
    {
      onMessage: onForkMessage,
      onCrash: (reason, lost, resumedAt) => {
        const key = lost ? 'error.workerLost' : resumedAt === null ? 'error.worker' : 'error.workerResumed';
        notify({ kind: 'error', say: () => t(key, { message: reason, day: resumedAt ?? 0 }) });
      },
    },
    webSimHost,
  );
  client.send(message);
}

/** Ends the fork's worker (the comparison was closed). */
export function endFork(): void {
  client?.dispose();
  client = null;
}

/** Changes a live parameter or cell of the fork at its current day: a timed change of the fork. */
export function setForkLive(path: string, value: unknown): void {
  useCompare.setState((s) => ({ pendingLive: { ...s.pendingLive, [path]: value } }));
  sendFork({ type: 'setLive', params: { [path]: value } });
}
