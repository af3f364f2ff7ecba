/** Share as area: the cloud market's customers grouped by seller within each industry, a view choice only. */
import { expect, test, type Page } from '@playwright/test';
import { PNG } from 'pngjs';

const FINGERPRINT = /^[0-9a-f]{16}$/;
const view = (page: Page) => page.getByRole('img', { name: /Model view/ });
const arrange = (page: Page) => page.getByLabel('Arrange customers');
const ATLAS_BLUE = [0x00, 0x72, 0xb2];

async function openMarketYear(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByLabel('Fingerprint', { exact: true })).toHaveText(FINGERPRINT);
  await page.getByRole('button', { name: 'Step a year' }).click();
  await expect(page.getByLabel('Tick', { exact: true })).toHaveText('365');
  await page.waitForTimeout(400);
}

async function viewPicture(page: Page): Promise<{ png: PNG; dpr: number; width: number; height: number }> {
  const png = PNG.sync.read(await view(page).screenshot());
  const box = (await view(page).boundingBox())!;
  return { png, dpr: png.width / box.width, width: box.width, height: box.height };
}

/**
 * Atlas-blue pixels in a horizontal slice of the Finance column (world x 0.02–0.31, its customers
 * between y 0.05 and 0.95), from share `from` to share `to` of the column's height, top down.
 */
function atlasIn({ png, dpr, width, height }: Awaited<ReturnType<typeof viewPicture>>, from: number, to: number) {
  // The world's bounds (x 0…1, y −0.2…1.2) fitted into the canvas with a 12-px padding, as the view draws it.
  const scale = Math.min(width - 24, (height - 24) / 1.4);
  const offsetX = (width - scale) / 2;
  const offsetY = (height - 1.4 * scale) / 2;
  const sx = (x: number) => (offsetX + x * scale) * dpr;
  const sy = (y: number) => (height - offsetY - (y + 0.2) * scale) * dpr;
  const yTop = 0.95 - 0.9 * from;
  const yBottom = 0.95 - 0.9 * to;
  let n = 0;
  for (let y = Math.round(sy(yTop)); y < sy(yBottom); y++)
    for (let x = Math.round(sx(0.02)); x < sx(0.31); x++) {
      const i = 4 * (y * png.width + x);
      if (ATLAS_BLUE.every((c, k) => Math.abs(png.data[i + k] - c) < 40)) n++;
    }
  return n;
}

/** Pixels that differ clearly between two pictures of the same size. */
function difference(a: PNG, b: PNG): number {
  let n = 0;
  for (let i = 0; i < a.data.length; i += 4)
    if (Math.abs(a.data[i] - b.data[i]) + Math.abs(a.data[i + 1] - b.data[i + 1]) > 60) n++;
  return n;
}

test('grouped by seller, each industry reads as blocks in vendor order; the model and its link never notice', async ({
  page,
}) => {
  await openMarketYear(page);
  const fingerprint = await page.getByLabel('Fingerprint', { exact: true }).textContent();
  const link = page.url();
  const legend = page.locator('.view-legend');
  await expect(legend).toContainText('a dot’s place within its column means nothing');

  // Scattered: Atlas's customers are as many at the top of Finance as at its bottom.
  const scattered = await viewPicture(page);
  const top = atlasIn(scattered, 0, 0.2);
  const bottom = atlasIn(scattered, 0.8, 1);
  expect(top).toBeLessThan(2 * bottom);

  await arrange(page).selectOption({ label: 'grouped by seller' });
  await expect(legend).toContainText('one block per seller');
  await expect(legend).not.toContainText('means nothing');
  await page.waitForTimeout(1500);
  // Grouped: Atlas, the first vendor, fills the top of each industry and is absent from its bottom
  // (direct buyers and no-seller come last).
  const grouped = await viewPicture(page);
  expect(atlasIn(grouped, 0, 0.2)).toBeGreaterThan(2 * top);
  expect(atlasIn(grouped, 0.8, 1)).toBeLessThan(bottom / 10);

  // A view choice only: the same fingerprint and link, and a year later the same state as scattered.
  await expect(page.getByLabel('Fingerprint', { exact: true })).toHaveText(fingerprint!);
  expect(page.url()).toBe(link);
  await page.getByRole('button', { name: 'Step a year' }).click();
  await expect(page.getByLabel('Tick', { exact: true })).toHaveText('730');
  const groupedYear2 = await page.getByLabel('Fingerprint', { exact: true }).textContent();
  await arrange(page).selectOption({ label: 'scattered' });
  await page.getByRole('button', { name: 'Setup' }).click();
  await expect(page.getByLabel('Tick', { exact: true })).toHaveText('0');
  for (const tick of ['365', '730']) {
    await page.getByRole('button', { name: 'Step a year' }).click();
    await expect(page.getByLabel('Tick', { exact: true })).toHaveText(tick);
  }
  await expect(page.getByLabel('Fingerprint', { exact: true })).toHaveText(groupedYear2!);
});

test('customers glide to their new place over several pictures instead of jumping', async ({ page }) => {
  await openMarketYear(page);
  const before = (await viewPicture(page)).png;
  const pictures: PNG[] = [];
  await arrange(page).selectOption({ label: 'grouped by seller' });
  // Pictures as fast as the browser takes them while the dots move, then the settled one.
  for (let k = 0; k < 6; k++) pictures.push((await viewPicture(page)).png);
  await page.waitForTimeout(1500);
  const after = (await viewPicture(page)).png;
  const moved = difference(before, after);
  expect(moved).toBeGreaterThan(1000);
  // At least one picture on the way: far from both the scatter and the blocks.
  const between = pictures.filter((p) => difference(p, before) > moved / 5 && difference(p, after) > moved / 5);
  expect(between.length).toBeGreaterThanOrEqual(1);
});

for (const dpr of [1, 2])
  test.describe(`at devicePixelRatio ${dpr}`, () => {
    test.use({ deviceScaleFactor: dpr, viewport: { width: 1280, height: 800 } });

    test('grouped, a click inspects the customer drawn there and rings it', async ({ page }) => {
      await openMarketYear(page);
      await arrange(page).selectOption({ label: 'grouped by seller' });
      await page.waitForTimeout(1500);
      const picture = await viewPicture(page);
      const { png } = picture;
      // An Atlas dot near the top of Finance, with Atlas blue all around its centre.
      const scale = Math.min(picture.width - 24, (picture.height - 24) / 1.4);
      const x0 = Math.round(((picture.width - scale) / 2 + 0.1 * scale) * dpr);
      const y0 = Math.round((picture.height / 2 - 0.2 * scale) * dpr);
      const blue = (x: number, y: number) =>
        ATLAS_BLUE.every((c, k) => Math.abs(png.data[4 * (Math.round(y) * png.width + Math.round(x)) + k] - c) < 40);
      const r = 1.5 * dpr;
      let dot: { x: number; y: number } | null = null;
      for (let y = y0; y < y0 + 60 * dpr && !dot; y++)
        for (let x = x0; x < x0 + 60 * dpr && !dot; x++)
          if (
            [
              [0, 0],
              [-r, 0],
              [r, 0],
              [0, -r],
              [0, r],
            ].every(([dx, dy]) => blue(x + dx, y + dy))
          )
            dot = { x: x / dpr, y: y / dpr };
      expect(dot).not.toBeNull();
      await view(page).click({ position: dot! });
      const inspector = page.getByRole('region', { name: 'Inspector' });
      await expect(inspector).toContainText(/Customers #\d+/);
      // The customer picked is Atlas's, in Finance: the one drawn there.
      await expect(inspector).toContainText('Atlas');
      await expect(inspector).toContainText('finance');
      await page.waitForTimeout(400);
      const after = (await viewPicture(page)).png;
      // The ring around the inspected dot is drawn where the click was.
      let near = 0;
      const reach = 9 * dpr;
      for (let y = Math.round(dot!.y * dpr - reach); y <= dot!.y * dpr + reach; y++)
        for (let x = Math.round(dot!.x * dpr - reach); x <= dot!.x * dpr + reach; x++) {
          const i = 4 * (y * png.width + x);
          if (Math.abs(after.data[i] - png.data[i]) + Math.abs(after.data[i + 1] - png.data[i + 1]) > 60) near++;
        }
      expect(near).toBeGreaterThan(40 * dpr * dpr);
    });
  });
