/** The inspector on a projector: its "why" table scrolls inside its card, and the plots stay on screen. */
import { expect, test, type Page } from '@playwright/test';
import { PNG } from 'pngjs';

const view = (page: Page) => page.getByRole('img', { name: /Model view/ });

/** The centre of a customer dot drawn in a vendor's colour, in CSS pixels of the view. */
async function findDot(page: Page): Promise<{ x: number; y: number }> {
  const png = PNG.sync.read(await view(page).screenshot());
  const dpr = png.width / (await view(page).boundingBox())!.width;
  const colour = (x: number, y: number) => {
    const i = 4 * (Math.round(y) * png.width + Math.round(x));
    return [png.data[i], png.data[i + 1], png.data[i + 2]];
  };
  const saturated = ([r, g, b]: number[]) => Math.max(r, g, b) - Math.min(r, g, b) > 80;
  const same = (a: number[], b: number[]) => a.every((v, k) => Math.abs(v - b[k]) < 30);
  const r = 1.5 * dpr;
  for (let y = Math.round(png.height * 0.3); y < png.height * 0.7; y++)
    for (let x = Math.round(png.width * 0.1); x < png.width * 0.9; x++) {
      const c = colour(x, y);
      if (!saturated(c)) continue;
      if ([colour(x - r, y), colour(x + r, y), colour(x, y - r), colour(x, y + r)].every((n) => same(n, c)))
        return { x: x / dpr, y: y / dpr };
    }
  throw new Error('no customer dot drawn');
}

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    for (const presenter of [false, true])
      test(`the inspector's why table scrolls in its card, the plots stay on screen${presenter ? ' (presenter)' : ''}`, async ({
        page,
      }) => {
        await page.goto('/');
        await expect(page.getByLabel('Fingerprint', { exact: true })).toHaveText(/^[0-9a-f]{16}$/);
        await page.getByRole('button', { name: 'Step a year' }).click();
        await expect(page.getByLabel('Tick', { exact: true })).toHaveText('365');
        if (presenter) await page.getByRole('button', { name: 'Presenter mode' }).click();
        await page.waitForTimeout(400);
        const plots = page.getByRole('figure', { name: /Market share/ });
        const before = (await plots.boundingBox())!;
        await view(page).click({ position: await findDot(page) });
        const inspector = page.getByRole('region', { name: 'Inspector' });
        const why = inspector.getByRole('region', { name: /Why this seller/ });
        await expect(why).toBeVisible();
        await inspector.getByText(/^Details/).click();

        // The card stays in the window, and the why table's scroll box is no wider than the card.
        await expect(inspector).toBeInViewport({ ratio: 1 });
        const sizes = await why.locator('.table-scroll').evaluate((box) => {
          const card = box.closest('.inspector')!;
          return { box: box.getBoundingClientRect().right, card: card.getBoundingClientRect().right };
        });
        expect(sizes.box).toBeLessThanOrEqual(sizes.card);
        // Nothing moved the page: no sideways scroll, no taller page, the share plot where it was and in view.
        expect(await page.evaluate(() => document.scrollingElement!.scrollWidth <= innerWidth)).toBe(true);
        expect(await page.evaluate(() => scrollY)).toBe(0);
        const after = (await plots.boundingBox())!;
        expect(after).toEqual(before);
        await expect(plots).toBeInViewport();
        // ... and not hidden under the card: the middle of its chart is the chart's.
        const chart = (await plots.locator('.recharts-cartesian-grid').boundingBox())!;
        const centre = { x: chart.x + chart.width / 2, y: chart.y + chart.height / 2 };
        expect(
          await plots.evaluate((figure, { x, y }) => figure.contains(document.elementFromPoint(x, y)), centre),
        ).toBe(true);
      });
  });
}
