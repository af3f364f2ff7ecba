/** The built app in Chromium, driven as a person would. */
import { expect, test, type Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { defaultParams } from '../../src/core/params';
import { Run } from '../../src/core/run';
import { findModel } from '../../src/models/registry';

const FINGERPRINT = /^[0-9a-f]{16}$/;

const tick = (page: Page) => page.getByLabel('Tick', { exact: true });
const fingerprint = (page: Page) => page.getByLabel('Fingerprint', { exact: true });

async function openApp(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto('/');
  await expect(fingerprint(page)).toHaveText(FINGERPRINT);
  // The app opens on the cloud market; these tests drive the small k-means model.
  await page.getByLabel('Model', { exact: true }).selectOption('k-means');
  await expect(page.getByLabel('Centroids')).toBeVisible();
  await expect(fingerprint(page)).toHaveText(FINGERPRINT);
  return problems;
}

/** Pixels of the agent view that differ clearly from its white background. */
async function drawnPixels(page: Page): Promise<number> {
  const png = PNG.sync.read(await page.getByRole('img', { name: /Model view/ }).screenshot());
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    if (Math.min(png.data[i], png.data[i + 1], png.data[i + 2]) < 200) n++;
  }
  return n;
}

/** One Step of the default k-means run, and its data points on the canvas. */
async function expectStepDrawn(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(tick(page)).toHaveText('1');
  await page.waitForTimeout(300);
  // 400 coloured dots of radius 2.5 px, plus centroids: far more than a few stray pixels.
  expect(await drawnPixels(page)).toBeGreaterThan(1500);
}

test('opens on the cloud market, with no console errors, and lists the models', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByLabel('Model', { exact: true })).toHaveValue('cloud-market');
  const problems = await openApp(page);
  const options = await page
    .getByLabel('Model', { exact: true })
    .locator('option')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  expect(options).toContain('k-means');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(tick(page)).toHaveText('1');
  expect(problems).toEqual([]);
});

test('the canvas shows the data points', async ({ page }) => {
  await openApp(page);
  await expectStepDrawn(page);
});

test('Go advances the tick until the stop condition, and says so', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Go' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Stopped at tick \d+/ })).toBeVisible();
  expect(Number(await tick(page).textContent())).toBeGreaterThan(1);
  await expect(fingerprint(page)).toHaveText(FINGERPRINT);
  await expect(page.getByRole('button', { name: 'Go' })).toBeDisabled();
});

test('Pause stops a running model', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Speed').fill('0'); // one tick per second
  await page.getByRole('button', { name: 'Go' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Paused$/ })).toBeVisible();
  const stopped = await tick(page).textContent();
  await page.waitForTimeout(1500);
  await expect(tick(page)).toHaveText(stopped!);
});

test("each Step advances exactly one tick, and the fingerprint equals Node's", async ({ page }) => {
  await openApp(page);
  const seen = new Set<string>();
  seen.add((await fingerprint(page).textContent())!);
  const step = page.getByRole('button', { name: 'Step', exact: true });
  for (let i = 1; i <= 3; i++) {
    await step.click();
    await expect(tick(page)).toHaveText(String(i));
    seen.add((await fingerprint(page).textContent())!);
  }
  expect(seen.size).toBe(4);

  const model = findModel('k-means')!;
  const run = Run.create(model, defaultParams(model.params), 1);
  run.runUntil(3);
  await expect(fingerprint(page)).toHaveText(run.fingerprint());
});

test('rapid Step presses are never dropped', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Data points').fill('5000');
  await page.getByLabel('Centroids').fill('10');
  await page.getByRole('button', { name: 'Setup' }).click();
  await expect(tick(page)).toHaveText('0');
  const step = page.getByRole('button', { name: 'Step', exact: true });
  for (let i = 0; i < 3; i++) await step.click({ delay: 0 });
  await expect(tick(page)).toHaveText('3');
});

test('a slider change is marked pending and takes effect at Setup', async ({ page }) => {
  await openApp(page);
  const before = await fingerprint(page).textContent();
  const pixelsBefore = await drawnPixels(page);
  await page.getByLabel('Data points').fill('2000');
  await expect(page.getByText('Changed: press Setup to apply')).toBeVisible();
  // Not applied yet: the run on display is unchanged.
  await expect(fingerprint(page)).toHaveText(before!);
  await page.getByRole('button', { name: 'Setup' }).click();
  await expect(page.getByText('Changed: press Setup to apply')).toHaveCount(0);
  await expect(fingerprint(page)).not.toHaveText(before!);
  await page.waitForTimeout(300);
  expect(await drawnPixels(page)).toBeGreaterThan(pixelsBefore);
});

test('the seed field: another seed gives another run, the same seed the same run', async ({ page }) => {
  await openApp(page);
  const first = await fingerprint(page).textContent();
  const seed = page.getByLabel('Seed', { exact: true });
  await seed.fill('2');
  await page.getByRole('button', { name: 'Setup' }).click();
  await expect(fingerprint(page)).not.toHaveText(first!);
  await seed.fill('1');
  await page.getByRole('button', { name: 'Setup' }).click();
  await expect(fingerprint(page)).toHaveText(first!);
  await seed.fill('-5');
  await expect(page.getByRole('alert').filter({ hasText: 'The seed must be a whole number' })).toBeVisible();
});

test('the Info panel shows the model documentation', async ({ page }) => {
  await openApp(page);
  const info = page.getByRole('article', { name: 'Info' });
  await expect(info.getByRole('heading', { name: 'Credit' })).toBeVisible();
  await expect(info.getByRole('table')).toBeVisible();
});

test('the cloud market runs five years in the browser and ends on the same fingerprint as Node', async ({ page }) => {
  const problems = await openApp(page);
  await page.getByLabel('Model', { exact: true }).selectOption('cloud-market');
  await expect(page.getByRole('heading', { name: 'Cloud pricing market' }).first()).toBeVisible();
  await page.getByLabel('Speed').fill('9'); // as fast as possible
  await page.getByRole('button', { name: 'Go' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Stopped at tick 1825: the horizon is reached' }),
  ).toBeVisible({ timeout: 60_000 });
  const model = findModel('cloud-market')!;
  const run = Run.create(model, defaultParams(model.params), 1);
  run.runUntil(1825);
  await expect(fingerprint(page)).toHaveText(run.fingerprint());
  expect(await drawnPixels(page)).toBeGreaterThan(5000);
  expect(problems).toEqual([]);
});

const renderWorkers = (page: Page) => page.workers().filter((w) => w.url().includes('render.worker'));

test('the view draws in one render worker, also after switching models', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('img', { name: /Model view/ }).locator('canvas')).toHaveAttribute(
    'data-renderer',
    'worker',
  );
  await page.getByLabel('Model', { exact: true }).selectOption('cloud-market');
  await page.getByLabel('Model', { exact: true }).selectOption('k-means');
  await expect(page.getByRole('img', { name: /Model view/ }).locator('canvas')).toHaveAttribute(
    'data-renderer',
    'worker',
  );
  // The worker of each replaced view was ended (none leaks).
  await expect.poll(() => renderWorkers(page).length).toBe(1);
  await expectStepDrawn(page);
});

test('when the render worker fails, the view goes on drawing on the main thread', async ({ page }) => {
  await openApp(page);
  const canvas = page.getByRole('img', { name: /Model view/ }).locator('canvas');
  await expect(canvas).toHaveAttribute('data-renderer', 'worker');
  await expect.poll(() => renderWorkers(page).length).toBe(1);
  await renderWorkers(page)[0].evaluate(() =>
    setTimeout(() => {
      throw new Error('injected failure');
    }),
  );
  await expect(canvas).toHaveAttribute('data-renderer', 'main');
  await expect.poll(() => renderWorkers(page).length).toBe(0);
  await expectStepDrawn(page);
});
