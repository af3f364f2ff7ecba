/** The Simplified Chinese catalogue covers every English message, with the same placeholders. */
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { zhCN } from '../../src/i18n/zh-CN';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the zh-CN catalogue', () => {
  const keys = Object.keys(en) as (keyof typeof en)[];

  it('has a non-empty text for every English key', () => {
    const missing = keys.filter((key) => !zhCN[key]?.trim());
    expect(missing).toEqual([]);
  });

  it('fills the same placeholders as the English text', () => {
    const differing = keys
      .filter((key) => zhCN[key] !== undefined)
      .filter((key) => placeholders(zhCN[key]!).join() !== placeholders(en[key]).join())
      .map((key) => `${key}: ${zhCN[key]}`);
    expect(differing).toEqual([]);
  });

  it('translates: an interface text longer than a word is not left in English', () => {
    // A text with two or more English words and no Chinese was copied, not translated.
    const copied = keys.filter(
      (key) => /[a-z]{3,} [a-z]{3,}/i.test(en[key]) && !/[\u4e00-\u9fff]/.test(zhCN[key] ?? ''),
    );
    expect(copied).toEqual([]);
  });
});
