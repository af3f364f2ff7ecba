/**
 * The share–profit frontier of a strategy report: every run as a faint point (final share,
 * cumulative profit), each strategy's medians as a large one, and the line through the
 * strategies no other beats on both.
 */
import { CartesianGrid, Legend, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import { okabeIto } from '../../../core/palette';
import { t } from '../../../i18n';
import { shareProfitFrontier, type StrategyReport } from '../../../models/cloudMarket/analyses';
import { amountText, creditsText } from '../../localFigures';
import { strategyName } from './strategyWords';

const COLOURS = okabeIto('blue', 'orange', 'green', 'pink', 'vermilion', 'sky', 'black');
const M = 1e6;

export function FrontierChart({ report, vendor }: { report: StrategyReport; vendor: string }) {
  const frontier = shareProfitFrontier(report)
    .filter((p) => p.onFrontier)
    .sort((a, b) => a.share - b.share)
    .map((p) => ({ share: 100 * p.share, profit: p.profit / M, strategy: p.strategy }));
  const medians = shareProfitFrontier(report);
  return (
    <figure className="plot frontier" aria-label={t('exp.report.frontierOf', { vendor })}>
      <figcaption>{t('exp.report.frontier')}</figcaption>
      <ScatterChart width={560} height={300} margin={{ top: 8, right: 16, bottom: 16, left: 8 }}>
        <CartesianGrid stroke="#e4e4e4" />
        <XAxis
          type="number"
          dataKey="share"
          name={t('exp.report.shares')}
          unit="%"
          domain={['auto', 'auto']}
          tick={{ fontSize: 11 }}
        />
        <YAxis
          type="number"
          dataKey="profit"
          name={t('exp.report.profits')}
          tickFormatter={(v: number) => amountText(v * M)}
          width={72}
          domain={['auto', 'auto']}
          tick={{ fontSize: 11 }}
        />
        <Tooltip
          formatter={(value, name) =>
            name === t('exp.report.profits') ? creditsText(Number(value) * M) : `${Number(value).toFixed(1)}%`
          }
        />
        <Legend />
        {report.rows.map((r, i) => (
          <Scatter
            key={r.strategy}
            name={strategyName(r.strategy)}
            data={r.shares.map((s, k) => ({ share: 100 * s, profit: r.profits[k] / M }))}
            fill={COLOURS[i % COLOURS.length]}
            fillOpacity={0.35}
            isAnimationActive={false}
          />
        ))}
        {medians.map((p) => (
          <Scatter
            key={`median-${p.strategy}`}
            name={`${strategyName(p.strategy)} (${t('exp.report.median')})`}
            legendType="none"
            data={[{ share: 100 * p.share, profit: p.profit / M }]}
            fill={COLOURS[report.rows.findIndex((r) => r.strategy === p.strategy) % COLOURS.length]}
            stroke="#000"
            shape="diamond"
            isAnimationActive={false}
          />
        ))}
        <Scatter
          name={t('exp.report.frontierLine')}
          data={frontier}
          line={{ stroke: '#000', strokeWidth: 1.5 }}
          lineType="joint"
          shape={() => <g />}
          fill="#000"
          isAnimationActive={false}
        />
      </ScatterChart>
    </figure>
  );
}
