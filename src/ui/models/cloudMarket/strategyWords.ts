/**
 * The strategy report's words in the reader's locale: the table's headers and cells (the same
 * table `agora report` prints in English, see strategyTable.ts) and the note on its path columns.
 */
import { t, tModel } from '../../../i18n';
import { recordsEveryYear, type StrategyReport } from '../../../models/cloudMarket/analyses';
import type { StrategyTableWords } from '../../../models/cloudMarket/strategyTable';
import { creditsText } from '../../localFigures';

export const strategyWords: StrategyTableWords = {
  header: (share, profit) => [
    t('report.col.strategy'),
    t('report.col.runs'),
    t('report.col.share', { share }),
    t('report.col.profit', { profit }),
    t('report.col.both'),
    t('report.col.everyYear', { share }),
    t('report.col.turnsPositive'),
    t('report.col.positiveDay'),
    t('report.col.medianShare'),
    t('report.col.medianProfit'),
  ],
  runsFailed: (runs, failed) => t('report.runsFailed', { runs, failed }),
  day: (day) => t('report.day', { day }),
  credits: creditsText,
};

/** What the path columns rest on, in a sentence (their resolution, or why one is missing). */
export function pathNoteText(report: StrategyReport): string {
  const every = report.every;
  const yearly = recordsEveryYear(every, report.horizon)
    ? t('report.yearly')
    : t('report.yearlyMissing', {
        records: every ? t('report.recordsEvery', { every }) : t('report.recordsFinal'),
      });
  const day = every > 0 ? t('report.positiveDay', { every }) : t('report.positiveFinal');
  return `${yearly} ${day}`;
}

/** A strategy's name as the vendors table's options name it (the report keys strategies by value). */
export function strategyName(strategy: string): string {
  return tModel('cloud-market', `param.vendors.strategy.option.${strategy}`, strategy);
}
