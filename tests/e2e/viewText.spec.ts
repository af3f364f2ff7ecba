/**
 * Texts drawn on the view's canvas never overlap, on every classroom screen, in both arrangements
 * and presenter mode; the legend beside it grows with them for the back row.
 */
import { expect, test, type Page } from '@playwright/test';

interface LabelBox {
  readonly text: string;
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

const SCREENS = [
  { name: 'a laptop', viewport: { width: 1280, height: 720 }, touch: false },
  { name: 'a large laptop', viewport: { width: 1440, height: 900 }, touch: false },
  { name: 'a projector', viewport: { width: 1920, height: 1080 }, touch: false },
  { name: 'a tablet', viewport: { width: 1024, height: 768 }, touch: true },
];

/** The texts the renderer drew and where (it keeps them on its canvas for tests), once `ready` holds for them. */
async function drawnLabels(page: Page, ready: (labels: LabelBox[]) => boolean): Promise<LabelBox[]> {
  const canvas = page.locator('.agent-view canvas');
  let labels: LabelBox[] = [];
  await expect
    .poll(async () => {
      labels = JSON.parse((await canvas.getAttribute('data-labels')) ?? '[]') as LabelBox[];
      return ready(labels);
    })
    .toBe(true);
  return labels;
}

function expectApart(labels: readonly LabelBox[], width: number, height: number, where: string): void {
  const overlapping: string[] = [];
  for (const [i, a] of labels.entries())
    for (const b of labels.slice(i + 1))
      if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
        overlapping.push(`"${a.text}" and "${b.text}"`);
  expect(overlapping, `overlapping labels (${where})`).toEqual([]);
  // Pushed apart, but not off the canvas.
  const outside = labels.filter((l) => l.left < 0 || l.top < 0 || l.right > width || l.bottom > height);
  expect(
    outside.map((l) => l.text),
    `labels outside the ${width}×${height} canvas (${where})`,
  ).toEqual([]);
}

for (const screen of SCREENS)
  for (const dpr of [1, 2])
    test.describe(`${screen.name} (${screen.viewport.width}×${screen.viewport.height}) at DPR ${dpr}`, () => {
      test.use({ viewport: screen.viewport, deviceScaleFactor: dpr, hasTouch: screen.touch });

      test('no two canvas labels overlap, scattered or grouped, normal or presenting', async ({ page }) => {
        await page.goto('/');
        await expect(page.getByLabel('Fingerprint', { exact: true })).toHaveText(/^[0-9a-f]{16}$/);
        await page.getByRole('button', { name: 'Step a year' }).click();
        await expect(page.getByLabel('Tick', { exact: true })).toHaveText('365');
        // Three industry names, five vendors and two suppliers, with the shares of day 365.
        const all = (labels: LabelBox[]) => labels.length === 10 && labels.some((l) => /^Atlas\s\d/.test(l.text));
        for (const presenting of [false, true]) {
          if (presenting) await page.getByRole('button', { name: 'Presenter mode' }).click();
          for (const arrangement of ['scattered', 'grouped by seller']) {
            await page.getByLabel('Arrange customers').selectOption({ label: arrangement });
            // The canvas's size once the layout settled; labels are then drawn for it.
            await page.waitForTimeout(300);
            const box = (await page.locator('.agent-view').boundingBox())!;
            const labels = await drawnLabels(page, all);
            expectApart(labels, box.width, box.height, `${arrangement}${presenting ? ', presenting' : ''}`);
          }
        }
      });
    });

const noSideScroll = () => document.scrollingElement!.scrollWidth <= window.innerWidth;

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
])
  test.describe(`presenting at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('the legend grows as the canvas text does, and the page never scrolls sideways', async ({ page }) => {
      await page.goto('/');
      await expect(page.getByLabel('Fingerprint', { exact: true })).toHaveText(/^[0-9a-f]{16}$/);
      const legend = page.locator('.view-legend');
      const legendPx = async () => parseFloat(await legend.evaluate((e) => getComputedStyle(e).fontSize));
      // A name's width grows in proportion to its type size (its height has fixed padding).
      const nameWidth = async () => {
        const labels = await drawnLabels(page, (l) => l.some((b) => b.text === 'Finance'));
        const finance = labels.find((b) => b.text === 'Finance')!;
        return finance.right - finance.left;
      };
      await page.waitForTimeout(300);
      const [legendBefore, nameBefore] = [await legendPx(), await nameWidth()];
      await page.getByRole('button', { name: 'Presenter mode' }).click();
      await page.getByLabel('Arrange customers').selectOption({ label: 'grouped by seller' });
      await page.waitForTimeout(500);
      const [legendAfter, nameAfter] = [await legendPx(), await nameWidth()];
      // The same factor for both (a small canvas keeps normal size; a projector's grows).
      expect(legendAfter / legendBefore).toBeCloseTo(nameAfter / nameBefore, 1);
      if (viewport.width === 1920) expect(legendAfter / legendBefore).toBeGreaterThan(1.4);
      expect(await page.evaluate(noSideScroll)).toBe(true);
      await page.screenshot({ path: `test-results/presenting-${viewport.width}.png` });
    });
  });
