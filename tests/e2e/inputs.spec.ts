/** Input from outside in the browser (issue 18): duplicate keys, a BOM, hostile names, notices that all stay. */
import { expect, test, type Page } from '@playwright/test';
import { encodeScenarioLink } from '../../src/core/scenarioLink';
import { kMeans } from '../../src/models/kmeans';

const scenario = (seed: string, extra = '') =>
  `{"format":"agora-scenario","version":1,"model":"k-means","modelVersion":${kMeans.version},"seed":${seed}${extra}}`;

async function ready(page: Page): Promise<void> {
  await expect(page.getByLabel('Fingerprint', { exact: true })).toHaveText(/^[0-9a-f]{16}$/);
}

async function openFile(page: Page, name: string, text: string): Promise<void> {
  const buffer = Buffer.from(text, 'utf8');
  await page
    .locator('input[type=file][accept^=".json"]')
    .first()
    .setInputFiles({ name, mimeType: 'application/json', buffer });
}

test('a file giving a key twice is refused, naming the key; a file with a BOM opens; a hostile name shows escaped', async ({
  page,
}) => {
  await page.goto('/');
  await ready(page);
  const before = await page.getByLabel('Fingerprint', { exact: true }).textContent();
  await openFile(page, 'twice.json', scenario('1', ',"seed":2'));
  await expect(page.getByRole('alert')).toContainText(
    'The file twice.json could not be opened: the file gives the key "seed" twice',
  );
  await expect(page.getByLabel('Fingerprint', { exact: true })).toHaveText(before!);

  await openFile(page, '\u202Egnp.json', '{"format":"agora-scenario","format":"x"}');
  await expect(page.getByRole('alert').filter({ hasText: 'gnp.json' })).toContainText(
    'The file \\u{202E}gnp.json could not',
  );

  await openFile(page, 'bom.json', `\ufeff${scenario('-0', ',"params":{"numCentroids":6}')}`);
  await expect(page.getByRole('status').filter({ hasText: 'bom.json' })).toBeVisible();
  await expect(page.getByLabel('Centroids')).toHaveValue('6');
  await expect(page.getByLabel('Seed', { exact: true })).toHaveValue('0');
});

test('a link that replaces open work keeps its model-version notice: both are announced, together', async ({
  page,
}) => {
  await page.goto('/');
  await ready(page);
  await page.getByLabel('Seed', { exact: true }).fill('12');
  await page.getByRole('button', { name: 'Setup' }).click();
  await expect.poll(() => page.evaluate(() => localStorage.getItem('agora.work.v1'))).toContain('"seed":12');

  const older = JSON.parse(scenario('3'));
  older.modelVersion = kMeans.version + 1;
  // A fresh load of the link (not a hash change of the open page) sets the open work aside.
  await page.goto('about:blank');
  await page.goto(`/${await encodeScenarioLink(older)}`);
  await ready(page);
  const notices = page.locator('[aria-live]').getByRole('status');
  await expect(notices.filter({ hasText: `made with k-means version ${kMeans.version + 1}` })).toBeVisible();
  await expect(notices.filter({ hasText: 'The link replaced the work you had open.' })).toBeVisible();
  // Dismissing one leaves the other.
  await notices.filter({ hasText: 'made with' }).getByRole('button', { name: 'Dismiss' }).click();
  await expect(notices.filter({ hasText: 'made with' })).toHaveCount(0);
  await expect(notices.filter({ hasText: 'The link replaced' })).toBeVisible();
});
