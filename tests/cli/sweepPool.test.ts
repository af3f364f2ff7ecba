/**
 * The CLI's child-process workers on the one experiment pool, with a scripted worker process:
 * answers, crashes with their cause, silent exits, and the hung-worker timeout the CLI gained.
 */
import { describe, expect, it } from 'vitest';
import { childProcessWorker, nodeTimers } from '../../src/cli/sweepPool';
import { runIndices } from '../../src/worker/experimentPool';

const SCRIPTED = 'tests/fixtures/workers/scriptedWorker.mjs';

describe("the CLI's worker processes", () => {
  it('answer, crash with their last stderr line, exit, or hang until the timeout, and are retried once', async () => {
    const replaced: string[] = [];
    const outcomes = await runIndices(
      {
        document: {},
        size: 2,
        createWorker: childProcessWorker(SCRIPTED),
        onReplaced: (reason) => replaced.push(reason),
        timeoutMs: () => 1000,
        ...nodeTimers,
      },
      [0, 1, 2, 3],
    );
    const byIndex = new Map(outcomes.map((o) => [o.index, o]));
    expect(byIndex.get(0)).toMatchObject({ status: 'ok' });
    expect(byIndex.get(1)).toMatchObject({ status: 'failed', error: 'failed 2 times: Error: run 1 broke' });
    expect(byIndex.get(2)).toMatchObject({ status: 'failed', error: 'failed 2 times: worker process exited (code 3)' });
    expect(byIndex.get(3)).toMatchObject({ status: 'failed', error: 'failed 2 times: no answer within 1 s' });
    expect(replaced).toHaveLength(6);
  });
});
