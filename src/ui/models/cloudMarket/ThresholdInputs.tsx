/**
 * The two thresholds of the closing question: share ≥ X (percent) and cumulative profit ≥ Y,
 * entered in millions of credits and handed on in credits.
 */
import { useId } from 'react';
import { t } from '../../../i18n';

export function ThresholdInputs({
  minSharePct,
  minProfit,
  onMinSharePct,
  onMinProfit,
}: {
  minSharePct: number;
  minProfit: number;
  onMinSharePct: (value: number) => void;
  onMinProfit: (value: number) => void;
}) {
  const ids = { share: useId(), profit: useId() };
  return (
    <>
      <label htmlFor={ids.share}>{t('exp.report.minShare')}</label>
      <input
        id={ids.share}
        type="number"
        min={0}
        max={100}
        step={1}
        value={minSharePct}
        onChange={(e) => onMinSharePct(Number(e.target.value))}
      />
      <label htmlFor={ids.profit}>{t('exp.report.minProfit')}</label>
      <input
        id={ids.profit}
        type="number"
        step={0.5}
        value={minProfit / 1e6}
        onChange={(e) => onMinProfit(Math.round(Number(e.target.value) * 1e6))}
      />
    </>
  );
}
