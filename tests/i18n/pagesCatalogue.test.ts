/**
 * The experiments and expectations pages' catalogue: every key of its block in en.ts has a
 * zh-CN text with the same placeholders, and every ready experiment's displayed texts have one.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Experiment } from '../../src/core/experiment/schema';
import { setLocale } from '../../src/i18n';
import { en } from '../../src/i18n/en';
import { zhCN } from '../../src/i18n/zh-CN';
import { zhCNPages } from '../../src/i18n/zh-CN/pages';
import { documentText, readingLabel, subjectLabel } from '../../src/ui/experiments/documentText';
import { READY_EXPERIMENTS } from '../../src/ui/experiments/readyExperiments';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const CJK = /[\u4e00-\u9fff]/;

/** The keys of this area's block in en.ts: from its comment line to the end of the catalogue. */
function blockKeys(): string[] {
  const source = readFileSync('src/i18n/en.ts', 'utf8');
  const start = source.indexOf('// Experiments and expectations pages');
  expect(start).toBeGreaterThan(0);
  const block = source.slice(start, source.indexOf('} as const;', start));
  return [...block.matchAll(/^\s*'([^']+)':/gm)].map((m) => m[1]);
}

afterEach(() => setLocale('en'));

describe('the pages’ block of the catalogue', () => {
  const keys = blockKeys();

  it('is one block with the pages’ keys (problems, the strategy report, figures, the sentences)', () => {
    expect(keys.length).toBeGreaterThan(150);
    expect(keys).toContain('problem.unknownKeyScenario');
    expect(keys).toContain('report.col.strategy');
    expect(keys).toContain('expect.says.change');
  });

  it('has a zh-CN text for every key, with the same {placeholders}', () => {
    for (const key of keys) {
      const zh = zhCN[key];
      expect(zh, key).toBeTypeOf('string');
      expect(placeholders(zh!), key).toEqual(placeholders(en[key as keyof typeof en]));
    }
  });

  it('translates into Chinese, not a copy of the English (names and symbols aside)', () => {
    const copies = keys.filter((key) => zhCN[key] === en[key as keyof typeof en]);
    // Only the format of money, whose words are its parts', reads the same in both.
    expect(copies).toEqual(['figure.money']);
  });
});

/** Every text of a ready experiment the pages show, with its path. */
function displayed(experiment: Experiment): { path: string[]; english: string }[] {
  const h = experiment.hypothesis;
  const out = [{ path: ['name'], english: experiment.name }];
  if (experiment.description) out.push({ path: ['description'], english: experiment.description });
  if (!h) return out;
  out.push({ path: ['hypothesis', 'statement'], english: h.statement });
  if (h.carriedBy) out.push({ path: ['hypothesis', 'carriedBy'], english: h.carriedBy });
  for (const [value, label] of Object.entries(h.arms ?? {}))
    out.push({ path: ['hypothesis', 'arms', value], english: label });
  h.readings?.forEach((r, i) => out.push({ path: ['hypothesis', 'readings', String(i), 'label'], english: r.label }));
  h.robustness?.subjects?.forEach((s, i) =>
    out.push({ path: ['hypothesis', 'robustness', 'subjects', String(i), 'label'], english: s.label }),
  );
  return out;
}

describe('the ready experiments’ texts', () => {
  it('are all nine documents', () => {
    expect(READY_EXPERIMENTS).toHaveLength(9);
  });

  it.each(READY_EXPERIMENTS.map((r) => [r.file, r.experiment] as const))('%s reads in Chinese', (_, experiment) => {
    setLocale('zh-CN');
    for (const { path, english } of displayed(experiment)) {
      const zh = documentText(experiment, path, english);
      expect(zh, path.join('.')).not.toBe(english);
      expect(zh, path.join('.')).toMatch(CJK);
    }
    for (const r of experiment.hypothesis?.readings ?? []) expect(readingLabel(experiment, r.label)).toMatch(CJK);
    for (const s of experiment.hypothesis?.robustness?.subjects ?? [])
      expect(subjectLabel(experiment, s.label)).toMatch(CJK);
  });

  it('keys no text a document does not have (a renamed field would leave its translation unused)', () => {
    const shown = new Set(
      READY_EXPERIMENTS.flatMap((r) =>
        displayed(r.experiment).map(({ path }) => `experiment.${r.file.replace(/\.json$/, '')}.${path.join('.')}`),
      ),
    );
    const keyed = Object.keys(zhCNPages).filter((key) => key.startsWith('experiment.'));
    expect(keyed.filter((key) => !shown.has(key))).toEqual([]);
    expect(keyed).toHaveLength(shown.size);
  });

  it('keeps the English of a document that is not a ready one, or whose text was edited', () => {
    setLocale('zh-CN');
    const ready = READY_EXPERIMENTS[0].experiment;
    const edited = { ...ready, description: 'My own words' };
    expect(documentText(edited, ['description'], 'My own words')).toBe('My own words');
    const foreign = { ...ready, name: 'Not a ready experiment' };
    expect(documentText(foreign, ['hypothesis', 'statement'], ready.hypothesis!.statement)).toBe(
      ready.hypothesis!.statement,
    );
    setLocale('en');
    expect(documentText(ready, ['name'], ready.name)).toBe(ready.name);
  });
});
