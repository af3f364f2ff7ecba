/** Segregation and Flocking run in the browser like the other models: view, plots, monitors. */
import { expect, test, type Page } from '@playwright/test';
import { PNG } from 'pngjs';

async function colouredPixels(page: Page): Promise<number> {
  const png = PNG.sync.read(await page.getByRole('img', { name: /Model view/ }).screenshot());
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4) if (Math.min(png.data[i], png.data[i + 1], png.data[i + 2]) < 200) n++;
  return n;
}

for (const { id, monitor } of [
  { id: 'segregation', monitor: 'Happy fraction' },
  { id: 'flocking', monitor: 'Alignment' },
]) {
  test(`${id} draws its agents, steps, and shows its monitor and its plot's rows`, async ({ page }) => {
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto('/');
    await page.getByLabel('Model', { exact: true }).selectOption(id);
    const value = page.getByRole('status', { name: monitor, exact: true });
    await expect.poll(() => colouredPixels(page)).toBeGreaterThan(2000);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect(page.getByLabel('Tick', { exact: true })).toHaveText('1');
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect(page.getByLabel('Tick', { exact: true })).toHaveText('4');
    await expect(value).toHaveText(/^0?\.\d+|^1$/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByRole('button', { name: /^Export .* as CSV$/ })
        .first()
        .click(),
    ]);
    const csv = await (await import('node:fs')).promises.readFile((await download.path())!, 'utf8');
    expect(csv.trim().split('\n')).toHaveLength(6); // header and ticks 0–4
    expect(errors).toEqual([]);
  });
}
