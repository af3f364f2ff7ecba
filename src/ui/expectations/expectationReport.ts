/**
 * The expectations page as a self-contained HTML report, with provenance: app and model
 * version and each experiment's hash (the experiment itself is in experiments/), and nothing
 * that depends on where or when it was made.
 */
import type { ExpectationResult } from '../../core/experiment/expectation';
import { experimentHash } from '../../core/experiment/results';
import type { Experiment } from '../../core/experiment/schema';
import { APP_VERSION } from '../../core/version';
import { t } from '../../i18n';
import { attributionText, effectText, verdictText } from './expectationText';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function expectationReport(
  rows: readonly { file: string; experiment: Experiment; result: ExpectationResult | null }[],
): string {
  const body = rows
    .map(({ file, experiment, result }) => {
      const h = experiment.hypothesis!;
      const mechanisms = result
        ? result.attribution.shares
            .map(
              (s) =>
                `<li>${escape(t('expect.without', { mechanism: s.mechanism }))}: ${escape(effectText(s.effect, result.format))} — ${escape(verdictText(s.verdict))}, ${escape(t('expect.moves', { percent: Math.round(100 * s.moved) }))}</li>`,
            )
            .join('')
        : '';
      return `<tr><td>${escape(h.statement)}<br><small>${escape(file)} · ${experimentHash(experiment)}</small></td><td>${result ? escape(verdictText(result.verdict)) : escape(t('expect.notRun'))}</td><td>${result ? escape(effectText(result.effect, result.format)) : ''}</td><td>${result ? result.runs : ''}</td><td>${result ? escape(attributionText(result.attribution)) : ''}<ul>${mechanisms}</ul></td></tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(t('expect.title'))}</title>
<style>body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:6px;vertical-align:top;text-align:left}small{color:#666}</style></head>
<body><h1>${escape(t('expect.title'))}</h1>
<p>${escape(t('expect.provenance', { app: APP_VERSION }))}</p>
<table><thead><tr><th>${escape(t('expect.col.expectation'))}</th><th>${escape(t('expect.col.verdict'))}</th><th>${escape(t('expect.col.effect'))}</th><th>${escape(t('expect.col.runs'))}</th><th>${escape(t('expect.col.mechanism'))}</th></tr></thead>
<tbody>
${body}
</tbody></table></body></html>
`;
}
