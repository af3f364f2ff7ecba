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
  arms: [],
  units: { format: 'percent', scale: 'change' },
  readings: [
    {
      label: 'Profit, renegotiated minus not',
      measure: 'cumulativeProfit.v0',
      effect: { effect: 3.184e7, low: 1.2e7, high: 5.1e7, n: 40 },
      arms: [],
      units: { format: 'money', unit: 'credits', scale: 'change' },
      verdict: null,
    },
  ],
  unmeasuredReadings: ['The day accrual profit turns positive'],
  attribution: {
    label: 'by-construction',
    carriers: ['mechVolumeDiscount'],
    shares: [
      {
        mechanism: 'mechVolumeDiscount',
        effect: { effect: 0.01, low: -0.02, high: 0.04, n: 40 },
        verdict: 'inconclusive',
        moved: 0.92,
      },
      {
        mechanism: 'mechSwitchingCost',
        effect: { effect: 0.12, low: 0.04, high: 0.19, n: 40 },
        verdict: 'holds',
        moved: 0.04,
      },
    ],
  },
  robustness: {
    label: 'fragile',
    repetitions: 8,
    variations: [
      {
        id: 'seed',
        label: 'another base seed',
        verdict: 'holds',
        effect: { effect: 0.1, low: 0.05, high: 0.15, n: 8 },
      },
      {
        id: 'half-customers',
        label: 'half the customers',
        verdict: 'inconclusive',
        effect: { effect: 0.02, low: -0.01, high: 0.05, n: 8 },
      },
    ],
    flips: [
      {
        id: 'half-customers',
        label: 'half the customers',
        verdict: 'inconclusive',
        effect: { effect: 0.02, low: -0.01, high: 0.05, n: 8 },
      },
    ],
  },
  experimentRuns: 80,
  runs: 200,
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
    expect(html).toContain(`Agora ${APP_VERSION}, model Cloud pricing market.`);
    // The folder and the command are code: typed as they are, in any language.
    expect(html).toContain('(<code>experiments/</code>)');
    expect(html).toContain('rerun them with: <code>npm run -s agora -- expectations</code>');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('has one row per expectation: statement, verdict, effect, what it shows, runs, robustness, mechanisms', () => {
    const rows = cells(expectationReport([{ file, experiment, result }]));
    expect(rows[0]).toEqual([
      'Expectation',
      'Verdict',
      'Effect and 95% interval',
      'What the model shows',
      'Runs',
      'Robust?',
      'Mechanism',
    ]);
    expect(rows).toHaveLength(2);
    const [statement, verdict, effect, says, runs, robust, mechanism] = rows[1];
    expect(statement).toBe(`${experiment.hypothesis!.statement}\n${file} · ${experimentHash(experiment)}`);
    expect(verdict).toBe('holds');
    expect(effect).toBe('effect 12.5 pp [5.00 pp, 20.0 pp]');
    expect(says).toMatch(/ is 12\.5 pp higher than in the runs “Cirrus prices for profit”: the claim holds\./);
    expect(says).toContain('n = 40 pairs, 80 runs: each pair is two runs with the same random numbers');
    expect(says).toContain('200 runs in all');
    expect(says).toContain('Profit, renegotiated minus not: effect 31.8 M credits [12.0 M credits, 51.0 M credits]');
    // A reading no run gave a value for is said, not dropped.
    expect(says).toContain('The day accrual profit turns positive: no run gave a value');
    expect(runs).toBe('200');
    expect(robust).toContain('fragile: the verdict flips in half the customers (inconclusive, effect 2.00 pp');
    expect(robust).toContain('another base seed: holds, effect 10.0 pp [5.00 pp, 15.0 pp]');
    expect(robust).toContain('Each other setting runs the experiment’s own 8 repetitions');
    // Switches as the controls name them, with the effect with and without each; no bare percentages.
    expect(mechanism).toContain('by construction (Mechanism: volume discounts)');
    expect(mechanism).toContain(
      'Mechanism: volume discounts: with it 12.5 pp, without it 1.00 pp [-2.00 pp, 4.00 pp] — inconclusive',
    );
    expect(mechanism).not.toMatch(/moves/);
  });

  it('says an expectation not run yet, with empty cells', () => {
    const rows = cells(expectationReport([{ file, experiment, result: null }]));
    expect(rows[1].slice(1)).toEqual(['not run yet', '', '', '', '', '']);
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
