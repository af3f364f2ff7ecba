/**
 * The ready lessons as a set, and what the lesson validator leaves to the content: the validator
 * (tests/ui/readyLessons.test.ts) checks each lesson's shape, translations and the presets,
 * what-ifs, reporters and plots it names; vendor names depend on the scenario a step opens, so
 * here a highlighted vendor must be one of the model's presets' vendors.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultParams, type ParamValues } from '../../src/core/params';
import type { Model } from '../../src/core/model';
import { findModel } from '../../src/models/registry';

interface LessonContent {
  readonly model: string;
  readonly steps: readonly { readonly highlight?: { readonly vendor?: string } }[];
}

const LESSONS = readdirSync('lessons')
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f, JSON.parse(readFileSync(`lessons/${f}`, 'utf8')) as LessonContent] as const);

/** The vendors of the model's default and preset scenarios. */
function vendorNames(model: Model): Set<string> {
  const defaults = defaultParams(model.params);
  const names = [defaults, ...(model.presets ?? []).map((p) => ({ ...defaults, ...p.params }))].flatMap((params) => {
    const vendors = (params as ParamValues<Model['params']> & { vendors?: { rows: { name: unknown }[] } }).vendors;
    return vendors ? vendors.rows.map((row) => String(row.name)) : [];
  });
  return new Set(names);
}

describe('ready lessons', () => {
  it('include four for the cloud market and one for each classic model', () => {
    const models = LESSONS.map(([, lesson]) => lesson.model);
    expect(models.filter((m) => m === 'cloud-market').length).toBeGreaterThanOrEqual(4);
    for (const id of ['k-means', 'segregation', 'flocking']) expect(models).toContain(id);
  });

  it.each(LESSONS)('%s highlights only vendors its model has', (_, lesson) => {
    const vendors = vendorNames(findModel(lesson.model)!);
    for (const [i, step] of lesson.steps.entries())
      if (step.highlight?.vendor !== undefined) expect(vendors, `steps[${i}]`).toContain(step.highlight.vendor);
  });
});
