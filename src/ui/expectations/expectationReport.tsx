/**
 * The expectations page as a self-contained HTML report, with provenance: app and model
 * version and each experiment's hash (the experiment itself is in experiments/), and nothing
 * that depends on where or when it was made. React renders it to static markup, so every text
 * in it is escaped.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import type { ExpectationResult } from '../../core/experiment/expectation';
import { experimentHash } from '../../core/experiment/results';
import type { Experiment } from '../../core/experiment/schema';
import { APP_VERSION } from '../../core/version';
import { t } from '../../i18n';
import { attributionText, effectText, verdictText } from './expectationText';

const STYLE =
  'body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:collapse}' +
  'td,th{border:1px solid #ccc;padding:6px;vertical-align:top;text-align:left}small{color:#666}';

interface ReportRow {
  readonly file: string;
  readonly experiment: Experiment;
  readonly result: ExpectationResult | null;
}

function Row({ file, experiment, result }: ReportRow) {
  return (
    <tr>
      <td>
        {experiment.hypothesis!.statement}
        <br />
        <small>{`${file} · ${experimentHash(experiment)}`}</small>
      </td>
      <td>{result ? verdictText(result.verdict) : t('expect.notRun')}</td>
      <td>{result && effectText(result.effect, result.format)}</td>
      <td>{result?.runs}</td>
      <td>
        {result && attributionText(result.attribution)}
        <ul>
          {result?.attribution.shares.map((s) => (
            <li key={s.mechanism}>
              {`${t('expect.without', { mechanism: s.mechanism })}: ${effectText(s.effect, result.format)} — ` +
                `${verdictText(s.verdict)}, ${t('expect.moves', { percent: Math.round(100 * s.moved) })}`}
            </li>
          ))}
        </ul>
      </td>
    </tr>
  );
}

function Report({ rows }: { rows: readonly ReportRow[] }) {
  const columns = ['expectation', 'verdict', 'effect', 'runs', 'mechanism'] as const;
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <title>{t('expect.title')}</title>
        <style>{STYLE}</style>
      </head>
      <body>
        <h1>{t('expect.title')}</h1>
        <p>{t('expect.provenance', { app: APP_VERSION })}</p>
        <table>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c}>{t(`expect.col.${c}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <Row key={row.file} {...row} />
            ))}
          </tbody>
        </table>
      </body>
    </html>
  );
}

export function expectationReport(rows: readonly ReportRow[]): string {
  return `<!doctype html>\n${renderToStaticMarkup(<Report rows={rows} />)}\n`;
}
