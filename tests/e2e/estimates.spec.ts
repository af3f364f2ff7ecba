/**
 * Big work is estimated before it starts (issue 18): an experiment of a million runs asks first
 * (Cancel and Escape leave everything as it was), one whose results cannot fit the page is
 * refused, and a normal experiment never asks.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

const SMALL = JSON.parse(readFileSync('tests/fixtures/experiments/small.json', 'utf8'));

async function openExperiment(page: Page, experiment: object): Promise<void> {
  await page.goto('/');
  await expect(page.getByLabel('Fingerprint', { exact: true })).toHaveText(/^[0-9a-f]{16}$/);
  await page.getByRole('button', { name: 'Experiments' }).click();
  await page
    .locator('input[type=file][accept^=".json"]')
    .last()
    .setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(experiment)) });
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue(SMALL.name);
}

const progress = (page: Page) => page.getByRole('region', { name: 'Run the experiment' });

test('a million runs ask first; Cancel and Escape leave the experiment as it was', async ({ page }) => {
  // 6 settings × 166,666 ≈ 10^6 runs, recording twice as often as SMALL: over 1 GB of results.
  await openExperiment(page, { ...SMALL, repetitions: 166_666, record: { ...SMALL.record, every: 60 } });
  const run = page.getByRole('button', { name: 'Run experiment' });
  await run.click();
  const dialog = page.getByRole('alertdialog', { name: 'Big work ahead' });
  // The time is this machine's (a fast one may need under the 10 minutes that ask); the memory asks anywhere.
  await expect(dialog).toContainText(/This experiment would take about \d+ (s|min|h \d+ min|days) and 1\.\d GB/);
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(progress(page)).not.toContainText(/runs/);
  await expect(page.getByLabel('Repetitions')).toHaveValue('166666');
  await expect(run).toBeEnabled();
  await expect(run).toBeFocused(); // focus is back where it was
  await run.click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(progress(page)).not.toContainText(/runs/);
  await run.click();
  await dialog.getByRole('button', { name: 'Start anyway' }).click();
  await expect(
    progress(page)
      .getByRole('status')
      .filter({ hasText: /of 999996 runs/ }),
  ).toBeVisible();
  await progress(page).getByRole('button', { name: 'Cancel' }).click();
});

test('results too big for the page are refused with an error', async ({ page }) => {
  await openExperiment(page, { ...SMALL, repetitions: 166_666, record: { ...SMALL.record, every: 1 } });
  await page.getByRole('button', { name: 'Run experiment' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /over the limit of 4 GB of results/ })).toBeVisible();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(progress(page)).not.toContainText(/runs/);
});

test('a normal experiment never asks', async ({ page }) => {
  await openExperiment(page, SMALL);
  await page.getByRole('button', { name: 'Run experiment' }).click();
  await expect(progress(page).getByRole('status').filter({ hasText: 'Done · 12 of 12 runs' })).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
});
