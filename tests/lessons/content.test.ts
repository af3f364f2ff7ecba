/**
 * The ready lessons' content, checked against the models they teach: what a lesson validator
 * that does not know the registries cannot check. Every id a lesson names (preset, what-if,
 * reporter, plot, vendor) must exist, and every text must be in English and Simplified Chinese.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultParams, type ParamValues } from '../../src/core/params';
import { reportersFor, type Model } from '../../src/core/model';
import { findModel } from '../../src/models/registry';

const TOP_KEYS = ['format', 'version', 'id', 'model', 'title', 'summary', 'teacherNotes', 'steps'];
const STEP_KEYS = ['title', 'text', 'open', 'runTo', 'question', 'prediction', 'outcome', 'highlight', 'reveal'];
const WHAT_IFS = readdirSync('whatifs')
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length));
const LESSON_FILES = readdirSync('lessons').filter((f) => f.endsWith('.json'));

type Json = Record<string, unknown>;

/** Each preset's full parameters: the reporters a run of the model can have (a market's follow its vendors). */
function presetParams(model: Model): ParamValues<Model['params']>[] {
  const defaults = defaultParams(model.params);
  return (model.presets ?? []).map((p) => ({ ...defaults, ...p.params }) as ParamValues<Model['params']>);
}

function reporterNames(model: Model): Set<string> {
  return new Set(presetParams(model).flatMap((params) => reportersFor(model, params).map((r) => r.name)));
}

function vendorNames(model: Model): Set<string> {
  const names = presetParams(model).flatMap((params) => {
    const vendors = (params as { vendors?: { rows: { name: unknown }[] } }).vendors;
    return vendors ? vendors.rows.map((row) => String(row.name)) : [];
  });
  return new Set(names);
}

/** Paths of every LocalText ({ en, … }) that lacks a non-empty en or zh-CN, or carries another key. */
function untranslated(value: unknown, path: string): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => untranslated(v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  const o = value as Json;
  if ('en' in o) {
    const ok = ['en', 'zh-CN'].every((k) => typeof o[k] === 'string' && (o[k] as string).trim() !== '');
    return ok && Object.keys(o).length === 2 ? [] : [path];
  }
  return Object.entries(o).flatMap(([k, v]) => untranslated(v, `${path}.${k}`));
}

function isLocalText(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'en' in value;
}

describe('ready lessons', () => {
  it('include four for the cloud market and one for each classic model', () => {
    const models = LESSON_FILES.map((f) => (JSON.parse(readFileSync(`lessons/${f}`, 'utf8')) as Json).model);
    expect(models.filter((m) => m === 'cloud-market').length).toBeGreaterThanOrEqual(4);
    for (const id of ['k-means', 'segregation', 'flocking']) expect(models).toContain(id);
  });

  describe.each(LESSON_FILES)('%s', (file) => {
    const lesson = JSON.parse(readFileSync(`lessons/${file}`, 'utf8')) as Json;
    const model = findModel(String(lesson.model));
    const steps = (lesson.steps ?? []) as Json[];

    it('has the agreed shape, its id is its file name, and its model exists', () => {
      expect(Object.keys(lesson).sort()).toEqual([...TOP_KEYS].sort());
      expect(lesson.format).toBe('agora-lesson');
      expect(lesson.version).toBe(1);
      expect(`${String(lesson.id)}.json`).toBe(file);
      expect(model, `model ${String(lesson.model)}`).toBeDefined();
      expect(steps.length).toBeGreaterThanOrEqual(4);
      expect(steps.length).toBeLessThanOrEqual(7);
      for (const [i, step] of steps.entries()) {
        expect(STEP_KEYS, `steps[${i}]: ${Object.keys(step).join(', ')}`).toEqual(
          expect.arrayContaining(Object.keys(step)),
        );
        expect(isLocalText(step.title) && isLocalText(step.text), `steps[${i}]: title and text`).toBe(true);
      }
      for (const key of ['title', 'summary', 'teacherNotes']) expect(isLocalText(lesson[key]), key).toBe(true);
    });

    it('says every text in English and Simplified Chinese', () => {
      expect(untranslated(lesson, file)).toEqual([]);
    });

    it('names only presets, what-ifs, reporters, plots and vendors that exist', () => {
      if (!model) return;
      const reporters = reporterNames(model);
      const plots = new Set(model.plots.map((p) => p.id));
      const presets = new Set((model.presets ?? []).map((p) => p.id));
      const vendors = vendorNames(model);
      for (const [i, step] of steps.entries()) {
        const open = step.open as Json | undefined;
        const outcome = step.outcome as Json | undefined;
        const highlight = (step.highlight ?? {}) as Json;
        const at = `steps[${i}]`;
        if (open?.preset !== undefined) expect(presets, `${at}.open.preset`).toContain(open.preset);
        if (open?.whatIf !== undefined) {
          expect(WHAT_IFS, `${at}.open.whatIf`).toContain(open.whatIf);
          const whatIf = JSON.parse(readFileSync(`whatifs/${String(open.whatIf)}.json`, 'utf8')) as Json;
          expect((whatIf.base as Json).model, `${at}.open.whatIf's model`).toBe(lesson.model);
        }
        if (outcome) expect(reporters, `${at}.outcome.reporter`).toContain(outcome.reporter);
        if (highlight.plot !== undefined) expect(plots, `${at}.highlight.plot`).toContain(highlight.plot);
        if (highlight.vendor !== undefined) expect(vendors, `${at}.highlight.vendor`).toContain(highlight.vendor);
        if (step.prediction) expect(step.question, `${at}.prediction needs a question`).toBeDefined();
      }
    });
  });
});
