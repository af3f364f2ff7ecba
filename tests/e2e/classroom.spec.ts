/** The sandbox in a classroom: right on HiDPI laptops, projectors and tablets. */
import { readFile } from 'node:fs/promises';
import { expect, test, type Download, type Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { decodeScenarioLink } from '../../src/core/scenarioLink';
import { findDot, view, viewPixels } from './viewPicture';

const FINGERPRINT = /^[0-9a-f]{16}$/;

async function openMarket(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByLabel('Fingerprint', { exact: true })).toHaveText(FINGERPRINT);
  await page.getByRole('button', { name: 'Step a year' }).click();
  await expect(page.getByLabel('Tick', { exact: true })).toHaveText('365');
  // The renderer draws at most 20 times a second.
  await page.waitForTimeout(400);
}

const readDownload = async (d: Download) => readFile((await d.path())!);

/** The view as device pixels, with how many device pixels make one CSS pixel. */

/** The share of the canvas's width and height that the drawn picture (non-white pixels) spans. */
async function drawnSpan(page: Page): Promise<{ width: number; height: number }> {
  const { png } = await viewPixels(page);
  let minX = png.width;
  let maxX = -1;
  let minY = png.height;
  let maxY = -1;
  // Skip the 1-px border of the box, scaled.
  const edge = Math.ceil((png.width / (await view(page).boundingBox())!.width) * 2);
  for (let y = edge; y < png.height - edge; y++)
    for (let x = edge; x < png.width - edge; x++) {
      const i = 4 * (y * png.width + x);
      if (Math.min(png.data[i], png.data[i + 1], png.data[i + 2]) > 200) continue;
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
  return { width: (maxX - minX) / png.width, height: (maxY - minY) / png.height };
}

/** The world fills its canvas: its long side spans at least 90% of the canvas. */
async function expectWorldFills(page: Page): Promise<void> {
  const span = await drawnSpan(page);
  expect(Math.max(span.width, span.height)).toBeGreaterThanOrEqual(0.9);
}

/** Clicks a drawn customer: the inspector opens it and the view rings that very dot. */
async function expectPickMatchesPicture(page: Page): Promise<void> {
  const dot = await findDot(page);
  const before = await viewPixels(page);
  await view(page).click({ position: dot });
  await expect(page.getByRole('region', { name: 'Inspector' })).toContainText(/Customers #\d+/);
  await page.waitForTimeout(400);
  const after = await viewPixels(page);
  const { dpr } = after;
  // Pixels changed within 9 CSS px of the click (the ring around the inspected dot has radius 6.5).
  let near = 0;
  const reach = 9 * dpr;
  for (let y = Math.round(dot.y * dpr - reach); y <= dot.y * dpr + reach; y++)
    for (let x = Math.round(dot.x * dpr - reach); x <= dot.x * dpr + reach; x++) {
      const i = 4 * (y * after.png.width + x);
      if (
        Math.abs(after.png.data[i] - before.png.data[i]) + Math.abs(after.png.data[i + 1] - before.png.data[i + 1]) >
        60
      )
        near++;
    }
  // A ring of circumference ~40 CSS px and 2.5 px wide: ~100 CSS px², scaled to device pixels.
  expect(near).toBeGreaterThan(40 * dpr * dpr);
}

for (const dpr of [1, 1.5, 2, 3]) {
  test.describe(`at devicePixelRatio ${dpr}`, () => {
    test.use({ deviceScaleFactor: dpr, viewport: { width: 1280, height: 800 } });

    test('the world fills its canvas and a click inspects the agent drawn there', async ({ page }) => {
      await openMarket(page);
      await expectWorldFills(page);
      await expectPickMatchesPicture(page);
    });
  });
}

test('a plot exports as a PNG of the whole chart: title, axes, legend, at twice the screen size', async ({ page }) => {
  await openMarket(page);
  const figure = page.getByRole('figure', { name: /Market share/ });
  const chart = (await figure.locator('.recharts-wrapper > svg').boundingBox())!;
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: /Export Market share.* as PNG/ }).click();
  const png = PNG.sync.read(await readDownload(await downloading));
  expect(png.width).toBeGreaterThanOrEqual(600);
  expect(png.width).toBe(Math.ceil(chart.width * 2));
  // Title above, legend below: taller than the chart alone.
  expect(png.height).toBeGreaterThan(chart.height * 2 + 60);
  const dark = (y0: number, y1: number) => {
    let n = 0;
    for (let y = y0; y < y1; y++)
      for (let x = 0; x < png.width; x++) {
        const i = 4 * (y * png.width + x);
        if (Math.max(png.data[i], png.data[i + 1], png.data[i + 2]) < 120) n++;
      }
    return n;
  };
  // The title's text in the top band, the legend's in the bottom one.
  expect(dark(0, 40)).toBeGreaterThan(300);
  let coloured = 0;
  for (let y = png.height - 80; y < png.height; y++)
    for (let x = 0; x < png.width; x++) {
      const i = 4 * (y * png.width + x);
      if (
        Math.max(png.data[i], png.data[i + 1], png.data[i + 2]) -
          Math.min(png.data[i], png.data[i + 1], png.data[i + 2]) >
        80
      )
        coloured++;
    }
  expect(coloured).toBeGreaterThan(300);
});

test("a plot's CSV is headed by the series' names, and its legend names the vendors only", async ({ page }) => {
  await openMarket(page);
  const figure = page.getByRole('figure', { name: /Market share/ });
  await expect(figure.locator('.recharts-legend-item-text').first()).toHaveText('Atlas');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: /Export Market share.* as CSV/ }).click();
  const csv = (await readDownload(await downloading)).toString('utf8');
  expect(csv.split('\n')[0]).toMatch(/^tick,Share: Atlas,Share: Borealis,.*Share: direct purchase$/);
  // A header and a row per day, 0 to 365.
  expect(csv.trim().split('\n')).toHaveLength(367);
});

const banner = (page: Page, text: RegExp) => page.locator('.banner').filter({ hasText: text });
const seed = (page: Page) => page.getByLabel('Seed', { exact: true });

/** Sets the seed up and waits until the address bar and the work kept locally hold it. */
async function setUpSeed(page: Page, value: number): Promise<string> {
  await seed(page).fill(String(value));
  await page.getByRole('button', { name: 'Setup' }).click();
  await expect(page.getByLabel('Tick', { exact: true })).toHaveText('0');
  await expect.poll(async () => (await decodeScenarioLink(page.url())).ok && page.url()).toBeTruthy();
  await expect
    .poll(async () => {
      const decoded = await decodeScenarioLink(page.url());
      return decoded.ok && (decoded.document as { seed: number }).seed;
    })
    .toBe(value);
  // The work is kept locally with the address (after the same quiet time).
  await page.waitForTimeout(200);
  return page.url();
}

test.describe('the address bar', () => {
  test('a reload keeps the work without claiming a link replaced it', async ({ page }) => {
    await openMarket(page);
    await setUpSeed(page, 5);
    await page.reload();
    await expect(page.getByLabel('Fingerprint', { exact: true })).toHaveText(FINGERPRINT);
    await expect(seed(page)).toHaveValue('5');
    await page.waitForTimeout(800);
    await expect(page.locator('.banner')).toHaveCount(0);
  });

  test('a link that replaces other work offers it back', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByLabel('Fingerprint', { exact: true })).toHaveText(FINGERPRINT);
    const link7 = await setUpSeed(page, 7);
    await setUpSeed(page, 9);
    await page.goto('about:blank');
    await page.goto(link7);
    await expect(seed(page)).toHaveValue('7');
    await expect(banner(page, /The link replaced the work you had open/)).toBeVisible();
    await page.getByRole('button', { name: 'Restore my previous work' }).click();
    await expect(seed(page)).toHaveValue('9');
  });

  test('Back and Forward move between scenarios, and Back reaches what the bare address showed', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByLabel('Fingerprint', { exact: true })).toHaveText(FINGERPRINT);
    const model = page.getByLabel('Model', { exact: true });
    // The bare address becomes the link of what it shows at once.
    await expect.poll(() => page.url()).toContain('#s=');
    await model.selectOption('k-means');
    await expect(page.getByLabel('Centroids')).toBeVisible();
    await expect.poll(async () => (await decodeScenarioLink(page.url())).ok && page.url()).toMatch(/#s=/);
    await expect
      .poll(async () => {
        const decoded = await decodeScenarioLink(page.url());
        return decoded.ok && (decoded.document as { model: string }).model;
      })
      .toBe('k-means');
    await page.getByLabel('Centroids').fill('8');
    await page.getByRole('button', { name: 'Setup' }).click();
    await expect
      .poll(async () => {
        const decoded = await decodeScenarioLink(page.url());
        return decoded.ok && (decoded.document as { params?: { numCentroids?: number } }).params?.numCentroids;
      })
      .toBe(8);
    // Twice at once: the second move wins, whatever the order the links decode in.
    await page.evaluate(() => {
      history.back();
      setTimeout(() => history.back(), 5);
    });
    await expect(model).toHaveValue('cloud-market');
    await page.waitForTimeout(1000);
    await expect(model).toHaveValue('cloud-market');
    await page.goForward();
    await expect(model).toHaveValue('k-means');
    await expect(page.getByLabel('Centroids')).toHaveValue('4');
    await page.goForward();
    await expect(page.getByLabel('Centroids')).toHaveValue('8');
  });

  for (const fragment of ['#', '#intro']) {
    test(`an address ending in "${fragment}" says it holds no scenario`, async ({ page }) => {
      await page.goto(`/${fragment}`);
      await expect(page.getByLabel('Fingerprint', { exact: true })).toHaveText(FINGERPRINT);
      await expect(banner(page, /not a scenario link/)).toContainText(`“${fragment}”`);
      await expect(banner(page, /not a scenario link/)).toContainText('the default scenario is open');
      await expect.poll(() => page.url()).toContain('#s=');
    });
  }
});

test('odd parameters that still run are said at Setup: no customers, no segment weighted', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByLabel('Fingerprint', { exact: true })).toHaveText(FINGERPRINT);
  await page.getByLabel('Customers', { exact: true }).fill('0');
  await page.getByRole('button', { name: 'Setup' }).click();
  await expect(banner(page, /There are no customers/)).toBeVisible();
  await page.getByLabel('Customers', { exact: true }).fill('3000');
  for (const segment of ['finance', 'gaming', 'manufacturing'])
    await page.getByLabel(`Segment mix: ${segment}`, { exact: true }).fill('0');
  await page.getByRole('button', { name: 'Setup' }).click();
  await expect(banner(page, /Every segment mix is 0: all customers are put in finance/)).toBeVisible();
  await page.getByLabel('Segment mix: gaming', { exact: true }).fill('0.5');
  await page.getByRole('button', { name: 'Setup' }).click();
  await expect(page.locator('.banner')).toHaveCount(0);
});

test('the view has a legend: customers by seller, direct and none, the rings, vendors and suppliers', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByLabel('Fingerprint', { exact: true })).toHaveText(FINGERPRINT);
  const legend = page.locator('.view-legend');
  await expect(legend).toBeVisible();
  for (const text of [
    'Atlas',
    'Eos',
    'bought direct from a supplier',
    'no seller',
    'switched seller',
    'met a stock-out',
    'vendor: the larger, the more market share',
    'supplier, with its stock (units)',
  ])
    await expect(legend.getByText(text, { exact: true })).toBeVisible();
  // The legend's swatch for Atlas has Atlas's colour in the plots.
  const swatch = await legend.getByText('Atlas', { exact: true }).locator('circle').getAttribute('fill');
  const line = await page
    .getByRole('figure', { name: /Market share/ })
    .locator('.recharts-legend-item-text', { hasText: 'Atlas' })
    .evaluate((e) => getComputedStyle(e).color);
  const hex = (rgb: string) =>
    '#' + (rgb.match(/\d+/g) ?? []).map((v) => Number(v).toString(16).padStart(2, '0')).join('');
  expect(swatch?.toLowerCase()).toBe(hex(line));
});

test('Segregation stops by itself once everyone is happy', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByLabel('Fingerprint', { exact: true })).toHaveText(FINGERPRINT);
  await page.getByLabel('Model', { exact: true }).selectOption('segregation');
  const happy = page.getByRole('status', { name: 'Happy fraction', exact: true });
  await expect(happy).toBeVisible();
  await page.getByLabel('Speed').fill('1000');
  await page.getByRole('button', { name: 'Go' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Stopped at tick \d+/ })).toBeVisible({ timeout: 20_000 });
  await expect(happy).toHaveText('1');
});

test.describe('at the horizon', () => {
  test('the Date reads the last day of year 5, and "Run another year" carries the run on', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByLabel('Fingerprint', { exact: true })).toHaveText(FINGERPRINT);
    const tick = page.getByLabel('Tick', { exact: true });
    for (let year = 1; year <= 5; year++) {
      await page.getByRole('button', { name: 'Step a year' }).click();
      await expect(tick).toHaveText(String(365 * year));
    }
    await expect(page.getByRole('status').filter({ hasText: 'the horizon is reached' })).toBeVisible();
    await expect(page.getByLabel('Date', { exact: true })).toHaveText('Year 5, day 365');
    await page.getByRole('button', { name: 'Run another year' }).click();
    await expect(tick).toHaveText('2190');
    await expect(page.getByLabel('Date', { exact: true })).toHaveText('Year 6, day 365');
    await expect(page.getByLabel('Horizon', { exact: true })).toHaveValue('6');
    const fingerprint = await page.getByLabel('Fingerprint', { exact: true }).textContent();
    // The link of the longer run replays it: a fresh page at its address reaches the same state.
    await expect.poll(async () => (await decodeScenarioLink(page.url())).ok).toBe(true);
    // The longer horizon is a live change, kept in the link as a timed change at day 1825.
    await expect
      .poll(async () => {
        const decoded = await decodeScenarioLink(page.url());
        return decoded.ok && (decoded.document as { changes?: unknown[] }).changes;
      })
      .toContainEqual({ tick: 1825, param: 'years', value: 6 });
    await page.goto('about:blank');
    await page.goBack();
    // Day 0 runs on the 5-year horizon; the timed change moves it on day 1825.
    await expect(page.getByRole('region', { name: /Timed changes/ })).toContainText('Day 1825');
    await page.getByLabel('Speed').fill('9'); // as fast as possible
    await page.getByRole('button', { name: 'Go' }).click();
    await expect(tick).toHaveText('2190', { timeout: 20_000 });
    await expect(page.getByLabel('Fingerprint', { exact: true })).toHaveText(fingerprint!);
  });

  test('S on a run under way asks first; a second S sets up', async ({ page }) => {
    await openMarket(page);
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('s');
    await expect(banner(page, /Set up again\? The run is at tick 365/)).toBeVisible();
    await expect(page.getByLabel('Tick', { exact: true })).toHaveText('365');
    await page.keyboard.press('s');
    await expect(page.getByLabel('Tick', { exact: true })).toHaveText('0');
  });
});

test('the inspector opens beside the view, in view, with named fields and the internals behind Details', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openMarket(page);
  const dot = await findDot(page);
  await view(page).click({ position: dot });
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await expect(inspector).toBeInViewport({ ratio: 1 });
  await expect(inspector.getByText('industry', { exact: true })).toBeVisible();
  await expect(inspector.getByText('price sensitivity', { exact: true })).toBeVisible();
  // Internal bookkeeping is there for the curious, folded away.
  await expect(inspector.getByText('next in day', { exact: true })).toBeHidden();
  await inspector.getByText(/^Details/).click();
  await expect(inspector.getByText('next in day', { exact: true })).toBeVisible();
  // The plots stay where they were, and the page does not scroll sideways.
  await expect(page.getByRole('figure', { name: /Market share/ })).toBeInViewport();
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth <= innerWidth)).toBe(true);
});

test.describe('parameter sections', () => {
  test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true });

  test('fold, the market open; a description shows on focus and on tap', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByLabel('Fingerprint', { exact: true })).toHaveText(FINGERPRINT);
    for (const title of ['Market', 'Customers by industry', 'Vendors', 'Supply', 'Mechanisms'])
      await expect(page.locator('.param-section > summary', { hasText: new RegExp(`^${title} \\(`) })).toBeVisible();
    await expect(page.getByLabel('Switching cost', { exact: true })).toBeVisible();
    const sensitivity = page.getByLabel('Finance: price sensitivity', { exact: true });
    await expect(sensitivity).toBeHidden();
    await page.locator('.param-section > summary', { hasText: 'Customers by industry' }).tap();
    await expect(sensitivity).toBeVisible();
    // The description of Customers: hidden until the control is focused, then named by it.
    const description = page.getByText('Initial number of customers; growth adds more');
    await expect(description).toBeHidden();
    await page.getByLabel('Customers', { exact: true }).focus();
    await expect(description).toBeVisible();
    await expect(page.getByLabel('Customers', { exact: true })).toHaveAccessibleDescription(
      'Initial number of customers; growth adds more',
    );
    await page.getByLabel('Switching cost', { exact: true }).tap();
    await expect(description).toBeHidden();
    await expect(page.locator('.param:focus-within .param-description')).toBeVisible();
  });
});

const noSideScroll = () => document.scrollingElement!.scrollWidth <= innerWidth;

const SCREENS = [
  { name: 'a projector 1280×720', viewport: { width: 1280, height: 720 }, dpr: 1, touch: false },
  { name: 'a Retina laptop 1440×900', viewport: { width: 1440, height: 900 }, dpr: 2, touch: false },
  { name: 'a projector 1920×1080', viewport: { width: 1920, height: 1080 }, dpr: 1, touch: false },
  { name: 'a tablet 1024×768', viewport: { width: 1024, height: 768 }, dpr: 2, touch: true },
];

for (const screen of SCREENS) {
  test.describe(`on ${screen.name}`, () => {
    test.use({ viewport: screen.viewport, deviceScaleFactor: screen.dpr, hasTouch: screen.touch });

    test('the world fills its canvas, the monitors and the share plot show, nothing scrolls sideways', async ({
      page,
    }) => {
      await openMarket(page);
      for (const presenter of [false, true]) {
        if (presenter) await page.getByRole('button', { name: 'Presenter mode' }).click();
        await page.waitForTimeout(400);
        await expectWorldFills(page);
        expect(await page.evaluate(noSideScroll)).toBe(true);
        // Projectors and laptops show the monitors too; a tablet's controls column holds the levers first.
        if (!screen.touch)
          for (const monitor of ['Tick', 'Date', 'Share: Atlas'])
            await expect(page.getByLabel(monitor, { exact: true })).toBeInViewport();
        await expect(view(page)).toBeInViewport();
        await expect(page.getByRole('figure', { name: /Market share/ })).toBeInViewport();
      }
      await page.getByRole('button', { name: 'Presenter mode' }).click();
      await page.getByRole('button', { name: 'Presets' }).click();
      expect(await page.evaluate(noSideScroll)).toBe(true);
      await page.keyboard.press('Escape');
      for (const name of ['Experiments', 'Expectations']) {
        await page.getByRole('button', { name, exact: true }).click();
        expect(await page.evaluate(noSideScroll)).toBe(true);
      }
    });
  });
}

test.describe('a tablet', () => {
  test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true });

  test('every control of the sandbox is at least 44 px tall', async ({ page }) => {
    await openMarket(page);
    const small = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('main button, main select, main input[type="range"], main summary')]
        .filter((e) => e.offsetParent !== null)
        .map((e) => ({ what: e.getAttribute('aria-label') ?? e.textContent, height: e.getBoundingClientRect().height }))
        .filter((e) => e.height < 44),
    );
    expect(small).toEqual([]);
  });
});

test('in presenter mode the teacher picks the plots shown', async ({ page }) => {
  await openMarket(page);
  await page.getByRole('button', { name: 'Presenter mode' }).click();
  await expect(page.getByRole('figure', { name: /Market share/ })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Cumulative profit' })).toHaveCount(0);
  await page.getByText('Plots shown').click();
  await page.getByRole('checkbox', { name: 'Cumulative profit' }).check();
  await page.getByRole('checkbox', { name: 'Price' }).check();
  await page.getByRole('checkbox', { name: /Profit per day/ }).uncheck();
  await expect(page.getByRole('figure', { name: 'Cumulative profit' })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Price' })).toBeVisible();
  await expect(page.getByRole('figure', { name: /Profit per day/ })).toHaveCount(0);
});
