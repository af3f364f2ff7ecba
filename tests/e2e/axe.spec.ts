/**
 * An axe-core scan of each page (issue 17): no serious or critical violation in the sandbox
 * (with the inspector, the presets and a plot's table open), the Experiments page, the
 * Expectations page and the lessons (gallery and player).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** The serious and critical violations axe finds on the page as it is, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function openSandbox(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByLabel('Fingerprint', { exact: true })).toHaveText(/^[0-9a-f]{16}$/);
}

test('the sandbox, with the inspector, the presets and a table open', async ({ page }) => {
  await openSandbox(page);
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Step a year' }).click();
  await expect(page.getByLabel('Tick', { exact: true })).toHaveText('365');
  const view = page.getByRole('img', { name: /Model view/ });
  await view.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Inspector' })).toBeVisible();
  await page.getByRole('button', { name: 'Show Market share (units in use) as a table' }).click();
  await page.getByRole('button', { name: 'Presets' }).click();
  await expect(page.getByRole('button', { name: /^Open: / }).first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the Experiments page', async ({ page }) => {
  await openSandbox(page);
  await page.getByRole('button', { name: 'Experiments' }).click();
  await expect(page.getByRole('heading', { name: 'Experiment', exact: true })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the Expectations page', async ({ page }) => {
  await openSandbox(page);
  await page.getByRole('button', { name: 'Expectations' }).click();
  await expect(page.getByRole('heading', { name: 'The eight expectations' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the lessons: the gallery, and the player at a question with its prediction, its outcome and reveal', async ({
  page,
}) => {
  await openSandbox(page);
  await page.getByRole('button', { name: 'Lessons' }).click();
  await expect(page.getByRole('heading', { name: /^Lessons for / })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page
    .getByLabel('Open lesson file', { exact: true })
    .setInputFiles('tests/fixtures/lessons/first-look-at-the-market.json');
  const player = page.getByRole('region', { name: /^Lesson: / });
  await player.getByRole('button', { name: 'Next' }).click();
  await expect(player.getByRole('radio', { name: 'Atlas' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await player.getByRole('radio', { name: 'Atlas' }).check();
  await player.getByRole('button', { name: 'Record prediction' }).click();
  await player.getByRole('button', { name: 'Run to day 30' }).click();
  await expect(player.getByRole('heading', { name: 'What happened' })).toBeVisible({ timeout: 20_000 });
  await player.getByRole('button', { name: 'Next' }).click();
  await expect(player.getByLabel('Your prediction')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
