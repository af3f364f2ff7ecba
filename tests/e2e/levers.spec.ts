/** The levers beside the view: a strategy changed mid-run, kept as a timed change a link, Setup and the CLI replay. */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { decodeScenarioLink } from '../../src/core/scenarioLink';

const fingerprint = (page: Page) => page.getByLabel('Fingerprint', { exact: true });
const tick = (page: Page) => page.getByLabel('Tick', { exact: true });
const SHOTS = process.env.AGORA_SHOTS;

async function openMarket(page: Page, url = '/'): Promise<void> {
  await page.goto(url);
  await expect(fingerprint(page)).toHaveText(/^[0-9a-f]{16}$/);
  if (url === '/') await page.getByLabel('Model', { exact: true }).selectOption('cloud-market');
  await expect(page.getByLabel('Date', { exact: true })).toHaveText('Year 1, day 1');
}

async function stepYear(page: Page, to: number): Promise<string> {
  await page.getByRole('button', { name: 'Step a year' }).click();
  await expect(tick(page)).toHaveText(String(to));
  await expect(fingerprint(page)).toHaveText(/^[0-9a-f]{16}$/);
  return (await fingerprint(page).textContent())!;
}

/** The link in the address bar once it holds `count` timed changes (the bar follows after a quiet time). */
async function linkWithChanges(page: Page, count: number): Promise<string> {
  const changes = async () => {
    const decoded = await decodeScenarioLink(page.url());
    return decoded.ok ? ((decoded.document as { changes?: unknown[] }).changes?.length ?? 0) : -1;
  };
  await expect.poll(changes).toBe(count);
  return page.url();
}

function cli(...args: string[]): string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'run', ...args, '--json'], {
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout).fingerprint;
}

test('a strategy changed mid-run is replayed by its link in a fresh browser and by the CLI', async ({
  page,
  browser,
}) => {
  await openMarket(page);
  await stepYear(page, 365);
  const lever = page.getByLabel('Strategy of Cirrus', { exact: true });
  await expect(lever).toHaveValue('aggressive');
  await lever.selectOption('profit');
  const timed = page.getByRole('region', { name: /Timed changes/ });
  await expect(timed).toContainText('Day 365: Cirrus: strategy → Profit');
  const shown = await stepYear(page, 730);
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const link = await linkWithChanges(page, 1);

  // The change mattered: without it the run ends elsewhere.
  expect(cli('--model', 'cloud-market', '--seed', '1', '--ticks', '730')).not.toBe(shown);
  expect(cli('--scenario', link, '--ticks', '730')).toBe(shown);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await openMarket(other, link);
  await expect(other.getByRole('region', { name: /Timed changes/ })).toContainText('Day 365: Cirrus: strategy');
  await expect(other.getByLabel('Strategy of Cirrus', { exact: true })).toHaveValue('aggressive');
  await stepYear(other, 365);
  await stepYear(other, 730);
  await expect(fingerprint(other)).toHaveText(shown);
  // The lever shows the strategy in force now, after the change.
  await expect(other.getByLabel('Strategy of Cirrus', { exact: true })).toHaveValue('profit');
  await fresh.close();
});

test('Setup replays the timed changes from day 0; erasing them can be undone', async ({ page }) => {
  await openMarket(page);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(tick(page)).toHaveText('2');
  const margin = page.getByLabel('Target margin of Atlas', { exact: true });
  await margin.fill('90');
  await margin.press('Enter');
  const timed = page.getByRole('region', { name: /Timed changes/ });
  await expect(timed).toContainText('Day 2: Atlas: target margin → 90 %');
  await stepYear(page, 367);
  const withChange = (await fingerprint(page).textContent())!;

  await page.getByRole('button', { name: 'Setup' }).click();
  await expect(tick(page)).toHaveText('0');
  // Atlas's day-0 margin (the reference margin, 35%), until the timed change on day 2.
  await expect(margin).toHaveValue('35');
  await expect(timed).toContainText('Day 2: Atlas: target margin → 90 %');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await stepYear(page, 367);
  await expect(fingerprint(page)).toHaveText(withChange);
  await expect(margin).toHaveValue('90');

  await page.getByRole('button', { name: 'Erase timed changes' }).click();
  await expect(tick(page)).toHaveText('0');
  await expect(page.getByRole('region', { name: 'Timed changes (0)' })).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('region', { name: 'Timed changes (1)' })).toContainText('Atlas: target margin');
});

test('a model whose tables have no live columns shows no levers', async ({ page }) => {
  await page.goto('/');
  await expect(fingerprint(page)).toHaveText(/^[0-9a-f]{16}$/);
  await page.getByLabel('Model', { exact: true }).selectOption('k-means');
  await expect(page.getByLabel('Centroids')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Live levers' })).toHaveCount(0);
});

for (const screen of [
  { name: 'laptop-1280x720', width: 1280, height: 720, touch: false },
  { name: 'tablet-1024x768-touch', width: 1024, height: 768, touch: true },
]) {
  test(`the levers are beside the view without scrolling at ${screen.name}`, async ({ browser }) => {
    const context = await browser.newContext({
      viewport: { width: screen.width, height: screen.height },
      hasTouch: screen.touch,
      isMobile: false,
    });
    const page = await context.newPage();
    await openMarket(page);
    await stepYear(page, 365);
    const lever = page.getByLabel('Strategy of Cirrus', { exact: true });
    await lever.selectOption('profit');
    await expect(page.getByRole('region', { name: /Timed changes/ })).toContainText('Day 365');
    const box = (await lever.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(screen.height);
    if (screen.touch) expect(box.height).toBeGreaterThanOrEqual(44);
    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: `${SHOTS}/levers-${screen.name}.png` });
    }
    await context.close();
  });
}
