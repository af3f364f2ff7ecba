/** The page and the canvases name the same fonts, Chinese ones included. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FONT_STACK } from '../../src/ui/fontStack';

const families = (list: string) => list.split(',').map((f) => f.trim().replace(/^['"]|['"]$/g, ''));

describe('the font stack', () => {
  it('is the same in app.css as on the canvases', () => {
    const css = readFileSync(new URL('../../src/ui/app.css', import.meta.url), 'utf8');
    const rootFonts = /:root\s*{[^}]*?font-family:([^;]+);/.exec(css)![1];
    expect(families(rootFonts)).toEqual(families(FONT_STACK));
  });

  it('names a Simplified Chinese font of each system before the generic family', () => {
    const fonts = families(FONT_STACK);
    for (const font of ['PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC']) expect(fonts).toContain(font);
    expect(fonts.at(-1)).toBe('sans-serif');
  });
});
