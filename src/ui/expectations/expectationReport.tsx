/**
 * The expectations page as a self-contained HTML report, with provenance: app and model
 * version and each experiment's hash (the experiment itself is in experiments/), and nothing
 * that depends on where or when it was made. React renders it to static markup, so every text
 * in it is escaped.
 */
import { Fragment, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { ExpectationResult } from '../../core/experiment/expectation';
import { experimentHash } from '../../core/experiment/results';
import type { Experiment } from '../../core/experiment/schema';
import { APP_VERSION } from '../../core/version';
import { getLocale, t, tModel } from '../../i18n';
import { cloudMarket } from '../../models/cloudMarket';
import {
  ablationTexts,
  attributionText,
  effectText,
  namesOf,
  readingTexts,
  robustnessNote,
  robustnessText,
  sampleText,
  sentence,
  variationTexts,
  verdictText,
} from './expectationText';

const STYLE =
  'body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:collapse}' +
  'td,th{border:1px solid #ccc;padding:6px;vertical-align:top;text-align:left}small{color:#666}';

interface ReportRow {
  readonly file: string;
  readonly experiment: Experiment;
  readonly result: ExpectationResult | null;
}

function List({ items }: { items: readonly string[] }) {
  return items.length ? (
    <ul>
      {items.map((item, i) => (
        <li key={i}>{item}</li>
      ))}
    </ul>
  ) : null;
}

function Row({ file, experiment, result }: ReportRow) {
  const h = experiment.hypothesis!;
  const names = namesOf(experiment);
  return (
    <tr>
      <td>
        {names.text(['hypothesis', 'statement'], h.statement)}
        <br />
        <small>{`${file} · ${experimentHash(experiment)}`}</small>
      </td>
      <td>{result ? verdictText(result.verdict) : t('expect.notRun')}</td>
      <td>{result && effectText(result.effect, result.units)}</td>
      <td>
        {result && sentence(result, h, names)}
        {result && <br />}
        {result && <small>{sampleText(result, h, names)}</small>}
        {result && <List items={readingTexts(result, names)} />}
      </td>
      <td>{result?.runs}</td>
      <td>
        {result && robustnessText(result, names)}
        {result && <List items={variationTexts(result, names)} />}
        {result && <small>{robustnessNote(result)}</small>}
      </td>
      <td>
        {result && attributionText(result, h, names)}
        {result && <List items={ablationTexts(result, names)} />}
      </td>
    </tr>
  );
}

/**
 * Where the report comes from: the model by its title; the folder and the command as code, since
 * they are typed as they are in any language.
 */
function Provenance() {
  const parts: Record<string, ReactNode> = {
    model: tModel(cloudMarket.id, 'title', cloudMarket.title),
    folder: <code>experiments/</code>,
    command: <code>npm run -s agora -- expectations</code>,
  };
  return (
    <p>
      {t('expect.provenance', { app: APP_VERSION })
        .split(/(\{\w+\})/)
        .map((part, i) => (
          <Fragment key={i}>{parts[/^\{(\w+)\}$/.exec(part)?.[1] ?? ''] ?? part}</Fragment>
        ))}
    </p>
  );
}

function Report({ rows }: { rows: readonly ReportRow[] }) {
  const columns = ['expectation', 'verdict', 'effect', 'says', 'runs', 'robustness', 'mechanism'] as const;
  return (
    <html lang={getLocale()}>
      <head>
        <meta charSet="utf-8" />
        <title>{t('expect.title')}</title>
        <style>{STYLE}</style>
      </head>
      <body>
        <h1>{t('expect.title')}</h1>
        <Provenance />
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
