/** Texts drawn on the view's canvas never overlap, on every classroom screen, in both arrangements and presenter mode. */
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
        const all = (labels: LabelBox[]) => labels.length === 10 && labels.some((l) => /^Atlas \d/.test(l.text));
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
