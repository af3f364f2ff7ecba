/** The time slider: any day reached is shown again with its fingerprint, and the run goes on from it as before. */
import { expect, test, type Page } from '@playwright/test';
import { defaultParams } from '../../src/core/params';
import { Run } from '../../src/core/run';
import { findModel } from '../../src/models/registry';

const fingerprint = (page: Page) => page.getByLabel('Fingerprint', { exact: true });
const tick = (page: Page) => page.getByLabel('Tick', { exact: true });

/** The fingerprint of the default market at `day`, run straight in Node. */
function marketAt(seed: number, day: number): string {
  const model = findModel('cloud-market')!;
  const run = Run.create(model, defaultParams(model.params), seed);
  run.runUntil(day);
  return run.fingerprint();
}

test('the time slider shows a past day exactly, and Step a year goes on from it', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Model', { exact: true }).selectOption('cloud-market');
  await expect(page.getByLabel('Date', { exact: true })).toHaveText('Year 1, day 1');
  const seed = Number(await page.getByLabel('Seed', { exact: true }).inputValue());
  const slider = page.getByLabel('Day shown', { exact: true });
  // Nothing to scrub before the run has gone anywhere.
  await expect(slider).toHaveCount(0);
  await page.getByRole('button', { name: 'Step a year' }).click();
  await expect(tick(page)).toHaveText('365');
  const atYearEnd = (await fingerprint(page).textContent())!;
  await slider.fill('100');
  await expect(tick(page)).toHaveText('100');
  await expect(fingerprint(page)).toHaveText(marketAt(seed, 100));
  await expect(slider).toHaveAttribute('aria-valuetext', 'day 100 of 365');
  await slider.fill('365');
  await expect(fingerprint(page)).toHaveText(atYearEnd);
  await slider.fill('200');
  await expect(tick(page)).toHaveText('200');
  await page.getByRole('button', { name: 'Step a year' }).click();
  await expect(tick(page)).toHaveText('565');
  await expect(fingerprint(page)).toHaveText(marketAt(seed, 565));
  await expect(slider).toHaveAttribute('aria-valuetext', 'day 565 of 565');
});
