/** An estimate's words (time and memory) in the reader's locale; the CLI keeps core's English. */
import type { EstimateWords } from '../core/estimate';
import { t } from '../i18n';

export const estimateWords: EstimateWords = {
  seconds: (s) => t('estimate.seconds', { s }),
  minutes: (m) => t('estimate.minutes', { m }),
  hours: (h, m) => t('estimate.hours', { h, m }),
  days: (d) => t('estimate.days', { d }),
  about: (time, memory) => t('estimate.about', { time, memory }),
};
