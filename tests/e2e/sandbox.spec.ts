/** The market sandbox's controls: tables, Step a year, dates and monitors, reset with undo. */
import { expect, test, type Page } from '@playwright/test';
import { PNG } from 'pngjs';

const fingerprint = (page: Page) => page.getByLabel('Fingerprint', { exact: true });

/** Pixels of a dark, colourless grey: the inspected agent's ring and links, and text. */
function darkGreyPixels(png: PNG): number {
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const [r, g, b] = [png.data[i], png.data[i + 1], png.data[i + 2]];
    if (r < 130 && Math.abs(r - g) < 30 && Math.abs(g - b) < 35 && Math.abs(r - b) < 45) n++;
  }
  return n;
}

async function openMarket(page: Page): Promise<void> {
  await page.goto('/');
  await expect(fingerprint(page)).toHaveText(/^[0-9a-f]{16}$/);
  await page.getByLabel('Model', { exact: true }).selectOption('cloud-market');
  await expect(page.getByLabel('Date', { exact: true })).toHaveText('Year 1, day 1');
}

test('Step a year advances 365 days and the monitors follow', async ({ page }) => {
  await openMarket(page);
  await page.getByRole('button', { name: 'Step a year' }).click();
  await expect(page.getByLabel('Tick', { exact: true })).toHaveText('365');
  await expect(page.getByLabel('Date', { exact: true })).toHaveText('Year 1, day 365');
  await expect(page.getByLabel('Share: Atlas', { exact: true })).toHaveText(/^\d+\.\d%$/);
  await expect(page.getByLabel('Share: Eos', { exact: true })).toHaveText('n/a');
});

test('the vendor table edits a strategy, removes a row with undo, and applies at Setup', async ({ page }) => {
  await openMarket(page);
  const before = await fingerprint(page).textContent();
  await page.getByLabel('Strategy of Cirrus at Setup').selectOption('dynamic');
  await expect(page.getByRole('region', { name: 'Vendors', exact: true })).toContainText(
    'Changed: press Setup to apply',
  );
  await page.getByRole('button', { name: 'Remove Eos' }).click();
  await expect(page.getByLabel('Name of Eos')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByLabel('Name of Eos')).toHaveValue('Eos');
  await page.getByLabel('Initial share of Atlas').fill('7');
  await expect(page.getByLabel('Initial share of Atlas')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Initial share of Atlas').fill('0.3');
  await page.getByRole('button', { name: 'Setup' }).click();
  await expect(fingerprint(page)).not.toHaveText(before!);
  await expect(page.getByLabel('Strategy of Cirrus at Setup')).toHaveValue('dynamic');
});

test('reset to defaults can be undone', async ({ page }) => {
  await openMarket(page);
  await page.getByLabel('Customers', { exact: true }).fill('5000');
  await page.getByRole('button', { name: 'Reset to defaults' }).click();
  await expect(page.getByLabel('Customers', { exact: true })).toHaveValue('3000');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByLabel('Customers', { exact: true })).toHaveValue('5000');
});

test('clicking an agent opens the inspector; zoom and extra plots work', async ({ page }) => {
  await openMarket(page);
  const view = page.getByRole('img', { name: /Model view/ });
  await page.getByRole('button', { name: 'Zoom in' }).click();
  const box = (await view.boundingBox())!;
  // Search a small grid for a customer under the pointer (the layout is random).
  let opened = false;
  for (let gx = 0.3; gx <= 0.7 && !opened; gx += 0.02) {
    await page.mouse.click(box.x + box.width * gx, box.y + box.height * 0.5);
    opened = (await page.getByRole('region', { name: 'Inspector' }).count()) > 0;
  }
  expect(opened).toBe(true);
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await expect(inspector).toContainText('price sensitivity');
  await expect(inspector).toContainText('loyalty');
  // Why it chose its seller: each seller's appeal, term by term, and its chance.
  const why = inspector.getByRole('region', { name: 'Why this seller' });
  await expect(why.getByRole('columnheader', { name: 'Chance' })).toBeVisible();
  for (const seller of ['Atlas', 'Borealis', 'Cirrus', 'Draco', 'direct purchase'])
    await expect(why.getByRole('rowheader', { name: new RegExp(`^${seller}`) })).toBeVisible();
  await expect(why.getByRole('rowheader', { name: /\(current\)$/ })).toHaveCount(1);
  // Whether its loyalty spares it the comparison at renewal (above the threshold, or by the switching cost's chance).
  await expect(why).toContainText(/without comparing|compares sellers with chance \d/);
  // The view rings the inspected customer and draws its links to its four network neighbours
  // (dark grey); they go when the inspector closes.
  await page.waitForTimeout(500);
  const marked = darkGreyPixels(PNG.sync.read(await view.screenshot()));
  await page.getByRole('button', { name: 'Close inspector' }).click();
  await expect(inspector).toHaveCount(0);
  await expect.poll(async () => darkGreyPixels(PNG.sync.read(await view.screenshot()))).toBeLessThan(marked - 150);
  await page
    .locator('summary')
    .filter({ hasText: /^Stock-outs per day$/ })
    .click();
  await expect(page.getByRole('figure', { name: 'Stock-outs per day' })).toBeVisible();
});

test('the event timeline shows the scheduled events and leads to their rows', async ({ page }) => {
  await openMarket(page);
  const marker = page.getByRole('button', { name: 'Supply shock on day 730: All suppliers (#0)' });
  await expect(marker).toBeVisible();
  await marker.click();
  await expect(page.getByLabel('Day of #0')).toBeFocused();
  await page.getByRole('button', { name: 'Add row to Events' }).click();
  await expect(page.getByRole('button', { name: 'Supply shock on day 365: All suppliers (#1)' })).toBeVisible();
});

test('keyboard shortcuts drive the run, and presenter mode clears the stage', async ({ page }) => {
  await openMarket(page);
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  // The view's own keys are listed too, under their heading.
  await expect(help.getByRole('heading', { name: /In the view/ })).toBeVisible();
  await expect(help.getByRole('definition').filter({ hasText: 'Inspect the selected agent' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByLabel('Tick', { exact: true })).toHaveText('1');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.getByLabel('Tick', { exact: true })).toHaveText('366');
  await page.keyboard.press('p');
  await expect(page.getByRole('button', { name: 'Presenter mode' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByLabel('Customers', { exact: true })).toBeHidden();
  await expect(page.getByRole('figure', { name: 'Market share (units in use)' })).toBeVisible();
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Go' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByLabel('Customers', { exact: true })).toBeVisible();
});

/** Per day, the sum of the plot's CSV columns whose names match `columns` (from its export). */
async function exportedSeries(page: Page, plotTitle: string, columns: RegExp): Promise<number[]> {
  const figure = page.getByRole('figure', { name: plotTitle });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    figure.getByRole('button', { name: `Export ${plotTitle} as CSV` }).click(),
  ]);
  const text = await (
    await download.createReadStream()
  )
    .toArray()
    .then((chunks) => Buffer.concat(chunks).toString('utf8'));
  const [header, ...lines] = text.trim().split('\n');
  const indices = header.split(',').flatMap((name, i) => (columns.test(name) ? [i] : []));
  expect(indices.length, `${columns} in ${header}`).toBeGreaterThan(0);
  return lines.map((line) => {
    const cells = line.split(',');
    return indices.reduce((sum, i) => sum + Number(cells[i] || 0), 0);
  });
}

async function runDays(page: Page, days: number): Promise<void> {
  for (let i = 0; i < days; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByLabel('Tick', { exact: true })).toHaveText(String(days));
}

/** Coloured pixels of the view in three vertical bands at the height of the customers. */
async function segmentBands(page: Page): Promise<number[]> {
  const png = PNG.sync.read(await page.getByRole('img', { name: /Model view/ }).screenshot());
  const bands = [0, 0, 0];
  for (let y = Math.floor(png.height * 0.35); y < png.height * 0.75; y++) {
    for (let x = 0; x < png.width; x++) {
      const i = 4 * (y * png.width + x);
      if (Math.min(png.data[i], png.data[i + 1], png.data[i + 2]) < 200)
        bands[Math.min(2, Math.floor((3 * x) / png.width))]++;
    }
  }
  return bands;
}

test('the view shows customers in every segment area', async ({ page }) => {
  await openMarket(page);
  // The first picture comes from the render worker once Pixi has started there.
  await expect.poll(async () => Math.min(...(await segmentBands(page)))).toBeGreaterThan(2000);
});

test("a vendor's strategy chooser changes its price curve", async ({ page }) => {
  await openMarket(page);
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await runDays(page, 30);
  await page.getByText('Price', { exact: true }).click();
  const before = await exportedSeries(page, 'Price', /^Price: Atlas$/);
  await page.getByLabel('Strategy of Atlas at Setup').selectOption('aggressive');
  await page.getByLabel('Group policy of Atlas').selectOption('expand');
  await page.getByRole('button', { name: 'Setup' }).click();
  await expect(page.getByLabel('Tick', { exact: true })).toHaveText('0');
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await runDays(page, 30);
  const after = await exportedSeries(page, 'Price', /^Price: Atlas$/);
  expect(after.length).toBe(before.length);
  // Aggressive prices below cost: well under the profit strategy's cost-plus-margin.
  expect(after[after.length - 1]).toBeLessThan(0.8 * before[before.length - 1]);
});

test('a supply shock added on the timeline produces stock-outs after its day', async ({ page }) => {
  await openMarket(page);
  await page.getByRole('button', { name: 'Add row to Events' }).click();
  await page.getByLabel('Day of #1').fill('20');
  await page.getByLabel('Magnitude of #1').fill('1');
  await page.getByRole('button', { name: 'Setup' }).click();
  await expect(page.getByRole('button', { name: 'Supply shock on day 20: All suppliers (#1)' })).toBeVisible();
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await runDays(page, 60);
  await page
    .locator('summary')
    .filter({ hasText: /^Stock-outs per day$/ })
    .click();
  const outs = await exportedSeries(page, 'Stock-outs per day', /^Stock-outs: /);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  // A few stock-outs happen in any market; the shock multiplies them.
  const before = sum(outs.slice(0, 20));
  const after = sum(outs.slice(21, 41));
  expect(after).toBeGreaterThan(5 * (before + 1));
});

test('a crashed simulation worker resumes at the day it was at, and the scenario is kept', async ({ page }) => {
  await openMarket(page);
  const before = await fingerprint(page).textContent();
  await page.getByLabel('Customers', { exact: true }).fill('2000');
  await page.getByRole('button', { name: 'Setup' }).click();
  // The new run's fingerprint, not the one still shown from before Setup.
  await expect(fingerprint(page)).not.toHaveText(before!);
  await page.getByRole('button', { name: 'Step a year' }).click();
  await expect(page.getByLabel('Tick', { exact: true })).toHaveText('365');
  const yearOne = await fingerprint(page).textContent();
  // An uncaught error in the worker's own scope: what a bug in a model would do.
  const worker = page.workers().find((w) => w.url().includes('sim.worker'));
  expect(worker).toBeDefined();
  await worker!.evaluate(() =>
    setTimeout(() => {
      throw new Error('injected failure');
    }),
  );
  await expect(page.getByRole('alert')).toContainText('The simulation stopped unexpectedly');
  await expect(page.getByRole('alert')).toContainText('restarted from day 365');
  await expect(page.getByLabel('Tick', { exact: true })).toHaveText('365');
  await expect(fingerprint(page)).toHaveText(yearOne!);
  await expect(page.getByLabel('Customers', { exact: true })).toHaveValue('2000');
  // The new worker runs.
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByLabel('Tick', { exact: true })).toHaveText('366');
});
