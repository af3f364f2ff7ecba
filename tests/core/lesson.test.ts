import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isLessonDocument, localText, parseLesson, untranslated, type LessonContext } from '../../src/core/lesson';
import { findModel } from '../../src/models/registry';

const fixture = () =>
  JSON.parse(readFileSync('tests/fixtures/lessons/first-look-at-the-market.json', 'utf8')) as Record<string, unknown>;

const context: LessonContext = {
  findModel,
  whatIfs: new Map([
    ['cirrus-ends-price-war', { model: 'cloud-market', params: {} }],
    ['centroids-what-if', { model: 'k-means' }],
  ]),
};

/** The fixture with `edit` applied to a deep copy. */
function edited(edit: (doc: { steps: Record<string, unknown>[] } & Record<string, unknown>) => void): unknown {
  const doc = fixture() as { steps: Record<string, unknown>[] } & Record<string, unknown>;
  edit(doc);
  return doc;
}

const en = (text: string) => ({ en: text });

describe('parseLesson', () => {
  it('accepts the fixture, with every text in both languages', () => {
    const parsed = parseLesson(fixture(), context);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.model.id).toBe('cloud-market');
    expect(parsed.value.steps).toHaveLength(4);
    expect(untranslated(parsed.value, 'zh-CN')).toEqual([]);
  });

  it('accepts each kind of open: a preset, a ready what-if, a full scenario', () => {
    const scenario = { format: 'agora-scenario', version: 2, model: 'cloud-market', modelVersion: 2, seed: 3 };
    const parsed = parseLesson(
      edited((d) => {
        d.steps[1].open = { whatIf: 'cirrus-ends-price-war' };
        d.steps[2].open = { scenario };
      }),
      context,
    );
    expect(parsed.ok, !parsed.ok ? parsed.errors[0].message : '').toBe(true);
  });

  it.each<[string, (d: { steps: Record<string, unknown>[] } & Record<string, unknown>) => void, string]>([
    ['not an object', () => {}, 'lesson: must be a JSON object'],
    ['another format', (d) => (d.format = 'agora-scenario'), 'format: must be "agora-lesson"'],
    ['a newer version', (d) => (d.version = 2), 'version: is 2, made by a newer Agora'],
    ['an id not in kebab-case', (d) => (d.id = 'Price War'), 'id: must be a kebab-case id'],
    ['no model', (d) => delete d.model, 'model: must be a model id'],
    ['an unknown model', (d) => (d.model = 'stock-market'), 'model: unknown model "stock-market"'],
    ['no title', (d) => delete d.title, 'title: must be a text in each language'],
    ['a title without English', (d) => (d.title = { 'zh-CN': '价格战' }), 'title.en: must be a one-line text'],
    ['a text in an unknown language', (d) => (d.title = { en: 'x', fr: 'y' }), 'title.fr: unknown language'],
    ['a title over two lines', (d) => (d.title = en('a\nb')), 'title.en: must not contain control'],
    ['a control character', (d) => (d.steps[0].text = en('a\u202Eb')), 'steps[0].text.en: must not contain'],
    ['an unknown key', (d) => (d.author = 'me'), 'author: unknown key in lesson'],
    ['no steps', (d) => (d.steps = []), 'steps: must hold 1 to 30 steps'],
    ['31 steps', (d) => (d.steps = Array(31).fill(d.steps[0])), 'steps: must hold 1 to 30 steps'],
    ['a step without text', (d) => delete d.steps[0].text, 'steps[0].text: must be a text in each language'],
    ['an unknown key in a step', (d) => (d.steps[0].answer = 1), 'steps[0].answer: unknown key in a step'],
    [
      'open with two things',
      (d) => (d.steps[0].open = { preset: 'default', whatIf: 'x' }),
      'steps[0].open: needs exactly one',
    ],
    ['open with nothing', (d) => (d.steps[0].open = {}), 'steps[0].open: needs exactly one'],
    ['an unknown preset', (d) => (d.steps[0].open = { preset: 'nope' }), 'steps[0].open.preset: unknown preset "nope"'],
    ['an unknown what-if', (d) => (d.steps[0].open = { whatIf: 'nope' }), 'steps[0].open.whatIf: unknown what-if'],
    [
      'a what-if of another model',
      (d) => (d.steps[0].open = { whatIf: 'centroids-what-if' }),
      'is a what-if of k-means',
    ],
    [
      'a bad scenario',
      (d) => (d.steps[0].open = { scenario: { format: 'x' } }),
      'steps[0].open.scenario: format: must be "agora-scenario"',
    ],
    [
      'a scenario of another model',
      (d) =>
        (d.steps[0].open = {
          scenario: { format: 'agora-scenario', version: 2, model: 'k-means', modelVersion: 1, seed: 1 },
        }),
      'steps[0].open.scenario: is a scenario of k-means',
    ],
    ['runTo 0', (d) => (d.steps[1].runTo = 0), 'steps[1].runTo: must be a whole day from 1 to 36500'],
    ['runTo past a century', (d) => (d.steps[1].runTo = 36_501), 'steps[1].runTo: must be a whole day'],
    ['a fractional runTo', (d) => (d.steps[1].runTo = 1.5), 'steps[1].runTo: must be a whole day'],
    ['a prediction without a question', (d) => delete d.steps[1].question, 'steps[1].prediction: needs a question'],
    [
      'an unknown prediction kind',
      (d) => (d.steps[1].prediction = { kind: 'guess' }),
      'steps[1].prediction: must be { "kind"',
    ],
    [
      'a choice of one',
      (d) => (d.steps[1].prediction = { kind: 'choice', options: [en('a')] }),
      'steps[1].prediction.options: must be a list of 2 to 6',
    ],
    [
      'a choice of seven',
      (d) => (d.steps[1].prediction = { kind: 'choice', options: Array(7).fill(en('a')) }),
      'steps[1].prediction.options: must be a list of 2 to 6',
    ],
    [
      'a number with min = max',
      (d) => (d.steps[2].prediction = { kind: 'number', min: 5, max: 5 }),
      'steps[2].prediction: needs min < max',
    ],
    [
      'a text prediction with options',
      (d) => (d.steps[3].prediction = { kind: 'text', options: [] }),
      'steps[3].prediction.options: unknown key',
    ],
    [
      'an unknown reporter',
      (d) => (d.steps[1].outcome = { reporter: 'share.v9', label: en('x') }),
      'steps[1].outcome.reporter: unknown reporter "share.v9"',
    ],
    [
      'an outcome without a label',
      (d) => (d.steps[1].outcome = { reporter: 'share.v0' }),
      'steps[1].outcome.label: must be a text',
    ],
    [
      'an outcome of an unknown run',
      (d) => (d.steps[1].outcome = { reporter: 'share.v0', label: en('x'), run: 'both' }),
      'steps[1].outcome.run: must be "base" or "fork"',
    ],
    [
      'an outcome run in a step not reached with a what-if',
      (d) => (d.steps[1].outcome = { reporter: 'share.v0', label: en('x'), run: 'fork' }),
      'steps[1].outcome.run: only a step reached with a what-if has a base and a fork run',
    ],
    [
      'an outcome run after a later preset',
      (d) => {
        d.steps[1].open = { whatIf: 'cirrus-ends-price-war' };
        d.steps[2].open = { preset: 'default' };
        d.steps[2].outcome = { reporter: 'share.v0', label: en('x'), run: 'base' };
      },
      'steps[2].outcome.run: only a step reached with a what-if',
    ],
    [
      'an unknown plot',
      (d) => (d.steps[1].highlight = { plot: 'nope' }),
      'steps[1].highlight.plot: unknown plot "nope"',
    ],
    [
      'an empty highlight',
      (d) => (d.steps[1].highlight = {}),
      'steps[1].highlight: needs a vendor, a plot or an agent',
    ],
    [
      'a negative agent',
      (d) => (d.steps[3].highlight = { agent: -1 }),
      'steps[3].highlight.agent: must be an agent id',
    ],
    ['a blank reveal', (d) => (d.steps[1].reveal = en('  ')), 'steps[1].reveal.en: must be a text'],
  ])('refuses %s, naming the field', (_, edit, message) => {
    const input = _ === 'not an object' ? [] : edited(edit);
    const parsed = parseLesson(input, context);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map((e) => e.message).join('\n')).toContain(message);
  });

  it('accepts an outcome read from the base or the fork of the what-if a step is reached with', () => {
    const parsed = parseLesson(
      edited((d) => {
        d.steps[1].open = { whatIf: 'cirrus-ends-price-war' };
        d.steps[1].outcome = { reporter: 'share.v2', label: en('Cirrus'), run: 'fork' };
        d.steps[2].outcome = { reporter: 'share.v2', label: en('Cirrus'), run: 'base' };
      }),
      context,
    );
    expect(parsed.ok, !parsed.ok ? parsed.errors[0].message : '').toBe(true);
    if (parsed.ok)
      expect(parsed.value.steps.map((s) => s.outcome?.run)).toEqual([undefined, 'fork', 'base', undefined]);
  });

  it('checks what-ifs only where the ready what-ifs are known', () => {
    const doc = edited((d) => (d.steps[0].open = { whatIf: 'anything' }));
    expect(parseLesson(doc, { findModel }).ok).toBe(true);
  });

  it('knows the reporters of the scenarios a lesson opens (a market with a sixth vendor)', () => {
    const model = findModel('cloud-market')!;
    const vendors = structuredClone(model.params.vendors.default) as unknown as {
      nextId: number;
      rows: Record<string, unknown>[];
    };
    vendors.rows.push({ ...vendors.rows[0], id: 9, name: 'Zeta' });
    vendors.nextId = 10;
    const scenario = {
      format: 'agora-scenario',
      version: 2,
      model: 'cloud-market',
      modelVersion: 2,
      seed: 1,
      params: { vendors },
    };
    const withSixth = edited((d) => {
      d.steps[0].open = { scenario };
      d.steps[1].outcome = { reporter: 'share.v9', label: en('Zeta') };
    });
    expect(parseLesson(withSixth, context).ok).toBe(true);
  });
});

describe('untranslated', () => {
  it('names each text without zh-CN, and never the scenario a step opens', () => {
    const parsed = parseLesson(
      edited((d) => {
        d.title = en('Only English');
        (d.steps[1].prediction as { options: unknown[] }).options[1] = en('Cirrus');
      }),
      context,
    );
    if (!parsed.ok) throw new Error(parsed.errors[0].message);
    expect(untranslated(parsed.value, 'zh-CN')).toEqual(['title', 'steps[1].prediction.options[1]']);
  });
});

describe('localText', () => {
  it('gives the text in the locale, falling back to English', () => {
    expect(localText({ en: 'Step', 'zh-CN': '步骤' }, 'zh-CN')).toBe('步骤');
    expect(localText({ en: 'Step', 'zh-CN': '步骤' }, 'en')).toBe('Step');
    expect(localText({ en: 'Step' }, 'zh-CN')).toBe('Step');
  });
});

describe('isLessonDocument', () => {
  it('tells a lesson from other documents', () => {
    expect(isLessonDocument(fixture())).toBe(true);
    expect(isLessonDocument({ format: 'agora-scenario' })).toBe(false);
    expect(isLessonDocument(null)).toBe(false);
  });
});
