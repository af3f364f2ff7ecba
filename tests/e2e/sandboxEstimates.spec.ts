/**
 * A big sandbox Setup is estimated first (issue 18): a model at its size maximum asks in the
 * same dialog as a big experiment, Cancel and Escape leave the run on display as it was, and
 * normal sizes never ask.
 */
import { expect, test, type Page } from '@playwright/test';
import { flocking } from '../../src/models/flocking';

const fingerprint = (page: Page) => page.getByLabel('Fingerprint', { exact: true });
const tick = (page: Page) => page.getByLabel('Tick', { exact: true });

async function openScenario(page: Page, params: object): Promise<void> {
  const scenario = { format: 'agora-scenario', version: 1, model: 'flocking', modelVersion: flocking.version, seed: 1 };
  const buffer = Buffer.from(JSON.stringify({ ...scenario, params }), 'utf8');
  await page
    .locator('input[type=file][accept^=".json"]')
    .first()
    .setInputFiles({ name: 'flock.json', mimeType: 'application/json', buffer });
}

test('ten million birds ask first; Cancel and Escape keep the run on display, normal sizes never ask', async ({
  page,
}) => {
  await page.goto('/');
  await expect(fingerprint(page)).toHaveText(/^[0-9a-f]{16}$/);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(tick(page)).toHaveText('1');
  const before = await fingerprint(page).textContent();

  await openScenario(page, { birds: 10_000_000 });
  const dialog = page.getByRole('alertdialog', { name: 'Big work ahead' });
  await expect(dialog).toContainText(
    /Setting up this model and its first step would take about \d+ (min|h \d+ min|days) and .* \(approximate, from smaller runs\)/,
    { timeout: 15_000 },
  );
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  // Nothing was set up: the run on display goes on where it was.
  await expect(tick(page)).toHaveText('1');
  await expect(fingerprint(page)).toHaveText(before!);
  const setupButton = page.getByRole('button', { name: 'Setup' });
  await setupButton.click();
  await expect(dialog).toBeVisible({ timeout: 15_000 });
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(setupButton).toBeFocused();
  await expect(fingerprint(page)).toHaveText(before!);

  // The sliders' largest flock sets up at once, without a question.
  await openScenario(page, { birds: 5000 });
  await expect(tick(page)).toHaveText('0');
  await expect(fingerprint(page)).not.toHaveText(before!);
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
});
