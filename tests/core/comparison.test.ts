/** Comparison documents: checked strictly, carried by links intact, and the ready what-ifs really differ. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseComparison, startComparison } from '../../src/core/comparison';
import { decodeComparisonLink, encodeComparisonLink, isComparisonLink } from '../../src/core/comparisonLink';
import { decodeScenarioLink, encodeScenarioLink } from '../../src/core/scenarioLink';
import { findModel } from '../../src/models/registry';

const BASE = {
  format: 'agora-scenario',
  version: 2,
  model: 'cloud-market',
  modelVersion: 3,
  seed: 7,
  params: { customers: 300, years: 1 },
};
const comparison = (fork: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  format: 'agora-comparison',
  version: 1,
  base: BASE,
  fork,
  ...extra,
});
const firstError = (doc: unknown) => {
  const parsed = parseComparison(doc, findModel);
  return parsed.ok ? 'ok' : parsed.errors[0].message;
};

describe('parseComparison', () => {
  it('reads a fork with timed changes and gives the fork as one run from Setup', () => {
    const doc = comparison(
      { day: 20, changes: [{ tick: 25, param: 'vendors#2.strategy', value: 'profit' }] },
      { question: 'What if?' },
    );
    const parsed = parseComparison(
      { ...doc, base: { ...BASE, changes: [{ tick: 30, param: 'choiceNoise', value: 1 }] } },
      findModel,
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.question).toBe('What if?');
    expect(parsed.value.setsUp).toBe(false);
    expect(parsed.value.forked.changes.map((c) => c.tick)).toEqual([25, 30]);
  });

  it('refuses unknown keys, newer versions, Setup parameters after day 0 and changes before the fork', () => {
    expect(firstError({ ...comparison({ day: 0 }), extra: 1 })).toBe('extra: unknown key in comparison');
    expect(firstError(comparison({ day: 0, note: 1 }))).toBe('fork.note: unknown key in fork');
    expect(firstError({ ...comparison({ day: 0 }), version: 2 })).toMatch(/^version: is 2, made by a newer Agora/);
    expect(firstError(comparison({ day: 5, params: { customers: 100 } }))).toMatch(
      /^fork\.params: change only at Setup/,
    );
    expect(firstError(comparison({ day: 5, changes: [{ tick: 4, param: 'choiceNoise', value: 1 }] }))).toBe(
      'fork.changes[0].tick: must be at least the fork day 5',
    );
    expect(firstError(comparison({ day: 5, changes: [{ tick: 5, param: 'customers', value: 1 }] }))).toMatch(
      /^fork\.changes\[0\]\.param: customers: takes effect at the next Setup/,
    );
    expect(firstError(comparison({ day: 400 }))).toBe('fork.day: must be at most the horizon, day 365');
    expect(firstError({ ...comparison({ day: 0 }), base: { ...BASE, model: 'nope' } })).toMatch(
      /^base\.model: unknown/,
    );
  });
});

describe('comparison links', () => {
  it('round-trip a comparison, and are told apart from scenario links', async () => {
    const doc = comparison(
      { day: 3, changes: [{ tick: 3, param: 'vendors#0.margin', value: 12.5 }] },
      { question: 'Ω?' },
    );
    const link = await encodeComparisonLink(doc);
    expect(link.startsWith('#c=1.')).toBe(true);
    expect(isComparisonLink(`https://example.org/${link}`)).toBe(true);
    const decoded = await decodeComparisonLink(`https://example.org/${link}`);
    expect(decoded.ok && decoded.document).toEqual(doc);
    const scenarioLink = await encodeScenarioLink(BASE);
    expect(isComparisonLink(scenarioLink)).toBe(false);
    const wrong = await decodeComparisonLink(scenarioLink);
    expect(!wrong.ok && wrong.error.code).toBe('not-a-link');
    expect((await decodeScenarioLink(link)).ok).toBe(false);
    const tampered = await decodeComparisonLink(link.slice(0, 10) + (link[10] === 'A' ? 'B' : 'A') + link.slice(11));
    expect(tampered.ok).toBe(false);
  });
});

describe('the ready what-ifs', () => {
  const files = readdirSync('whatifs').filter((f) => f.endsWith('.json'));

  it('are three, each with a question', () => {
    expect(files).toHaveLength(3);
    for (const file of files) {
      const parsed = parseComparison(JSON.parse(readFileSync(`whatifs/${file}`, 'utf8')), findModel);
      expect(parsed.ok, `${file}: ${!parsed.ok && parsed.errors[0].message}`).toBe(true);
      expect(parsed.ok && parsed.value.question).toMatch(/^What if .*\?$/);
    }
  });

  for (const file of files) {
    it(`${file}: the fork equals the base until its change bites, then differs`, () => {
      const parsed = parseComparison(JSON.parse(readFileSync(`whatifs/${file}`, 'utf8')), findModel);
      if (!parsed.ok) throw new Error(parsed.errors[0].message);
      const { base, fork } = startComparison(parsed.value);
      // Every change here bites on day 365: the same random numbers give the same market until then.
      base.runUntil(365);
      fork.runUntil(365);
      expect(fork.fingerprint()).toBe(base.fingerprint());
      base.runUntil(420);
      fork.runUntil(420);
      expect(fork.fingerprint()).not.toBe(base.fingerprint());
    });
  }
});
