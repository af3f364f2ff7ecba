/** Without IndexedDB (here: Node), experiments keep their runs in memory and say so. */
import { expect, it } from 'vitest';
import { openResultStore } from '../../src/ui/experiments/resultStore';

it('falls back to memory, says why, and still keeps and returns runs', async () => {
  const reasons: string[] = [];
  const store = await openResultStore((r) => reasons.push(r));
  expect(store.persistent).toBe(false);
  expect(reasons).toHaveLength(1);
  await store.saveExperiment({ hash: 'h', name: 'x', document: {}, total: 2, finished: false });
  await store.saveOutcome('h', { index: 1, seed: 5, status: 'ok', rows: [] });
  await store.saveOutcome('h', { index: 1, seed: 5, status: 'ok', rows: [] });
  expect(await store.loadOutcomes('h')).toHaveLength(1);
  expect((await store.unfinished()).map((e) => e.hash)).toEqual(['h']);
});
