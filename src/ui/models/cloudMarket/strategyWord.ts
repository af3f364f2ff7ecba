/** A strategy's word in the current locale (as the inspector says it): "profit" → "盈利". */
import { tModel } from '../../../i18n';
import { cloudMarket } from '../../../models/cloudMarket';

export function strategyWord(strategy: string): string {
  return tModel(cloudMarket.id, `describe.${strategy}`, strategy);
}
