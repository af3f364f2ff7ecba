/**
 * The sandbox without a mouse (issue 17): the view takes focus, the arrow keys move a selection
 * between agents, Enter inspects, Escape closes; a live region says the run's changes; the market
 * share plot reads as a table.
 */
import { expect, test, type Page } from '@playwright/test';

const view = (page: Page) => page.getByRole('img', { name: /Model view/ });
const tick = (page: Page) => page.getByLabel('Tick', { exact: true });
const ring = (page: Page) => page.locator('.agent-selection');
const selection = (page: Page) => page.getByText(/#\d+ selected\. Enter inspects it\./);

async function openAfterAYear(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByLabel('Fingerprint', { exact: true })).toHaveText(/^[0-9a-f]{16}$/);
  await page.getByRole('button', { name: 'Step a year' }).click();
  await expect(tick(page)).toHaveText('365');
}

/** The centre of the selection ring, in page pixels. */
async function ringCentre(page: Page): Promise<{ x: number; y: number }> {
  const box = (await ring(page).boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

test('the view takes focus from the keyboard; arrows choose agents, Enter inspects, Escape closes', async ({
  page,
}) => {
  await openAfterAYear(page);
  // Into the view from the keyboard: Shift+Tab back from the first button under it.
  await page.getByRole('button', { name: 'Zoom in' }).focus();
  await page.keyboard.press('Shift+Tab');
  await expect(view(page)).toBeFocused();
  await expect(view(page)).toHaveAccessibleDescription(/Arrow keys choose an agent/);
  expect(await view(page).evaluate((e) => getComputedStyle(e).outlineStyle)).toBe('solid');

  await page.keyboard.press('ArrowRight');
  await expect(ring(page)).toBeVisible();
  await expect(selection(page)).toHaveText(/^Customers #\d+ selected/);
  const first = await ringCentre(page);
  const firstText = await selection(page).textContent();
  await page.keyboard.press('ArrowRight');
  await expect(selection(page)).not.toHaveText(firstText!);
  const right = await ringCentre(page);
  expect(right.x).toBeGreaterThan(first.x);
  // Within 45° of the arrow.
  expect(Math.abs(right.y - first.y)).toBeLessThanOrEqual(right.x - first.x);
  await page.keyboard.press('ArrowDown');
  const below = await ringCentre(page);
  expect(below.y).toBeGreaterThan(right.y);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowUp');
  // The arrows moved the selection, not the run (→ alone is the page's Step shortcut).
  await expect(tick(page)).toHaveText('365');

  const chosen = (await selection(page).textContent())!.match(/#(\d+)/)![1];
  await page.keyboard.press('Enter');
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await expect(inspector.getByRole('heading', { name: new RegExp(`#${chosen}\\b`) })).toBeVisible();
  await expect(view(page)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(inspector).toHaveCount(0);
  await expect(page.getByText(/^Click an agent in the view to inspect it/)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(ring(page)).toHaveCount(0);
});

test('a live region says when the run is set up, runs, pauses and reaches its horizon', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByLabel('Fingerprint', { exact: true })).toHaveText(/^[0-9a-f]{16}$/);
  const said = page.getByRole('status', { name: 'Run state' });
  await page.getByLabel('Horizon').fill('1');
  await page.getByRole('button', { name: 'Setup' }).click();
  await expect(said).toHaveText('Set up: day 0, ready to run.');
  await page.getByRole('button', { name: 'Go', exact: true }).click();
  await expect(said).toHaveText('Running');
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(said).toHaveText(/^Paused at tick \d+\.$/);
  const paused = Number((await said.textContent())!.match(/\d+/)![0]);
  await expect(tick(page)).toHaveText(String(paused));
  await page.getByLabel('Speed').fill('9');
  await page.getByRole('button', { name: 'Go', exact: true }).click();
  await expect(said).toHaveText('The run reached its horizon at tick 365.', { timeout: 20_000 });
});

test('the market share plot shows as a table: a row per year end, a column per vendor, in percent', async ({
  page,
}) => {
  await openAfterAYear(page);
  const plot = page.getByRole('figure', { name: /Market share/ });
  const toggle = plot.getByRole('button', { name: 'Show Market share (units in use) as a table' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.press('Enter');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const table = plot.getByRole('table', { name: /Market share \(units in use\), at each year end/ });
  await expect(table.getByRole('rowheader')).toHaveText(['End of year 1']);
  const vendor = (await table.getByRole('columnheader').nth(1).textContent())!;
  // The year-end cell is the vendor's share monitor on day 365.
  const monitor = page.getByRole('status', { name: `Share: ${vendor}` });
  await expect(table.getByRole('row').nth(1).getByRole('cell').first()).toHaveText((await monitor.textContent())!);
  await expect(table.getByRole('cell').first()).toHaveText(/^\d+\.\d%$/);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(table.getByRole('rowheader')).toHaveText(['End of year 1', 'Year 2, day 1']);
  await toggle.click();
  await expect(table).toHaveCount(0);
});
