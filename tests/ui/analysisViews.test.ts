/** The analyses a model declares reach the UI through their views; a model that declares none gets none. */
import { describe, expect, it, vi } from 'vitest';
import { MODELS, findModel } from '../../src/models/registry';
import { coinFlips } from '../fixtures/models/coinFlips';

// The views' stores read the browser's core count when they load; Node 20 has no `navigator`.
vi.stubGlobal('navigator', { hardwareConcurrency: 2 });
const { analysisViews } = await import('../../src/ui/models/analysisViews');
const { StrategyReportView } = await import('../../src/ui/models/cloudMarket/StrategyReportView');
const { ClosingQuestion } = await import('../../src/ui/models/cloudMarket/ClosingQuestion');

describe('analysis views', () => {
  it('are none for a model that declares no analyses', () => {
    expect(analysisViews(coinFlips, 'experiment')).toEqual([]);
    expect(analysisViews(coinFlips, 'expectations')).toEqual([]);
  });

  it('are the views of what the model declares, in each place', () => {
    const market = findModel('cloud-market')!;
    expect(analysisViews(market, 'experiment').map((a) => [a.decl.id, a.View])).toEqual([
      ['strategy-report', StrategyReportView],
    ]);
    expect(analysisViews(market, 'expectations').map((a) => [a.decl.id, a.View])).toEqual([
      ['closing-question', ClosingQuestion],
    ]);
  });

  it('exist for every analysis every model declares', () => {
    for (const model of MODELS) {
      for (const on of ['experiment', 'expectations'] as const) {
        expect(analysisViews(model, on)).toHaveLength((model.analyses ?? []).filter((a) => a.on === on).length);
      }
    }
    expect(() => analysisViews(findModel('cloud-market')!, 'experiment', {})).toThrow(/no view for .*strategy-report/);
  });
});
