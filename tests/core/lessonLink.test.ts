import { describe, expect, it } from 'vitest';
import { lessonFragment, lessonLinkIn } from '../../src/core/lessonLink';

describe('lesson links', () => {
  it('round-trip an id and a step', () => {
    const fragment = lessonFragment('who-pays-for-a-price-war', 3);
    expect(fragment).toBe('#lesson=who-pays-for-a-price-war&step=3');
    expect(lessonLinkIn(`https://example.org/agora/${fragment}`)).toEqual({ id: 'who-pays-for-a-price-war', step: 3 });
  });

  it('read a missing step as the first, and a bad one as null', () => {
    expect(lessonLinkIn('#lesson=a')).toEqual({ id: 'a', step: 1 });
    for (const step of ['0', '-1', '2.5', 'two', '', '01', '9999999'])
      expect(lessonLinkIn(`#lesson=a&step=${step}`)).toEqual({ id: 'a', step: null });
  });

  it('are not scenario links, nor other fragments', () => {
    expect(lessonLinkIn('https://example.org/#s=1.abc.def')).toBeNull();
    expect(lessonLinkIn('https://example.org/#intro')).toBeNull();
    expect(lessonLinkIn('https://example.org/')).toBeNull();
  });

  it('decode an id written with escapes', () => {
    expect(lessonLinkIn('#lesson=caf%C3%A9&step=2')).toEqual({ id: 'café', step: 2 });
    expect(lessonLinkIn('#lesson=bad%E0&step=2')).toEqual({ id: 'bad%E0', step: 2 });
  });
});
