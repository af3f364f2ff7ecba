/**
 * Offline use (issue 17): after one visit the built app loads and works with no network, it is
 * installable, and a new version is picked up on the next visit with a quiet notice.
 */
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium';

const FINGERPRINT = /^[0-9a-f]{16}$/;
const fingerprint = (page: Page) => page.getByLabel('Fingerprint', { exact: true });
const tick = (page: Page) => page.getByLabel('Tick', { exact: true });

/** Opens the app and waits until its service worker controls the page (every built file precached). */
async function visitOnce(page: Page): Promise<void> {
  await page.goto('/');
  await expect(fingerprint(page)).toHaveText(FINGERPRINT);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

/** After one visit, the network gone: the page reloaded from the precache and set up. */
async function reloadOffline(page: Page, context: BrowserContext): Promise<void> {
  await visitOnce(page);
  await context.setOffline(true);
  await page.reload();
  await expect(fingerprint(page)).toHaveText(FINGERPRINT);
}

test('after one visit the app reloads, runs a model, opens a preset and the Experiments page offline', async ({
  page,
  context,
}) => {
  await reloadOffline(page, context);
  // The simulation worker's script came from the precache through workerScripts' Blob copy.
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(tick(page)).toHaveText('1');
  await page.getByRole('button', { name: 'Go', exact: true }).click();
  await expect.poll(async () => Number(await tick(page).textContent()), { timeout: 20_000 }).toBeGreaterThan(5);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  // The view draws in its render worker, whose script and chunks also come from the precache.
  await expect(page.getByRole('img', { name: /Model view/ }).locator('canvas')).toHaveAttribute(
    'data-renderer',
    'worker',
  );

  await page.getByLabel('Model', { exact: true }).selectOption('k-means');
  await page.getByRole('button', { name: 'Presets' }).click();
  await page.getByRole('button', { name: 'Open: More centroids than clusters' }).click();
  await expect(page.getByLabel('Centroids')).toHaveValue('7');
  await expect(fingerprint(page)).toHaveText(FINGERPRINT);

  await page.getByRole('button', { name: 'Experiments' }).click();
  await expect(page.getByRole('heading', { name: 'Experiment', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Run experiment' })).toBeVisible();
  await expect(page.locator('.banner.error')).toHaveCount(0);
});

test('offline, a lesson opens from a file and comes back with its prediction after a reload', async ({
  page,
  context,
}) => {
  await reloadOffline(page, context);
  await page.getByRole('button', { name: 'Lessons' }).click();
  await page
    .getByLabel('Open lesson file', { exact: true })
    .setInputFiles('tests/fixtures/lessons/first-look-at-the-market.json');
  const player = page.getByRole('region', { name: 'Lesson: A first look at the market' });
  await player.getByRole('button', { name: 'Next' }).click();
  await player.getByRole('radio', { name: 'Cirrus' }).check();
  await player.getByRole('button', { name: 'Record prediction' }).click();
  await player.getByRole('button', { name: 'Run to day 30' }).click();
  await expect(tick(page)).toHaveText('30', { timeout: 20_000 });
  await expect(player.getByText(/The run gave: Atlas's share on day 30/)).toBeVisible();
  await page.reload();
  await expect(fingerprint(page)).toHaveText(FINGERPRINT);
  await expect(player.getByText('Step 2 of 4')).toBeVisible();
  await expect(player.getByText('You predicted: Cirrus')).toBeVisible();
  await expect(player.getByText(/The run gave: Atlas's share on day 30/)).toBeVisible();
});

test('the app is installable: a manifest with a name, a theme colour and icons Chromium accepts', async ({
  baseURL,
}) => {
  // Chromium judges installability only outside incognito, which Playwright's contexts are.
  const profile = mkdtempSync(join(tmpdir(), 'agora-profile-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath, args: chromiumArgs });
  try {
    const page = await context.newPage();
    await page.goto(baseURL!);
    await expect(fingerprint(page)).toHaveText(FINGERPRINT);
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    const { url } = await cdp.send('Page.getAppManifest');
    const manifest = (await (await page.request.get(url)).json()) as {
      name: string;
      theme_color: string;
      icons: { src: string; sizes: string; type: string }[];
    };
    expect(manifest.name).toContain('Agora');
    expect(manifest.theme_color).toBe('#18324a');
    for (const icon of manifest.icons) {
      const response = await page.request.get(new URL(icon.src, url).href);
      expect(response.ok(), icon.src).toBe(true);
      expect(response.headers()['content-type']).toContain(icon.type.split('+')[0]);
    }
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

/** Serves a copy of the build from `root`, like any static host: a new version is new files there. */
async function staticHost(root: string): Promise<{ url: string; close: () => Promise<void> }> {
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.json': 'application/json',
    '.webmanifest': 'application/manifest+json',
  };
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://host').pathname;
    const file = join(root, path === '/' ? 'index.html' : path);
    if (!existsSync(file)) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((done) => server.close(() => done())) };
}

test('a new version is picked up on the next visit, with a quiet notice shown once', async ({ page }) => {
  const root = mkdtempSync(join(tmpdir(), 'agora-offline-'));
  cpSync('dist', root, { recursive: true });
  const host = await staticHost(root);
  try {
    await page.goto(host.url);
    await expect(fingerprint(page)).toHaveText(FINGERPRINT);
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    // A deployment: a changed page, and a service worker that precaches it under a new revision.
    const html = readFileSync(join(root, 'index.html'), 'utf8');
    const sw = readFileSync(join(root, 'sw.js'), 'utf8');
    const newSw = sw.replace(/\{url:"index\.html",revision:"([0-9a-f]+)"\}/, '{url:"index.html",revision:"next$1"}');
    expect(newSw).not.toBe(sw);
    writeFileSync(join(root, 'sw.js'), newSw);
    writeFileSync(
      join(root, 'index.html'),
      html.replace('<title>', '<meta name="agora-version" content="next" />\n<title>'),
    );

    // This visit still runs the old version, quietly: no reload under the person's work, no notice.
    await page.reload();
    await expect(fingerprint(page)).toHaveText(FINGERPRINT);
    await expect(page.locator('meta[name="agora-version"]')).toHaveCount(0);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect(tick(page)).toHaveText('1');
    await expect.poll(() => page.evaluate(() => localStorage.getItem('agora.updated')), { timeout: 15_000 }).toBe('1');
    await expect(tick(page)).toHaveText('1');
    await expect(page.getByText('Agora was updated')).toHaveCount(0);

    // The next visit runs the new version and says so, once.
    await page.reload();
    await expect(page.locator('meta[name="agora-version"]')).toHaveCount(1);
    await expect(page.getByRole('status').filter({ hasText: 'Agora was updated' })).toBeVisible();
    await page.reload();
    await expect(fingerprint(page)).toHaveText(FINGERPRINT);
    await expect(page.getByText('Agora was updated')).toHaveCount(0);
  } finally {
    await host.close();
    rmSync(root, { recursive: true, force: true });
  }
});
