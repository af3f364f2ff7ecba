/**
 * The experiments and expectations pages in Chinese: a small experiment runs and its results,
 * strategy report included, show no English interface word; the expectations read in Chinese and
 * export a Chinese report; a bad link is refused with a Chinese message naming the field.
 * With AGORA_SHOTS set, screenshots of both pages go to $AGORA_SHOTS/zh-pages/.
 *
 * "No English" is judged against the catalogues as they stand: an English word may remain only
 * where the interface's or a model's catalogue has no zh-CN text yet (their own tests hold them
 * complete); a hard-coded English string, or an untranslated document text, fails here.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { encodeScenarioLink } from '../../src/core/scenarioLink';
import { en, type MessageKey } from '../../src/i18n/en';
import { zhCN } from '../../src/i18n/zh-CN';
import { cloudMarket } from '../../src/models/cloudMarket';

const SMALL = 'tests/fixtures/experiments/small.json';
/** Where screenshots go, when asked for (AGORA_SHOTS), for a person to look at. */
const SHOTS = process.env.AGORA_SHOTS && `${process.env.AGORA_SHOTS}/zh-pages`;

/** What the page says for `key` in Chinese (English while the catalogue lacks it). */
function say(key: MessageKey, vars: Record<string, string | number> = {}): string {
  return (zhCN[key] ?? en[key]).replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

const wordsOf = (text: string) => text.match(/[A-Za-z]{2,}/g) ?? [];

/** All string values of a model's declaration (labels, descriptions, options…). */
function declaredTexts(value: unknown, depth = 0): string[] {
  if (typeof value === 'string') return [value];
  if (depth > 8 || typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap((v) => declaredTexts(v, depth + 1));
}

/** Names, units and symbols: the only Latin words this area's own texts may show. */
const NAMES = ['Agora', 'Atlas', 'Borealis', 'Cirrus', 'Draco', 'Eos', 'CSV', 'JSON', 'HTML', 'PNG', 'MB', 'GB', 'KiB'];
// Abbreviations Chinese texts keep as they are (IT 能力, 集中度（HHI）).
const SYMBOLS = ['UCB', 'IT', 'HHI', 'logit', 'Wilson', 'SD', 'id', 'nextId', 'min', 'max', 'to', 'step'];
const OWN = new Set([...NAMES, ...SYMBOLS].map((w) => w.toLowerCase()));

/** Words a zh-CN page may show: names, units and symbols, and words of texts no catalogue translates yet. */
const ALLOWED = new Set(
  [
    ...OWN,
    ...(Object.keys(en) as MessageKey[]).filter((key) => zhCN[key] === undefined).flatMap((key) => wordsOf(en[key])),
    ...(Object.keys(zhCN).some((key) => key.startsWith('model.cloud-market.'))
      ? []
      : declaredTexts(cloudMarket).flatMap(wordsOf)),
  ].map((w) => w.toLowerCase()),
);

/**
 * English words shown in `text`, identifiers (`share.v2`, `vendors#2.strategy`, file names, hashes)
 * aside: beyond `allowed` (by default, whatever another catalogue does not translate yet).
 */
function englishWords(text: string, allowed = ALLOWED): string[] {
  const prose = text.replace(/[\w-]*[.#][\w.#<>-]+/g, ' ').replace(/\b(?=[0-9a-f]*\d)[0-9a-f]{6,}\b/g, ' ');
  return [...new Set(wordsOf(prose).filter((w) => !allowed.has(w.toLowerCase())))];
}

/** The text the page shows in `main`, node by node (charts' labels run together in innerText). */
const shownText = (page: Page) =>
  page.locator('main').evaluate((main) => {
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    const texts: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      // Code and key caps are commands, paths and keys, not interface words.
      if (parent && parent.closest('style, script, code, pre, kbd') === null && parent.getClientRects().length > 0)
        texts.push(node.textContent ?? '');
    }
    return texts.join('\n');
  });

async function openInChinese(page: Page): Promise<void> {
  await page.addInitScript(() => localStorage.setItem('agora.locale', 'zh-CN'));
  await page.goto('/');
  await expect(page.getByRole('button', { name: say('exp.open') })).toBeVisible();
}

async function shoot(browser: Browser, page: 'experiments' | 'expectations'): Promise<void> {
  const sizes = [
    { name: '1280x720@2', viewport: { width: 1280, height: 720 }, deviceScaleFactor: 2 },
    { name: '1024x768', viewport: { width: 1024, height: 768 }, deviceScaleFactor: 1 },
  ];
  for (const size of sizes) {
    const context = await browser.newContext({ viewport: size.viewport, deviceScaleFactor: size.deviceScaleFactor });
    const tab = await context.newPage();
    await openInChinese(tab);
    await tab.getByRole('button', { name: say(page === 'experiments' ? 'exp.open' : 'expect.open') }).click();
    await expect(tab.locator('main').first()).toBeVisible();
    // The experiments page with a ready experiment open: its name and description are the document's, in Chinese.
    if (page === 'experiments') {
      await tab.getByLabel(say('exp.ready')).selectOption('strategy-comparison.json');
      await expect(tab.getByText(/^模型说明最后提出的问题/)).toBeVisible();
      // Its uncertain strategies by their Chinese words (the parameter paths stay as code).
      await expect(tab.getByRole('list', { name: say('exp.uncertain') })).toContainText(
        'vendors#0.strategy: 盈利 50%, 求同 25%, 动态 25%',
      );
    }
    if (SHOTS) {
      await tab.screenshot({ path: `${SHOTS}/${page}-${size.name}.png` });
      await tab.screenshot({ path: `${SHOTS}/${page}-${size.name}-full.png`, fullPage: true });
    }
    await context.close();
  }
}

test('a small experiment runs in Chinese: form, progress, results and strategy report show no English', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await openInChinese(page);
  await page.getByRole('button', { name: say('exp.open') }).click();
  await page.locator('input[type=file][accept^=".json"]').last().setInputFiles(SMALL);
  await page.getByLabel(say('exp.workers')).fill('2');
  await page.getByRole('button', { name: say('exp.start') }).click();
  await expect(
    page.getByRole('status').filter({ hasText: say('exp.runsDone', { done: 12, total: 12 }) }),
  ).toContainText(say('exp.status.done'), { timeout: 90_000 });
  const report = page.getByRole('table', { name: say('exp.report.table', { vendor: 'Cirrus' }) });
  await expect(report.getByRole('columnheader').first()).toHaveText('策略');
  await expect(report.getByRole('columnheader').nth(3)).toHaveText('P(利润 ≥ 0 信用点)');
  // The runs header (次数) above its narrow cells stays on one line, not a character to a line.
  const runsHeaderLines = await report
    .getByRole('columnheader')
    .nth(1)
    .evaluate((th) => {
      const range = document.createRange();
      range.selectNodeContents(th);
      return new Set([...range.getClientRects()].map((box) => Math.round(box.top))).size;
    });
  expect(runsHeaderLines).toBe(1);
  await expect(page.getByText(/每年的份额：取每年年末和终点时的值。/)).toBeVisible();
  // This area's own words (the table's headers, day and money cells, the note) admit names and symbols only.
  const own = [
    ...(await report.getByRole('columnheader').allInnerTexts()),
    ...(await report.locator('td').allInnerTexts()),
    (await page.getByText(/每年的份额：/).innerText()).replace(say('exp.report.note'), ''),
  ];
  expect(englishWords(own.join('\n'), OWN)).toEqual([]);
  expect(englishWords(await shownText(page))).toEqual([]);
  expect(errors).toEqual([]);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/experiments-results-full.png`, fullPage: true });
});

test('the expectations read in Chinese, with no English word, and export a Chinese report', async ({ page }) => {
  await openInChinese(page);
  await page.getByRole('button', { name: say('expect.open') }).click();
  const first = page.getByRole('listitem', { name: '在一定范围内，价格本身并不决定市场份额。' });
  await expect(first).toBeVisible();
  await expect(first.getByRole('button', { name: /Draco 定价 43 信用点/ })).toBeVisible();
  await expect(page.getByRole('listitem', { name: /^集团的政策决定/ })).toBeVisible();
  // The documents' own texts (claims, descriptions, arm labels) admit names and symbols only.
  const ARM = say('expect.openArm').split('{arm}')[0];
  const statements = page.locator('.expectation .statement');
  await expect(statements).toHaveCount(8);
  const documentTexts = [
    ...(await statements.allInnerTexts()),
    ...(await page.locator('.expectation > .exp-description').allInnerTexts()),
    ...(await page.locator('.expectation button').allInnerTexts())
      .filter((text) => text.startsWith(ARM))
      .map((text) => text.slice(ARM.length)),
  ];
  expect(documentTexts).toHaveLength(8 + 8 + 12); // claims, descriptions, the arms of seven expectations
  expect(englishWords(documentTexts.join('\n'), OWN)).toEqual([]);
  expect(englishWords(await shownText(page))).toEqual([]);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: say('expect.export') }).click(),
  ]);
  const html = readFileSync((await download.path())!, 'utf8');
  expect(html).toContain('<html lang="zh-CN">');
  expect(html).toContain('迟到的进入者无论多便宜，也只能赢得有限的份额。');
  expect(html).not.toContain('A late entrant, however cheap');
  // Code (the folder and the command to rerun) is typed as it is, not an interface word.
  const text = html
    .replace(/<style>.*?<\/style>/s, '')
    .replace(/<(code|pre|kbd)>.*?<\/\1>/gs, ' ')
    .replace(/<[^>]+>/g, ' ');
  expect(englishWords(text)).toEqual([]);
});

test('an expectation runs in Chinese: its sentence, figures and other settings are said in Chinese', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openInChinese(page);
  await page.getByRole('button', { name: say('expect.open') }).click();
  await page.getByLabel(say('expect.openFile')).setInputFiles('tests/fixtures/experiments/expectation-small.json');
  // The fixture is the reader's own document: its claim and arm labels stay in the words its author wrote.
  const item = page.getByRole('listitem', { name: /prices aggressively gains share/ });
  await page.getByLabel(say('exp.workers')).fill('2');
  await item.getByRole('button', { name: say('expect.run'), exact: true }).click();
  const verdicts = ['holds', 'does-not-hold', 'inconclusive'].map((v) => say(`expect.verdict.${v}` as MessageKey));
  await expect(item.getByLabel(say('expect.col.verdict'))).toHaveText(new RegExp(`^(${verdicts.join('|')})$`), {
    timeout: 150_000,
  });
  await expect(item.getByLabel(say('expect.col.effect'))).toContainText('个百分点 [');
  await expect(item.getByLabel(say('expect.col.says'))).toHaveText(
    /^在“Cirrus waging a price war”的运行中，.+比“Cirrus pricing for profit”的运行.+个百分点：.+。$/,
  );
  await item.getByText(say('expect.robustness'), { exact: true }).click();
  const settings = item.getByRole('list', { name: say('expect.robustness') });
  for (const variant of ['换一个基础种子', '客户减半', '客户加倍', '多运行一年', '换一种行业构成'])
    await expect(settings).toContainText(variant);
});

test('a bad link opened in Chinese is refused with a Chinese message naming the field', async ({ page }) => {
  const scenario = JSON.parse(readFileSync(SMALL, 'utf8')).scenario;
  await page.addInitScript(() => localStorage.setItem('agora.locale', 'zh-CN'));
  await page.goto(`/${await encodeScenarioLink({ ...scenario, seed: -1 })}`);
  await expect(page.getByRole('alert')).toContainText('seed: 必须是 0 到 4294967295 之间的整数');
  const link = await encodeScenarioLink({ ...scenario, params: { customers: 'many' } });
  await page.goto(`/${link}`);
  await expect(page.getByRole('alert').last()).toContainText('params.customers: 必须是');
  await page.goto(`/${link.slice(0, -4)}`);
  await expect(page.getByRole('alert').last()).toContainText('链接已损坏');
});

test('both pages open in Chinese at two screen sizes (screenshots with AGORA_SHOTS)', async ({ browser }) => {
  test.setTimeout(90_000);
  await shoot(browser, 'experiments');
  await shoot(browser, 'expectations');
});
