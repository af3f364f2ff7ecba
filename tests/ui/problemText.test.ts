/**
 * Problems with a document, said in the reader's language: core writes them in English (the CLI
 * prints them so); the page restates each from its template, field and values kept.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseComparison } from '../../src/core/comparison';
import { parseExperiment } from '../../src/core/experiment/schema';
import { parseJsonText } from '../../src/core/jsonDocument';
import { parseLesson } from '../../src/core/lesson';
import { validateValue } from '../../src/core/params';
import { decodeScenarioLink, encodeScenarioLink } from '../../src/core/scenarioLink';
import { migrateScenario } from '../../src/core/scenarioMigrations';
import { parseScenario } from '../../src/core/scenario';
import { setLocale } from '../../src/i18n';
import { findModel } from '../../src/models/registry';
import { LESSON_CONTEXT } from '../../src/ui/lessons/readyLessons';
import { problemText } from '../../src/ui/problemText';

afterEach(() => setLocale('en'));

const scenario = { format: 'agora-scenario', version: 1, model: 'cloud-market', modelVersion: 1, seed: 5, params: {} };
const experiment = JSON.parse(readFileSync('tests/fixtures/experiments/small.json', 'utf8'));
const expectation = JSON.parse(readFileSync('tests/fixtures/experiments/expectation-small.json', 'utf8'));
const h = expectation.hypothesis;

type Lesson = { steps: Record<string, unknown>[] } & Record<string, unknown>;
const readyLesson = (id: string) => JSON.parse(readFileSync(`lessons/${id}.json`, 'utf8')) as Lesson;
const en = (text: string) => ({ en: text });

/**
 * A ready lesson broken one field at a time, so that together they give every problem a lesson
 * document can have, and the English problems core gives for them.
 */
function lessonProblems(): string[] {
  const otherScenario = { format: 'agora-scenario', version: 2, model: 'k-means', modelVersion: 1, seed: 1 };
  const edits: ((d: Lesson) => void)[] = [
    (d) => (d.notes = JSON.parse('['.repeat(100) + ']'.repeat(100))),
    (d) => (d.format = 'agora-scenario'),
    (d) => (d.version = 0),
    (d) => (d.version = 2),
    (d) => (d.id = 5),
    (d) => (d.id = 'a'.repeat(81)),
    (d) => (d.id = 'Price War'),
    (d) => (d.model = 7),
    (d) => (d.model = 'stock-market'),
    (d) => (d.author = 'me'),
    (d) => (d.title = 'Price war'),
    (d) => (d.title = en('a'.repeat(301))),
    (d) => (d.title = { en: 'x', fr: 'y' }),
    (d) => (d.summary = en('a\u202Eb')),
    (d) => (d.teacherNotes = en('a'.repeat(20_001))),
    (d) => ((d as Record<string, unknown>).steps = {}),
    (d) => (d.steps = []),
    (d) => ((d.steps as unknown[])[0] = 'x'),
    (d) => (d.steps[0].answer = 1),
    (d) => (d.steps[0].reveal = en('  ')),
    (d) => (d.steps[0].runTo = 0),
    (d) => (d.steps[0].open = 'default'),
    (d) => (d.steps[0].open = {}),
    (d) => (d.steps[0].open = { preset: 'default', page: 1 }),
    (d) => (d.steps[0].open = { preset: '' }),
    (d) => (d.steps[0].open = { preset: 'nope' }),
    (d) => (d.steps[0].open = { whatIf: 'nope' }),
    (d) => (d.steps[0].open = { scenario: 'x' }),
    (d) => (d.steps[0].open = { scenario: { ...otherScenario, format: 'x' } }),
    (d) => (d.steps[0].open = { scenario: { ...otherScenario, version: 99 } }),
    (d) => (d.steps[0].open = { scenario: otherScenario }),
    (d) => delete d.steps[0].question,
    (d) => (d.steps[0].prediction = { kind: 'guess' }),
    (d) => (d.steps[0].prediction = { kind: 'choice', options: [en('a')] }),
    (d) => (d.steps[0].prediction = { kind: 'choice', options: [en('a'), en('b')], answer: 0 }),
    (d) => (d.steps[0].prediction = { kind: 'number', unit: en('%'), step: 1 }),
    (d) => (d.steps[0].prediction = { kind: 'number', min: 5, max: 5 }),
    (d) => (d.steps[0].prediction = { kind: 'number', min: 'low' }),
    (d) => (d.steps[0].prediction = { kind: 'text', options: [] }),
    (d) => (d.steps[0].outcome = 'share'),
    (d) => (d.steps[0].outcome = { reporter: 'share.v0', label: en('x'), day: 1 }),
    (d) => (d.steps[0].outcome = { reporter: 'share.v0', label: en('x'), run: 'both' }),
    (d) => (d.steps[0].outcome = { reporter: 'share.v0', label: en('x'), run: 'fork' }),
    (d) => (d.steps[0].outcome = { reporter: 'share.v99', label: en('x') }),
    (d) => (d.steps[0].highlight = 'Cirrus'),
    (d) => (d.steps[0].highlight = {}),
    (d) => (d.steps[0].highlight = { colour: 'red' }),
    (d) => (d.steps[0].highlight = { vendor: ' ' }),
    (d) => (d.steps[0].highlight = { agent: -1 }),
    (d) => (d.steps[0].highlight = { plot: 'nope' }),
  ];
  const kMeans = readyLesson('how-k-means-finds-clusters');
  kMeans.steps[0].open = { whatIf: 'cirrus-ends-price-war' };
  const documents = [
    [],
    kMeans,
    ...edits.map((edit) => {
      const d = readyLesson('who-pays-for-a-price-war');
      edit(d);
      return d;
    }),
  ];
  return documents.flatMap((doc) => {
    const r = parseLesson(doc, LESSON_CONTEXT);
    return r.ok ? [] : r.errors.map((e) => e.message);
  });
}

/** Bad documents of every kind, and the English problems core gives for them. */
function problems(): string[] {
  const scenarios = [
    'x',
    { ...scenario, format: 'other' },
    { ...scenario, extra: 1 },
    { ...scenario, model: 'nope' },
    { ...scenario, seed: -1 },
    { ...scenario, modelVersion: 1.5 },
    { ...scenario, params: { customers: 0 } },
    { ...scenario, params: { customers: 'many' } },
    { ...scenario, params: { customers: [] } },
    { ...scenario, params: { nonsense: 1 } },
    { ...scenario, params: [] },
    { ...scenario, plots: 'all' },
    { ...scenario, changes: [{ tick: -1, param: 'x', value: 1 }] },
    { ...scenario, changes: [{ tick: 1, param: 'choiceNoise', value: 1, other: 2 }] },
    { ...scenario, name: 'a\u202Eb' },
  ];
  const experiments = [
    { ...experiment, repetitions: 0 },
    { ...experiment, extra: true },
    { ...experiment, vary: [{ param: 'choiceNoise', range: { from: 1, to: 0, step: 0.1 } }] },
    { ...experiment, vary: [{ param: 'choiceNoise' }] },
    { ...experiment, vary: [{ param: 'nope', values: [1] }] },
    { ...experiment, vary: [{ param: 'vendors', values: [1] }] },
    { ...experiment, vary: [{ param: 'choiceNoise', values: [0.3, 0.3] }] },
    { ...experiment, vary: [{ param: 'choiceNoise', values: [] }] },
    { ...experiment, stop: { reporter: 'hhi' } },
    { ...experiment, record: { every: -1 } },
    { ...expectation, hypothesis: { ...h, effect: { kind: 'other' } } },
    { ...expectation, hypothesis: { ...h, ablations: ['customers'] } },
    { ...expectation, hypothesis: { ...h, effect: { ...h.effect, param: 'choiceNoise' } } },
    { ...expectation, hypothesis: { ...h, statement: '' } },
    { ...expectation, hypothesis: { ...h, arms: { aggressive: '' } } },
    { ...expectation, hypothesis: { ...h, readings: 'none' } },
    { ...experiment, version: 999 },
  ];
  return [
    ...scenarios.flatMap((s) => {
      const r = parseScenario(s, findModel);
      return r.ok ? [] : r.errors.map((e) => e.message);
    }),
    ...experiments.flatMap((e) => {
      const r = parseExperiment(e, findModel);
      return r.ok ? [] : r.errors;
    }),
    ...[{ format: 'agora-comparison', version: 1 }, 'x'].flatMap((c) => {
      const r = parseComparison(c, findModel);
      return r.ok ? [] : r.errors.map((e) => e.message);
    }),
    ...['{"a":1,"a":2}', '{"a":', '\u0000\u0001', '['.repeat(100)].flatMap((text) => {
      const r = parseJsonText(text);
      return r.ok ? [] : [r.message];
    }),
    ...lessonProblems(),
  ];
}

describe('problems in Chinese', () => {
  const english = problems();

  it('gathers a problem from each bad document', () => {
    expect(english.length).toBeGreaterThanOrEqual(35);
  });

  it('gathers every problem a lesson document can have', () => {
    // A message core adds to lessons needs a case here (and a template): the count then grows.
    expect(new Set(lessonProblems()).size).toBeGreaterThanOrEqual(52);
  });

  it('says every problem core gives in Chinese, its field as written', () => {
    setLocale('zh-CN');
    for (const message of english) {
      const zh = problemText(message);
      expect(zh, message).toMatch(/[\u4e00-\u9fff]/);
      // What remains in Latin letters is a field, a name, an id, a quoted value or a JSON shape, never English prose.
      expect(zh.replace(/"[^"]*"/g, '""').replace(/\b\w+(-\w+)+\b/g, 'id'), message).not.toMatch(
        /\b(must|needs|unknown|is|not|got|cannot|a|an|the|of|or|in|object|list|text|number)\b/,
      );
      const field = /^(\S+): /.exec(message)?.[1];
      if (field) expect(zh.startsWith(`${field}: `), message).toBe(true);
    }
  });

  it('keeps the values a problem quotes', () => {
    setLocale('zh-CN');
    expect(problemText('scenario.params.customers: must be an integer from 10 to 100000, got "many"')).toBe(
      'scenario.params.customers: 必须是 10 到 100000 之间的整数，实际是 "many"',
    );
    expect(problemText('scenario.params.customers: must be an integer from 10 to 100000, got a list')).toBe(
      'scenario.params.customers: 必须是 10 到 100000 之间的整数，实际是 列表',
    );
    expect(problemText('steps[0].open.preset: unknown preset "nope" of k-means (known: default, blobs)')).toBe(
      'steps[0].open.preset: k-means 没有预设 "nope"（已有：default, blobs）',
    );
    // A lesson's scenario gives its problem with a field of its own: both fields are kept.
    expect(problemText('steps[1].open.scenario: params.seed: must be a positive integer')).toBe(
      'steps[1].open.scenario: params.seed: 必须是正整数',
    );
    expect(problemText('vary[0].range: needs from ≤ to and step > 0')).toBe(
      'vary[0].range: 需要 from ≤ to 且 step > 0',
    );
  });

  it('says a sandbox control’s problem in Chinese: a list’s with its field, a table cell’s without', () => {
    const vendors = findModel('cloud-market')!.params.vendors;
    if (vendors.kind !== 'table') throw new Error('vendors is a table');
    const cell = validateValue(vendors.columns.initialShare, 2, 'Cirrus 初始份额');
    expect(cell.ok).toBe(false);
    setLocale('zh-CN');
    // TableEditor shows the message after the cell's label.
    if (!cell.ok) expect(problemText(cell.errors[0].message.slice('Cirrus 初始份额: '.length))).toMatch(/^必须是/);
  });

  it('says each problem of a line joining several', () => {
    setLocale('zh-CN');
    expect(problemText('seed: must be a positive integer; horizon: must be a positive integer (ticks)')).toBe(
      'seed: 必须是正整数; horizon: 必须是正整数（时间步）',
    );
    // A single problem with "; " in it is not cut in two.
    expect(problemText('the experiment asks for 2000000 runs; at most 1,000,000')).toBe(
      '该实验需要 2000000 次运行；最多 1,000,000 次',
    );
  });

  it('says a damaged or foreign link in Chinese', async () => {
    setLocale('zh-CN');
    const link = await encodeScenarioLink(scenario);
    const damaged = await decodeScenarioLink(link.slice(0, -3) + 'xyz');
    expect(damaged.ok).toBe(false);
    if (!damaged.ok) expect(problemText(damaged.error.message)).toMatch(/^链接已损坏/);
    const notALink = await decodeScenarioLink('#intro');
    if (!notALink.ok) expect(problemText(notALink.error.message)).toBe('这不是情景链接（其中没有 "#s=" 部分）。');
    const newer = migrateScenario({ ...scenario, version: 99 });
    if (!newer.ok) expect(problemText(newer.message)).toMatch(/^这个情景由更新版本的 Agora 生成（格式版本 99/);
  });

  it('leaves the English as core wrote it in English, and a message no template knows as it came', () => {
    for (const message of english) expect(problemText(message)).toBe(message);
    setLocale('zh-CN');
    expect(problemText('something only a model says')).toBe('something only a model says');
  });
});

describe('a scenario of another model version', () => {
  it('is warned about in Chinese, its versions carried over', () => {
    const migrated = migrateScenario({ ...scenario, version: 2, modelVersion: 2 });
    const parsed = parseScenario(migrated.ok ? migrated.document : null, findModel);
    if (!parsed.ok) throw new Error(parsed.errors[0].message);
    const [warning] = parsed.value.warnings;
    setLocale('zh-CN');
    expect(problemText(warning)).toBe('这个情景是用 cloud-market 第 2 版做的；现在是第 3 版，所以它的数值可能不同。');
  });
});
