import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FromExperimentWorker, ToExperimentWorker } from '../../src/worker/experimentProtocol';
import { serveExperiment } from '../../src/worker/serveExperiment';

const SMALL = JSON.parse(readFileSync('tests/fixtures/experiments/small.json', 'utf8'));

function served(message: ToExperimentWorker): FromExperimentWorker[] {
  const posted: FromExperimentWorker[] = [];
  serveExperiment(
    (m) => posted.push(m),
    (handle) => handle(message),
  );
  return posted;
}

describe('serveExperiment calibrate', () => {
  it('times a run of the experiment and posts its pace', () => {
    const [reply] = served({ type: 'calibrate', document: SMALL, index: 0 });
    if (reply.type !== 'pace' || !reply.pace) throw new Error(`no pace: ${JSON.stringify(reply)}`);
    expect(reply.pace.tickMs).toBeGreaterThan(0);
    expect(reply.pace.worldBytes).toBeGreaterThan(0);
  });

  it('posts no pace for a document that is not an experiment', () => {
    expect(served({ type: 'calibrate', document: { format: 'nonsense' }, index: 0 })).toEqual([
      { type: 'pace', pace: null },
    ]);
  });
});
