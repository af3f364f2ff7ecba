import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayText, hasUnsafeCharacters } from '../../src/core/safeText';

describe('displayText', () => {
  it('shows control sequences, bidi overrides and zero-width characters as visible escapes', () => {
    expect(displayText('evil\u202Efdp.json')).toBe('evil\\u{202E}fdp.json');
    expect(displayText('\u001b[2J\u009b31mred')).toBe('\\u{001B}[2J\\u{009B}31mred');
    expect(displayText('Vendor\u200b')).toBe('Vendor\\u{200B}');
    expect(displayText('a\tb\nc')).toBe('a\\u{0009}b\\u{000A}c');
    expect(displayText('a\tb\nc\r', { multiline: true })).toBe('a\tb\nc\\u{000D}');
    expect(displayText('x\ud800y')).toBe('x\\u{D800}y');
    expect(displayText('Cirrus 😀 Ūnion عربى', { max: 9 })).toBe('Cirrus 😀…');
  });

  it('leaves nothing a terminal or a page would act on, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const shown = displayText(text);
        expect(hasUnsafeCharacters(shown)).toBe(false);
        expect(hasUnsafeCharacters(text)).toBe(shown !== text);
      }),
    );
  });
});
