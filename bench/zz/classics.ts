import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium';
const server = await preview({ preview: { port: 4177, strictPort: true, host: '127.0.0.1' }, logLevel: 'warn' });
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
const errors: string[] = [];
page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
await page.goto('http://127.0.0.1:4177/');
for (const id of ['segregation', 'flocking']) {
  await page.getByLabel('Model', { exact: true }).selectOption(id);
  await page.waitForTimeout(500);
  await page.getByRole('button', { name: 'Go' }).click();
  await page.waitForTimeout(4000);
  await page.screenshot({ path: `/tmp/${id}.png` });
  await page.getByRole('button', { name: 'Pause' }).click().catch(() => {});
}
console.log('errors', errors);
await browser.close();
server.httpServer.close();
