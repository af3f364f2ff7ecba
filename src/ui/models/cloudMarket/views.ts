/** The cloud market's analysis views, by the analysis ids its model declares. */
import { CLOSING_QUESTION, STRATEGY_REPORT } from '../../../models/cloudMarket/analyses';
import type { ModelViews } from '../analysisViews';
import { ClosingQuestion } from './ClosingQuestion';
import { StrategyReportView } from './StrategyReportView';

export const cloudMarketViews: ModelViews = {
  experiment: { [STRATEGY_REPORT]: StrategyReportView },
  expectations: { [CLOSING_QUESTION]: ClosingQuestion },
};
