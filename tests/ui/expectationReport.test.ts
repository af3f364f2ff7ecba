import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ExpectationResult } from '../../src/core/experiment/expectation';
import { experimentHash } from '../../src/core/experiment/results';
import type { Experiment } from '../../src/core/experiment/schema';
import { APP_VERSION } from '../../src/core/version';
import { expectationReport } from '../../src/ui/expectations/expectationReport';

const experiment = JSON.parse(readFileSync('experiments/expectation-8-negotiation.json', 'utf8')) as Experiment;
const file = 'expectation-8-negotiation.json';

const result: ExpectationResult = {
  verdict: 'holds',
  effect: { effect: 0.125, low: 0.05, high: 0.2, n: 40 },
  attribution: {
    label: 'by-construction',
    carriers: ['negotiation'],
    shares: [
      {
        mechanism: 'negotiation',
        effect: { effect: 0.01, low: -0.02, high: 0.04, n: 40 },
        verdict: 'inconclusive',
        moved: 0.92,
      },
      { mechanism: 'churn', effect: { effect: 0.12, low: 0.04, high: 0.19, n: 40 }, verdict: 'holds', moved: 0.04 },
    ],
  },
  runs: 120,
  format: 'plain',
};

/** The report's table rows as lists of cell texts: tags dropped, entities decoded, a line per <br> or <li>. */
function cells(html: string): string[][] {
  const text = (s: string) =>
    s
      .replace(/<(br|li)\/?>/g, '\n')
      .replace(/<[^>]+>/g, '')
      .replace(/&#(x?)([0-9a-f]+);/gi, (_, hex: string, n: string) => String.fromCharCode(parseInt(n, hex ? 16 : 10)))
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&')
      .trim();
  return [...html.matchAll(/<tr>(.*?)<\/tr>/gs)].map((row) =>
    [...row[1].matchAll(/<t[dh]>(.*?)<\/t[dh]>/gs)].map((cell) => text(cell[1])),
  );
}

describe('the expectations report', () => {
  it('is a whole HTML document with its title and the provenance', () => {
    const html = expectationReport([{ file, experiment, result }]);
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toMatch(/<meta charset="utf-8"\/?>/i);
    expect(html).toContain('<title>The eight expectations</title>');
    expect(html).toContain('<h1>The eight expectations</h1>');
    expect(html).toContain(`Agora ${APP_VERSION}, model cloud-market.`);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('has one row per expectation: statement, file and hash, verdict, effect, runs and the mechanisms', () => {
    const rows = cells(expectationReport([{ file, experiment, result }]));
    expect(rows[0]).toEqual(['Expectation', 'Verdict', 'Effect and 95% interval', 'Runs', 'Mechanism']);
    expect(rows).toHaveLength(2);
    const [statement, verdict, effect, runs, mechanism] = rows[1];
    expect(statement).toBe(`${experiment.hypothesis!.statement}\n${file} · ${experimentHash(experiment)}`);
    expect(verdict).toBe('holds');
    expect(effect).toMatch(/^effect \S+ \[\S+, \S+\], n = 40$/);
    expect(runs).toBe('120');
    expect(mechanism).toContain('by construction (negotiation)');
    expect(mechanism).toMatch(
      /without negotiation: effect \S+ \[\S+, \S+\], n = 40 — inconclusive, moves the effect 92%/,
    );
    expect(mechanism).toMatch(/without churn: .* — holds, moves the effect 4%/);
  });

  it('says an expectation not run yet, with empty cells', () => {
    const rows = cells(expectationReport([{ file, experiment, result: null }]));
    expect(rows[1].slice(1)).toEqual(['not run yet', '', '', '']);
  });

  it('escapes text that looks like markup', () => {
    const hostile = {
      ...experiment,
      hypothesis: { ...experiment.hypothesis!, statement: '<script>alert("x")</script> & co' },
    };
    const html = expectationReport([{ file: 'a<b>.json', experiment: hostile, result: null }]);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('a<b>');
    expect(cells(html)[1][0]).toBe(`<script>alert("x")</script> & co\na<b>.json · ${experimentHash(hostile)}`);
  });
});
