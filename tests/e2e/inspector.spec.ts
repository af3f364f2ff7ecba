/** The inspector on a projector: its "why" table scrolls inside its card, and the plots stay on screen. */
import { expect, test } from '@playwright/test';
import { findDot, view } from './viewPicture';

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
