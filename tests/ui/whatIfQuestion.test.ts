import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../src/i18n';
import { questionText, READY_WHAT_IFS } from '../../src/ui/compare/readyWhatIfs';

describe('a what-if question in the reader’s language', () => {
  afterEach(() => setLocale('en'));
  const ready = READY_WHAT_IFS.find((w) => w.file === 'cirrus-ends-price-war.json')!;

  it('translates a ready what-if’s own question, by its file', () => {
    setLocale('zh-CN');
    const text = questionText('cloud-market', ready.document.question!);
    expect(text).toMatch(/[\u4e00-\u9fff]/);
    expect(text).not.toBe(ready.document.question);
  });

  it('keeps English in English, and a question of someone’s own as written', () => {
    expect(questionText('cloud-market', ready.document.question!)).toBe(ready.document.question);
    setLocale('zh-CN');
    expect(questionText('cloud-market', 'What if Atlas doubles its prices?')).toBe('What if Atlas doubles its prices?');
  });
});
