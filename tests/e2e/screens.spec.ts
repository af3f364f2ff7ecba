/** Where a class has a screen: a tablet in landscape (touch) and a projector, without horizontal scrolling. */
import { expect, test } from '@playwright/test';

const noSideScroll = () => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1;

test.describe('a tablet in landscape', () => {
  test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: false });

  test('the sandbox fits, and taps set up, run and step the market', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByLabel('Fingerprint', { exact: true })).toHaveText(/^[0-9a-f]{16}$/);
    expect(await page.evaluate(noSideScroll)).toBe(true);
    for (const name of ['Setup', 'Go', 'Step a year'])
      await expect(page.getByRole('button', { name, exact: true })).toBeInViewport();
    await expect(page.getByRole('img', { name: /Model view/ })).toBeVisible();
    await page.getByRole('button', { name: 'Step a year' }).tap();
    await expect(page.getByLabel('Tick', { exact: true })).toHaveText('365');
    await page.getByRole('button', { name: 'Experiments' }).tap();
    expect(await page.evaluate(noSideScroll)).toBe(true);
    await page.getByRole('button', { name: 'Expectations' }).tap();
    expect(await page.evaluate(noSideScroll)).toBe(true);
    await page.screenshot({ path: 'test-results/tablet.png' });
  });
});

test.describe('a projector', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('presenter mode shows the view and the two main charts without scrolling sideways', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Presenter mode' }).click();
    expect(await page.evaluate(noSideScroll)).toBe(true);
    await expect(page.getByRole('img', { name: /Model view/ })).toBeVisible();
    await expect(page.getByRole('figure', { name: /Market share/ })).toBeVisible();
  });
});
