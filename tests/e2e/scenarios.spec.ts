/** Scenarios across the app's borders: links, presets, files, saved work, hostile input, CSP. */
import { spawnSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { decodeScenarioLink, encodeScenarioLink } from '../../src/core/scenarioLink';

const FINGERPRINT = /^[0-9a-f]{16}$/;
const fingerprint = (page: Page) => page.getByLabel('Fingerprint', { exact: true });

async function ready(page: Page): Promise<void> {
  await expect(fingerprint(page)).toHaveText(FINGERPRINT);
}

/** Opens the app and switches to the small k-means model these tests drive. */
async function openKMeans(page: Page): Promise<void> {
  await page.goto('/');
  await ready(page);
  await page.getByLabel('Model', { exact: true }).selectOption('k-means');
  await expect(page.getByLabel('Centroids')).toBeVisible();
  await ready(page);
}

/**
 * Waits until the address bar links the scenario with these parameter values and returns the
 * link. The address bar follows each scenario after a quiet time, so an earlier scenario's link
 * (the model's defaults, say) may show first: matching any link would race with it.
 */
async function linkTo(page: Page, params: Record<string, unknown>): Promise<string> {
  const linked = async () => {
    const decoded = await decodeScenarioLink(page.url());
    return decoded.ok ? (decoded.document as { params?: Record<string, unknown> }).params : undefined;
  };
  await expect.poll(linked).toMatchObject(params);
  return page.url();
}

function cliFingerprint(link: string): string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'run', '--scenario', link, '--json'], {
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout).fingerprint;
}

test('a shared link reproduces the run in a fresh browser and agrees with the CLI', async ({ page, browser }) => {
  await openKMeans(page);
  await page.getByLabel('Centroids').fill('6');
  await page.getByLabel('Seed', { exact: true }).fill('12');
  await page.getByRole('button', { name: 'Setup' }).click();
  await page.getByRole('button', { name: 'Share' }).click();
  const link = await linkTo(page, { numCentroids: 6 });

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await ready(other);
  await expect(other.getByLabel('Seed', { exact: true })).toHaveValue('12');
  await other.getByRole('button', { name: 'Go' }).click();
  await expect(other.getByRole('status').filter({ hasText: /Stopped at tick/ })).toBeVisible();
  await page.getByRole('button', { name: 'Go' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Stopped at tick/ })).toBeVisible();
  const shown = await fingerprint(other).textContent();
  await expect(fingerprint(page)).toHaveText(shown!);
  expect(cliFingerprint(link)).toBe(shown);
  await fresh.close();
});

test('a hostile or broken link shows an alert and keeps the scenario', async ({ page }) => {
  await openKMeans(page);
  const defaults = await fingerprint(page).textContent();
  await page.getByLabel('Centroids').fill('5');
  await page.getByRole('button', { name: 'Setup' }).click();
  const good = await linkTo(page, { numCentroids: 5 });
  // The new run's fingerprint, not the one still shown from before Setup.
  await expect(fingerprint(page)).not.toHaveText(defaults!);
  const before = await fingerprint(page).textContent();
  // A character inside the payload (after `#s=1.`), not in the host part of the URL.
  const i = good.indexOf('.', good.indexOf('#s=')) + 4;
  for (const bad of [
    '#s=1.AAAA.00000000',
    '#s=1.%E0%A4%A.x',
    '#s=9.abc.def',
    `${good.slice(0, i)}${good[i] === 'A' ? 'B' : 'A'}${good.slice(i + 1)}`,
  ]) {
    await page.evaluate((hash) => (location.hash = hash.slice(hash.indexOf('#'))), bad);
    await expect(page.getByRole('alert')).toContainText('could not be opened');
    // Alerts stay until dismissed (none replaces another): dismiss this one before the next.
    await page.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click();
    await expect(fingerprint(page)).toHaveText(before!);
    await expect(page.getByLabel('Centroids')).toHaveValue('5');
  }
});

test('a hostile link on a fresh load leaves a working app', async ({ page }) => {
  await page.goto('/#s=1.eJzLSM3JyVcozy_KSQEAGgQEXQ.ffffffff');
  await expect(page.getByRole('alert')).toContainText('could not be opened');
  await ready(page);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByLabel('Tick', { exact: true })).toHaveText('1');
});

test('a preset opens in one click and becomes the link', async ({ page }) => {
  await openKMeans(page);
  await page.getByRole('button', { name: 'Presets' }).click();
  await page.getByRole('button', { name: 'Open: More centroids than clusters' }).click();
  await expect(page.getByLabel('Centroids')).toHaveValue('7');
  await expect(page.getByLabel('Seed', { exact: true })).toHaveValue('3');
  await linkTo(page, { numCentroids: 7 });
});

test('the work survives a reload, and Back returns to the previous scenario', async ({ page }) => {
  await openKMeans(page);
  await page.getByLabel('Centroids').fill('8');
  await page.getByRole('button', { name: 'Setup' }).click();
  await linkTo(page, { numCentroids: 8 });
  await page.getByLabel('Centroids').fill('3');
  await page.getByRole('button', { name: 'Setup' }).click();
  await linkTo(page, { numCentroids: 3 });
  await page.goBack();
  await expect(page.getByLabel('Centroids')).toHaveValue('8');
  await page.goto('/');
  await expect(page.getByLabel('Centroids')).toHaveValue('8');
});

test('a scenario file opens by drag and drop; a bad one is refused', async ({ page }) => {
  await openKMeans(page);
  const drop = async (name: string, content: string) => {
    const dataTransfer = await page.evaluateHandle(
      ([n, c]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([c], n, { type: 'application/json' }));
        return dt;
      },
      [name, content],
    );
    await page.dispatchEvent('.app', 'dragover', { dataTransfer });
    await page.dispatchEvent('.app', 'drop', { dataTransfer });
  };
  await drop(
    'good.json',
    JSON.stringify({
      format: 'agora-scenario',
      version: 1,
      model: 'k-means',
      modelVersion: 1,
      seed: 77,
      params: { numCentroids: 9 },
    }),
  );
  await expect(page.getByLabel('Centroids')).toHaveValue('9');
  await drop(
    'bad.json',
    '{"format":"agora-scenario","version":1,"model":"k-means","modelVersion":1,"seed":1,"params":{"numCentroids":"<img src=x onerror=alert(1)>"}}',
  );
  await expect(page.getByRole('alert')).toContainText('could not be opened');
  await expect(page.getByLabel('Centroids')).toHaveValue('9');
  expect(await page.locator('img[src=x]').count()).toBe(0);
});

test('a link or file made with an older model version opens, with a notice that its numbers differ', async ({
  page,
}) => {
  const older = { format: 'agora-scenario', version: 1, model: 'cloud-market', modelVersion: 1, seed: 5 };
  const notice = 'This scenario was made with cloud-market version 1; this is version 3, so its numbers may differ.';
  // A link (followed from the address bar).
  await openKMeans(page);
  await page.goto(`/${await encodeScenarioLink({ ...older, params: { customers: 300 } })}`);
  await expect(page.getByLabel('Customers', { exact: true })).toHaveValue('300');
  await expect(page.getByRole('status').filter({ hasText: notice })).toBeVisible();
  await ready(page);
  // A file: its notice stays beside the one that says it opened.
  const dataTransfer = await page.evaluateHandle(
    (content) => {
      const dt = new DataTransfer();
      dt.items.add(new File([content], 'old.json', { type: 'application/json' }));
      return dt;
    },
    JSON.stringify({ ...older, params: { customers: 400 } }),
  );
  await page.dispatchEvent('.app', 'dragover', { dataTransfer });
  await page.dispatchEvent('.app', 'drop', { dataTransfer });
  await expect(page.getByLabel('Customers', { exact: true })).toHaveValue('400');
  // Both notices, each announced on its own.
  await expect(page.getByRole('status').filter({ hasText: notice })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'The file old.json was opened' })).toBeVisible();
});

test('runs under the Content-Security-Policy without a violation', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`Content Security Policy violation: ${e.violatedDirective}`),
    );
  });
  await openKMeans(page);
  await page.getByRole('button', { name: 'Go' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Stopped at tick/ })).toBeVisible();
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(violations).toEqual([]);
});
