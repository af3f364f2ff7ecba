/**
 * The sandbox in Simplified Chinese (issue 17): the browser's language or the kept choice picks it,
 * no English interface word is left on the page or the canvas, and a change of language mid-run
 * keeps the run where it is.
 */
import { expect, test, type Page } from '@playwright/test';
import type { PNG } from 'pngjs';
import { defaultParams, type TableValue } from '../../src/core/params';
import { zhCN } from '../../src/i18n/zh-CN';
import { cloudMarket } from '../../src/models/cloudMarket';
import { MODELS } from '../../src/models/registry';
import { viewPixels } from './viewPicture';

const chinese = {
  fingerprint: '指纹',
  tick: '时间步',
  date: '日期',
  go: '运行',
  pause: '暂停',
  language: '语言 / Language',
};

/**
 * English a Chinese page may show: names of the scenario's vendors and suppliers (data, which the
 * person types), the app's name, file formats, the names printed on keys, and the chooser's own
 * language names and bilingual label, which must be readable whatever the page speaks.
 */
const tableNames = Object.values(defaultParams(cloudMarket.params)).flatMap((value) =>
  typeof value === 'object' && value !== null && 'rows' in value
    ? (value as TableValue).rows.flatMap((row) => (typeof row.name === 'string' ? row.name.split(/\s+/) : []))
    : [],
);
const ALLOWED = new Set([
  ...tableNames,
  'Agora',
  'CSV',
  'PNG',
  'JSON',
  'Enter',
  'Escape',
  'Esc',
  'Shift',
  'English',
  'Language',
  'Tab',
  // Abbreviations Chinese texts keep as they are (容量 IOPS, IT 能力, HHI 指数, ODD 协议).
  'HHI',
  'IOPS',
  'IT',
  'ODD',
  // The ODD's formulas: function names and the attributes' symbols, as in the English.
  'exp',
  'ln',
  'logit',
  'min',
  'max',
  'round',
  'floor',
  'uniform',
  'squash',
  'scaled',
  'it',
  'su',
]);

/**
 * The models' own texts (labels, units, legends, Info, titles in the model chooser) are the models'
 * translators' part: while the zh-CN catalogue has none for the market, words from them are let
 * through; once it has them, they must be Chinese too, and this exemption ends by itself.
 */
const modelTranslated = Object.keys(zhCN).some((key) => key.startsWith(`model.${cloudMarket.id}.`));
function stringsOf(value: unknown, seen = new Set<unknown>()): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null || seen.has(value)) return [];
  seen.add(value);
  return Object.values(value).flatMap((v) => stringsOf(v, seen));
}
const modelTexts = modelTranslated
  ? []
  : MODELS.flatMap((model) => [...stringsOf(model), ...stringsOf(model.portrayal(defaultParams(model.params)))]);
const modelWords = new Set(modelTexts.flatMap((text) => text.toLowerCase().match(/[a-z]+/g) ?? []));
const allowed = new Set([...ALLOWED].map((word) => word.toLowerCase()));

/**
 * English words in `text`: runs of Latin letters, not part of a token with digits (a fingerprint, "#3").
 */
function englishWords(text: string): string[] {
  return (text.match(/[A-Za-z0-9#_]+/g) ?? [])
    .filter((token) => /^[A-Za-z]{2,}$/.test(token))
    .filter((word) => !allowed.has(word.toLowerCase()) && !modelWords.has(word.toLowerCase()));
}

/**
 * What the page says: each text on show (one by one, so that neighbours are not run together), the
 * options of its choosers, the names and hints of its controls, and the texts drawn on the canvas.
 */
async function pageTexts(page: Page): Promise<{ page: string; canvas: string[] }> {
  return page.evaluate(() => {
    const shown: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement!;
      const holder = element.closest('select') ?? element;
      // Code and key caps are commands and keys, not interface words.
      if (!element.closest('script, style, noscript, code, pre, kbd') && holder.checkVisibility())
        shown.push(node.textContent ?? '');
    }
    const attributes = [...document.querySelectorAll('[aria-label], [title], [placeholder], [aria-valuetext]')].flatMap(
      (e) => ['aria-label', 'title', 'placeholder', 'aria-valuetext'].map((a) => e.getAttribute(a) ?? ''),
    );
    const canvas = document.querySelector<HTMLCanvasElement>('canvas[data-labels]');
    const labels = JSON.parse(canvas?.dataset.labels ?? '[]') as { text: string }[];
    return { page: [...shown, ...attributes].join('\n'), canvas: labels.map((l) => l.text) };
  });
}

async function runAFewDays(page: Page): Promise<void> {
  await expect(page.getByLabel(chinese.fingerprint, { exact: true })).toHaveText(/^[0-9a-f]{16}$/);
  await page.getByRole('button', { name: chinese.go, exact: true }).click();
  await expect(page.getByLabel(chinese.tick, { exact: true })).toHaveText(/^([5-9]|\d\d+)$/, { timeout: 15_000 });
  await page.getByRole('button', { name: chinese.pause, exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /^已暂停$/ })).toBeVisible();
}

test('the sandbox in Chinese shows no English interface word, on the page or on the canvas', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('agora.locale', 'zh-CN'));
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await runAFewDays(page);
  await expect(page.getByLabel(chinese.date, { exact: true })).toHaveText(/^第1年第\d+天$/);
  // The help overlay too: its keys and actions.
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: '键盘快捷键' })).toContainText('空格键');
  await expect
    .poll(async () => JSON.parse((await page.locator('canvas').getAttribute('data-labels')) ?? '[]'))
    .not.toEqual([]);
  const texts = await pageTexts(page);
  expect(englishWords(texts.page)).toEqual([]);
  expect(texts.canvas.flatMap(englishWords)).toEqual([]);
  // The vendors' labels carry their shares, written the Chinese way.
  expect(texts.canvas.some((text) => /^Atlas \d+(\.\d)?%$/.test(text))).toBe(true);
  if (modelTranslated) expect(texts.canvas.some((text) => /[\u4e00-\u9fff]/.test(text))).toBe(true);

  // The what-if comparison speaks Chinese too: its panel, levers and plots.
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '从这里分支' }).click();
  await expect(page.getByRole('region', { name: /^如果……？在第\d+天分支$/ })).toBeVisible();
  expect(englishWords((await pageTexts(page)).page)).toEqual([]);
});

test('a Chinese browser opens in Chinese; a change of language keeps the run, and is kept', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByLabel(chinese.language)).toHaveValue('zh-CN');
  await runAFewDays(page);
  const tick = await page.getByLabel(chinese.tick, { exact: true }).textContent();
  const fingerprint = await page.getByLabel(chinese.fingerprint, { exact: true }).textContent();
  const day = /第1年第(\d+)天/.exec((await page.getByLabel(chinese.date, { exact: true }).textContent())!)![1];

  await page.getByLabel(chinese.language).selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'Presenter mode' })).toBeVisible();
  await expect(page.getByLabel('Tick', { exact: true })).toHaveText(tick!);
  await expect(page.getByLabel('Fingerprint', { exact: true })).toHaveText(fingerprint!);
  await expect(page.getByLabel('Date', { exact: true })).toHaveText(`Year 1, day ${day}`);
  // The plots keep the days run, and the view draws them again.
  await expect(page.locator('.plot .recharts-line-curve').first()).toHaveAttribute('d', /L/);
  await expect
    .poll(async () => JSON.parse((await page.locator('canvas').getAttribute('data-labels')) ?? '[]'))
    .not.toEqual([]);

  // The run goes on from there, by the shortcuts too (installed once, not again with the new language).
  await page.keyboard.press(' ');
  await expect(page.getByLabel('Tick', { exact: true })).not.toHaveText(tick!);
  await page.keyboard.press(' ');
  await expect(page.getByRole('status').filter({ hasText: /^Paused$/ })).toBeVisible();

  // The choice beats the browser's language on the next visit, and back again.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Presenter mode' })).toBeVisible();
  await page.getByLabel('Language / 语言').selectOption('zh-CN');
  await page.reload();
  await expect(page.getByRole('button', { name: '演示模式' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await context.close();
});

/** Unlike pixels: the mean difference of their channels, 0–255. */
function unlike(a: PNG, b: PNG): number {
  let sum = 0;
  for (let i = 0; i < a.data.length; i++) sum += Math.abs(a.data[i] - b.data[i]);
  return sum / a.data.length;
}

/** How much is drawn: the mean darkness of the channels, 0 for a blank (white) picture. */
function ink(png: PNG): number {
  let sum = 0;
  for (let i = 0; i < png.data.length; i += 4) sum += 765 - png.data[i] - png.data[i + 1] - png.data[i + 2];
  return sum / (png.data.length / 4) / 3;
}

/** The view's pixels once it is drawn and still (the run is paused): drawn, and alike over 300 ms. */
async function stillView(page: Page): Promise<PNG> {
  let last = (await viewPixels(page)).png;
  await expect
    .poll(
      async () => {
        const next = (await viewPixels(page)).png;
        const change = next.data.length === last.data.length ? unlike(next, last) : Infinity;
        last = next;
        return ink(next) > 5 && change === 0;
      },
      { intervals: [300] },
    )
    .toBe(true);
  return last;
}

test('a change of language keeps where the view is zoomed and panned; another model starts at home', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByLabel('Fingerprint', { exact: true })).toHaveText(/^[0-9a-f]{16}$/);
  const home = await stillView(page);
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(async () => unlike((await viewPixels(page)).png, home)).toBeGreaterThan(20);
  const zoomed = await stillView(page);

  await page.getByLabel('Language / 语言').selectOption('zh-CN');
  await expect(page.getByRole('button', { name: '演示模式' })).toBeVisible();
  const after = await stillView(page);
  // The same part of the world as before the change (the canvas's texts differ), not the whole of it.
  expect(unlike(after, zoomed)).toBeLessThan(unlike(after, home) / 4);

  // Another model's view starts at home, and so does this one's when it is chosen again.
  await page.getByLabel(chinese.language).selectOption('en');
  await page.getByLabel('Model', { exact: true }).selectOption('flocking');
  await expect(page.getByLabel('Tick', { exact: true })).toHaveText('0');
  await page.getByLabel('Model', { exact: true }).selectOption('cloud-market');
  await expect(page.getByLabel('Fingerprint', { exact: true })).toHaveText(/^[0-9a-f]{16}$/);
  const again = await stillView(page);
  expect(unlike(again, home)).toBeLessThan(unlike(again, zoomed) / 4);
});
