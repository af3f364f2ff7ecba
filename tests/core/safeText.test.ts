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

  it('keeps the joiners Persian, Indic scripts and emoji need inside a word, and no other', () => {
    const names = [
      'می\u200Cخواهم', // Persian: a non-joiner between two letters
      'क्\u200Dष', // Devanagari: a joiner after a virama
      '👩\u200D💻 Labs', // an emoji sequence
      'ශ්\u200Dරී', // Sinhala
    ];
    for (const name of names) {
      expect(hasUnsafeCharacters(name)).toBe(false);
      expect(displayText(name)).toBe(name);
    }
    // At an end, beside ASCII, a space or another joiner, a joiner only makes one name look like another.
    expect(displayText('Cirrus\u200D')).toBe('Cirrus\\u{200D}');
    expect(displayText('\u200Cمی')).toBe('\\u{200C}می');
    expect(displayText('Cir\u200Crus')).toBe('Cir\\u{200C}rus');
    expect(displayText('می \u200Cخ')).toBe('می \\u{200C}خ');
    expect(displayText('م\u200C\u200Cخ')).toBe('م\\u{200C}\\u{200C}خ');
    // Beside a character that is escaped itself, or half an emoji.
    expect(displayText('م\u200D\u202Eخ')).toBe('م\\u{200D}\\u{202E}خ');
    expect(displayText('\ud83d\u200Dم')).toBe('\\u{D83D}\\u{200D}م');
    // Bidirectional controls and other zero-width characters stay refused between letters too.
    for (const ch of ['\u202E', '\u2066', '\u200B', '\u200E', '\u2060', '\uFEFF'])
      expect(hasUnsafeCharacters(`م${ch}خ`)).toBe(true);
  });

  it('leaves nothing a terminal or a page would act on, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          // Joiners among letters, emoji, halves of emoji and controls: where they are kept or escaped.
          fc.string({ unit: fc.constantFrom('\u200C', '\u200D', 'م', 'a', ' ', '😀', '\ud83d', '\u202E', '\u0007') }),
        ),
        (text) => {
          const shown = displayText(text);
          expect(hasUnsafeCharacters(shown)).toBe(false);
          expect(hasUnsafeCharacters(text)).toBe(shown !== text);
        },
      ),
    );
  });
});
