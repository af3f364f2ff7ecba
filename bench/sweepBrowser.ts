/**
 * The browser's experiment pool in headless Chromium: opens an experiment by its link, runs it
 * with N workers and times it to "Done", sampling the page's event-loop lag meanwhile (the UI
 * must stay responsive while an experiment runs).
 */
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { encodeScenarioLink } from '../src/core/scenarioLink';
import { chromiumArgs, chromiumPath } from '../scripts/chromium';

const PORT = 4176;
let built = false;

export async function browserRuns(
  experiment: Record<string, unknown>,
  workers: number,
): Promise<{ runs: number; seconds: number; maxLagMs: number }> {
  if (!built) await build({ logLevel: 'warn' });
  built = true;
  const server = await preview({ preview: { port: PORT, strictPort: true, host: '127.0.0.1' }, logLevel: 'warn' });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`http://127.0.0.1:${PORT}/${await encodeScenarioLink(experiment)}`);
    await page.getByLabel('Workers').fill(String(workers));
    const status = page.getByRole('region', { name: 'Run the experiment' }).getByRole('status');
    // A 50 ms interval in the page: how late it fires is how long the page could not answer.
    await page.evaluate(
      'window.__lag = 0; let due = performance.now() + 50; setInterval(() => { const now = performance.now(); window.__lag = Math.max(window.__lag, now - due); due = now + 50; }, 50);',
    );
    const start = Date.now();
    await page.getByRole('button', { name: 'Run experiment' }).click();
    await status.filter({ hasText: /^Done/ }).waitFor({ timeout: 1_800_000 });
    const seconds = (Date.now() - start) / 1000;
    const runs = Number(/of (\d+) runs/.exec((await status.textContent()) ?? '')![1]);
    return { runs, seconds, maxLagMs: Number(await page.evaluate('window.__lag')) };
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}
