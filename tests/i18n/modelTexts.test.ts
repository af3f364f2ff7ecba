import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Model } from '../../src/core/model';
import { p } from '../../src/core/params';
import { setLocale, tModel } from '../../src/i18n';
import { zhCN } from '../../src/i18n/zh-CN';
import { MODELS } from '../../src/models/registry';
import { declaredTexts, runTimeTextPaths } from './modelTextPaths';

/** The ModelTexts the cloud market hands over at run time: its inspector explanations and Setup notices. */
const RUN_TIME_PATHS = [
  ...runTimeTextPaths('src/models/cloudMarket/explain.ts', 'explain.', /\btext\(\s*'([^']+)'/g),
  ...runTimeTextPaths('src/models/cloudMarket/index.ts', '', /\bpath: '([^']+)'/g),
];

/** The ready what-ifs' questions, translated under their model by file name. */
const WHAT_IF_KEYS = readdirSync(new URL('../../whatifs/', import.meta.url))
  .filter((file) => file.endsWith('.json'))
  .flatMap((file) => {
    const doc = JSON.parse(readFileSync(new URL(`../../whatifs/${file}`, import.meta.url), 'utf8')) as {
      question?: string;
      base: { model: string };
    };
    return doc.question ? [`model.${doc.base.model}.whatif.${file.replace(/\.json$/, '')}.question`] : [];
  });

function keysOf(model: Model): string[] {
  const paths = declaredTexts(model).map((x) => x.path);
  if (model.id === 'cloud-market') paths.push(...RUN_TIME_PATHS);
  return paths.map((path) => `model.${model.id}.${path}`);
}

function untranslated(model: Model): string[] {
  return keysOf(model).filter((key) => !zhCN[key]?.trim());
}

/** The Markdown's skeleton: its headings by level, its table rows and its list items. */
function skeleton(markdown: string) {
  const lines = markdown.split('\n');
  return {
    headings: lines.filter((l) => /^#+ /.test(l)).map((l) => l.split(' ')[0]),
    tableRows: lines.filter((l) => l.startsWith('|')).map((l) => l.split('|').length),
    listItems: lines.filter((l) => /^(- |\d+\. )/.test(l)).length,
  };
}

afterEach(() => setLocale('en'));

describe('zh-CN model texts', () => {
  it.each(MODELS.map((m) => [m.id, m] as const))('translates every text %s declares', (_, model) => {
    expect(untranslated(model)).toEqual([]);
  });

  it('fails for a parameter added without a translation', () => {
    const [kMeans] = MODELS;
    const grown = {
      ...kMeans,
      params: { ...kMeans.params, extra: p.int({ label: 'Extra', min: 0, max: 1, default: 0 }) },
    };
    expect(untranslated(grown)).toEqual([`model.${kMeans.id}.param.extra.label`]);
  });

  it('holds no translation of a text no model declares (a renamed or removed one)', () => {
    const declared = new Set([...MODELS.flatMap(keysOf), ...WHAT_IF_KEYS]);
    const stale = Object.keys(zhCN).filter((key) => key.startsWith('model.') && !declared.has(key));
    expect(stale).toEqual([]);
  });

  it('translates every ready what-if question', () => {
    expect(WHAT_IF_KEYS.length).toBeGreaterThan(0);
    expect(WHAT_IF_KEYS.filter((key) => !zhCN[key]?.trim())).toEqual([]);
  });

  it.each(MODELS.map((m) => [m.id, m] as const))('keeps the Info of %s in the English structure', (_, model) => {
    const chinese = zhCN[`model.${model.id}.info`] ?? '';
    expect(skeleton(chinese)).toEqual(skeleton(model.info));
    // Prose in Chinese: most of its letters are CJK characters, not English left behind.
    const cjk = chinese.match(/\p{Script=Han}/gu)?.length ?? 0;
    const latin = chinese.match(/[A-Za-z]/g)?.length ?? 0;
    expect(cjk).toBeGreaterThan(latin);
  });

  it('translates a per-vendor text once, with the vendor name the user gave', () => {
    setLocale('zh-CN');
    expect(tModel('cloud-market', 'reporter.share.v3.label', 'Share: Cirrus')).toBe('份额：Cirrus');
    expect(tModel('cloud-market', 'reporter.segmentShare.gaming.v12.label', 'Share in gaming: My Cloud')).toBe(
      '游戏行业份额：My Cloud',
    );
    expect(tModel('cloud-market', 'reporter.share.direct.label', 'Share: direct purchase')).toBe('份额：直接采购');
    setLocale('en');
    expect(tModel('cloud-market', 'reporter.share.v3.label', 'Share: Cirrus')).toBe('Share: Cirrus');
  });
});
