/** A tablet in landscape (1024×768, touch): view, share plot, clock, levers and monitors where a teacher sees them. */
import { expect, test } from '@playwright/test';

test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true });

test('the view and the share plot show together, the clock under Go, the monitors at the fold', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByLabel('Fingerprint', { exact: true })).toHaveText(/^[0-9a-f]{16}$/);
  await page.getByRole('button', { name: 'Step a year' }).tap();
  await expect(page.getByLabel('Tick', { exact: true })).toHaveText('365');
  // Whole, without scrolling.
  await expect(page.getByRole('img', { name: /Model view/ })).toBeInViewport({ ratio: 1 });
  await expect(page.getByRole('figure', { name: /Market share/ })).toBeInViewport({ ratio: 1 });
  for (const name of ['Tick', 'Date', 'Strategy of Eos', 'Target margin of Eos'])
    await expect(page.getByLabel(name, { exact: true })).toBeInViewport({ ratio: 1 });
  // The monitors start at the fold: the first one's top is on screen.
  const fingerprint = (await page.getByLabel('Fingerprint', { exact: true }).boundingBox())!;
  expect(fingerprint.y).toBeLessThan(768);
  expect(await page.evaluate(() => scrollY)).toBe(0);
  // Nothing spills sideways: not the page, not the levers out of their column, not a plot's buttons.
  const spills = await page.evaluate(() => {
    const out: string[] = [];
    if (document.scrollingElement!.scrollWidth > innerWidth) out.push('page');
    for (const panel of document.querySelectorAll<HTMLElement>('main .panel')) {
      const edge = panel.getBoundingClientRect().right;
      for (const e of panel.querySelectorAll<HTMLElement>('button, select, input'))
        if (e.offsetParent !== null && e.getBoundingClientRect().right > edge + 0.5)
          out.push(e.getAttribute('aria-label') ?? e.textContent ?? e.tagName);
    }
    return out;
  });
  expect(spills).toEqual([]);
});

test('every touch target of the sandbox is at least 44 px tall and wide', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByLabel('Fingerprint', { exact: true })).toHaveText(/^[0-9a-f]{16}$/);
  // A timed change puts its marks on the timelines and the plots.
  await page.getByRole('button', { name: 'Step a year' }).tap();
  await expect(page.getByLabel('Tick', { exact: true })).toHaveText('365');
  await page.getByLabel('Strategy of Cirrus', { exact: true }).selectOption('profit');
  await page.getByRole('button', { name: 'Step', exact: true }).tap();
  await expect(page.getByLabel('Tick', { exact: true })).toHaveText('366');
  await expect(page.locator('.plot-mark').first()).toBeVisible();
  const small = await page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLElement>(
        'main button, main select, main input, main summary, .tables button, .tables select, .tables input',
      ),
    ]
      .filter((e) => e.offsetParent !== null)
      .map((e) => {
        const box = e.getBoundingClientRect();
        // A checkbox's target includes its margin, which the browser gives to the click too.
        const style = getComputedStyle(e);
        const extra = (side: 'Top' | 'Left') =>
          e instanceof HTMLInputElement && e.type === 'checkbox' ? 2 * parseFloat(style[`margin${side}`]) : 0;
        return {
          what: e.getAttribute('aria-label') ?? e.textContent ?? e.tagName,
          width: box.width + extra('Left'),
          height: box.height + extra('Top'),
        };
      })
      .filter((e) => e.width < 44 || e.height < 44),
  );
  expect(small).toEqual([]);
});
