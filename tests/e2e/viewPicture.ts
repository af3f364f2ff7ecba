/** Reading the drawn view in browser tests: its pixels at the screen's resolution, and a customer dot in it. */
import type { Page } from '@playwright/test';
import { PNG } from 'pngjs';

/** The model's view, found in any language (its accessible name is translated). */
export const view = (page: Page) => page.locator('.agent-view[role="img"]');

/** The view's pixels as drawn, and how many of them make one CSS pixel. */
export async function viewPixels(page: Page): Promise<{ png: PNG; dpr: number }> {
  const png = PNG.sync.read(await view(page).screenshot());
  const box = (await view(page).boundingBox())!;
  return { png, dpr: png.width / box.width };
}

/** The centre of a drawn customer dot (a vendor's colour, not grey or black), in CSS pixels of the view. */
export async function findDot(page: Page): Promise<{ x: number; y: number }> {
  const { png, dpr } = await viewPixels(page);
  const colour = (x: number, y: number) => {
    const i = 4 * (Math.round(y) * png.width + Math.round(x));
    return [png.data[i], png.data[i + 1], png.data[i + 2]];
  };
  const saturated = ([r, g, b]: number[]) => Math.max(r, g, b) - Math.min(r, g, b) > 80;
  const same = (a: number[], b: number[]) => a.every((v, k) => Math.abs(v - b[k]) < 30);
  const r = 1.5 * dpr;
  // Middle of the view: the customers' columns, away from the labels and squares.
  for (let y = Math.round(png.height * 0.3); y < png.height * 0.7; y++)
    for (let x = Math.round(png.width * 0.1); x < png.width * 0.9; x++) {
      const c = colour(x, y);
      if (!saturated(c)) continue;
      if ([colour(x - r, y), colour(x + r, y), colour(x, y - r), colour(x, y + r)].every((n) => same(n, c)))
        return { x: x / dpr, y: y / dpr };
    }
  throw new Error('no customer dot drawn');
}
