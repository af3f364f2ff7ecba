/**
 * The lesson document (`agora-lesson`, see docs in lessons/ and the agreed shape): a title,
 * teacher notes and steps that may open a preset, a ready what-if or a scenario, run to a day,
 * ask for a prediction before the run and reveal the outcome after. Every human text is a
 * LocalText, `{ en, zh-CN }`. `parseLesson` is the single gate from untrusted input to a lesson:
 * the envelope first (valibot), then the references into the model (presets, reporters, plots,
 * what-ifs), each problem a message naming its field, e.g. `steps[2].prediction: needs a question`.
 */
import * as v from 'valibot';
import { count, documentHeader, documentObject, finite, isPlainObject, parseDocument, text } from './documentSchema';
import { reportersFor, type Model } from './model';
import { defaultParams, validateParams, type ParamSchema, type ParamValues } from './params';
import { parseScenario } from './scenario';
import { migrateScenario } from './scenarioMigrations';
import { displayText, hasUnsafeCharacters, UNSAFE_TEXT } from './safeText';

const LESSON_FORMAT = 'agora-lesson';
const LESSON_VERSION = 1;
const MAX_STEPS = 30;
/** The latest day a step may run to: a hundred years of days. */
const MAX_RUN_TO = 36_500;

/** The languages a LocalText carries; `en` is required, the others fall back to it. */
type Language = 'en' | 'zh-CN';
export type LocalText = { readonly en: string } & Partial<Readonly<Record<Exclude<Language, 'en'>, string>>>;

const LESSON_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_LINE = 300;
const MAX_MARKDOWN = 20_000;

/** A Markdown text: like `text`, but line feeds and tabs are part of it. */
const markdown = (message: string) =>
  v.pipe(
    v.string(message),
    v.check((s) => s.trim() !== '', message),
    v.maxLength(MAX_MARKDOWN, message),
    v.check((s) => !hasUnsafeCharacters(s, true), UNSAFE_TEXT),
  );

const localTextSchema = (multiline: boolean) => {
  const message = multiline
    ? `must be a text of at most ${MAX_MARKDOWN} characters (Markdown)`
    : `must be a one-line text of at most ${MAX_LINE} characters`;
  const one = multiline ? markdown(message) : text(message, MAX_LINE);
  return documentObject(
    { en: one, 'zh-CN': v.optional(one) },
    'a text in each language, { "en": "…", "zh-CN": "…" }',
    'unknown language (en, zh-CN)',
  );
};
const LINE = localTextSchema(false);
const MARKDOWN = localTextSchema(true);

const IDENTIFIER = 'must be an id (a short text)';
const identifier = v.pipe(v.string(IDENTIFIER), v.minLength(1, IDENTIFIER), v.maxLength(100, IDENTIFIER));

const OpenSchema = v.pipe(
  documentObject(
    {
      preset: v.optional(identifier),
      whatIf: v.optional(identifier),
      scenario: v.optional(v.custom<Record<string, unknown>>(isPlainObject, 'must be an agora-scenario document')),
    },
    '{ "preset" | "whatIf" | "scenario": … }',
    'unknown key in open (preset, whatIf, scenario)',
  ),
  v.check((o) => Object.keys(o).length === 1, 'needs exactly one of preset, whatIf or scenario'),
);

/** The runs of a what-if a step's outcome may be read from. */
const OUTCOME_RUNS = ['base', 'fork'] as const;

const OPTIONS = 'must be a list of 2 to 6 options';
const PREDICTIONS: Record<string, v.GenericSchema> = {
  choice: documentObject(
    {
      kind: v.literal('choice'),
      options: v.pipe(v.array(LINE, OPTIONS), v.minLength(2, OPTIONS), v.maxLength(6, OPTIONS)),
    },
    'a prediction',
    'unknown key in a choice prediction (kind, options)',
  ),
  number: v.pipe(
    documentObject(
      { kind: v.literal('number'), unit: v.optional(LINE), min: v.optional(finite()), max: v.optional(finite()) },
      'a prediction',
      'unknown key in a number prediction (kind, unit, min, max)',
    ),
    v.check((p) => p.min === undefined || p.max === undefined || p.min < p.max, 'needs min < max'),
  ),
  text: documentObject({ kind: v.literal('text') }, 'a prediction', 'unknown key in a text prediction (kind)'),
};

type Prediction =
  | { readonly kind: 'choice'; readonly options: readonly LocalText[] }
  | { readonly kind: 'number'; readonly unit?: LocalText; readonly min?: number; readonly max?: number }
  | { readonly kind: 'text' };

const PredictionSchema = v.lazy(
  (input) =>
    (isPlainObject(input) && typeof input.kind === 'string' && Object.hasOwn(PREDICTIONS, input.kind)
      ? PREDICTIONS[input.kind]
      : v.custom(() => false, 'must be { "kind": "choice" | "number" | "text", … }')) as v.GenericSchema<
      unknown,
      Prediction
    >,
);

const StepSchema = v.pipe(
  documentObject(
    {
      title: LINE,
      text: MARKDOWN,
      open: v.optional(OpenSchema),
      runTo: v.optional(count(1, MAX_RUN_TO, `must be a whole day from 1 to ${MAX_RUN_TO}`)),
      question: v.optional(LINE),
      prediction: v.optional(PredictionSchema),
      outcome: v.optional(
        documentObject(
          {
            reporter: identifier,
            label: LINE,
            // In a what-if, the run whose value the step asks about; omitted there, both are shown.
            run: v.optional(v.picklist(OUTCOME_RUNS, 'must be "base" or "fork"')),
          },
          '{ "reporter": "…", "label": { … }, "run"?: "base" | "fork" }',
          'unknown key in outcome (reporter, label, run)',
        ),
      ),
      highlight: v.optional(
        v.pipe(
          documentObject(
            {
              vendor: v.optional(text('must be a vendor name', 100)),
              plot: v.optional(identifier),
              agent: v.optional(count(0, 1e9, 'must be an agent id (a whole number from 0)')),
            },
            '{ "vendor"?, "plot"?, "agent"? }',
            'unknown key in highlight (vendor, plot, agent)',
          ),
          v.check((h) => Object.keys(h).length > 0, 'needs a vendor, a plot or an agent'),
        ),
      ),
      reveal: v.optional(MARKDOWN),
    },
    'a step',
    'unknown key in a step',
  ),
  v.forward(
    v.check((s) => s.prediction === undefined || s.question !== undefined, 'needs a question'),
    ['prediction'],
  ),
);

const LessonSchema = documentObject(
  {
    ...documentHeader(LESSON_FORMAT, LESSON_VERSION),
    id: v.pipe(
      v.string('must be a kebab-case id'),
      v.maxLength(80, 'must be a kebab-case id of at most 80 characters'),
      v.regex(LESSON_ID, 'must be a kebab-case id, e.g. who-pays-for-a-price-war'),
    ),
    model: v.string('must be a model id'),
    title: LINE,
    summary: v.optional(LINE),
    teacherNotes: v.optional(MARKDOWN),
    steps: v.pipe(
      v.array(StepSchema, 'must be a list of steps'),
      v.minLength(1, `must hold 1 to ${MAX_STEPS} steps`),
      v.maxLength(MAX_STEPS, `must hold 1 to ${MAX_STEPS} steps`),
    ),
  },
  'a JSON object',
  'unknown key in lesson',
);

export type Lesson = v.InferOutput<typeof LessonSchema>;
export type LessonStep = Lesson['steps'][number];

/** A ready what-if as a lesson may open it: its model, and its base's parameters (for the reporters they make). */
interface WhatIfRef {
  readonly model: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

export interface LessonContext {
  readonly findModel: (id: string) => Model | undefined;
  /** The ready what-ifs by id (file name without .json); omitted: `open.whatIf` is not checked. */
  readonly whatIfs?: ReadonlyMap<string, WhatIfRef>;
}

type Problem = { readonly field: string; readonly message: string };
export type LessonResult = { ok: true; value: Lesson; model: Model } | { ok: false; errors: Problem[] };

const quoted = (s: string) => `"${displayText(s, { max: 60 })}"`;
const listed = (ids: readonly string[]) => ids.map((id) => displayText(id, { max: 60 })).join(', ') || 'none';

/**
 * The reporter names a lesson's run may have: those of the model's defaults, its presets and the
 * scenarios and what-ifs the lesson opens (a market's reporters follow its vendors table).
 */
function knownReporters(model: Model, lesson: Lesson, context: LessonContext): Set<string> {
  const paramSets: Readonly<Record<string, unknown>>[] = [{}];
  for (const preset of model.presets ?? []) paramSets.push(preset.params);
  for (const step of lesson.steps) {
    if (step.open?.scenario && isPlainObject(step.open.scenario.params)) paramSets.push(step.open.scenario.params);
    const whatIf = step.open?.whatIf ? context.whatIfs?.get(step.open.whatIf) : undefined;
    if (whatIf?.params) paramSets.push(whatIf.params);
  }
  const names = new Set<string>();
  for (const params of paramSets) {
    const checked = validateParams(model.params, params);
    const values: ParamValues<ParamSchema> = checked.ok ? checked.value : defaultParams(model.params);
    for (const r of reportersFor(model, values)) names.add(r.name);
  }
  return names;
}

function checkOpen(step: LessonStep, at: string, model: Model, context: LessonContext): Problem | null {
  const open = step.open;
  if (open?.preset !== undefined) {
    const ids = (model.presets ?? []).map((p) => p.id);
    if (!ids.includes(open.preset))
      return {
        field: `${at}.open.preset`,
        message: `unknown preset ${quoted(open.preset)} of ${model.id} (known: ${listed(ids)})`,
      };
  }
  if (open?.whatIf !== undefined && context.whatIfs) {
    const whatIf = context.whatIfs.get(open.whatIf);
    if (!whatIf)
      return {
        field: `${at}.open.whatIf`,
        message: `unknown what-if ${quoted(open.whatIf)} (known: ${listed([...context.whatIfs.keys()])})`,
      };
    if (whatIf.model !== model.id)
      return { field: `${at}.open.whatIf`, message: `is a what-if of ${whatIf.model}, not of ${model.id}` };
  }
  if (open?.scenario !== undefined) {
    const migrated = migrateScenario(open.scenario);
    if (!migrated.ok) return { field: `${at}.open.scenario`, message: migrated.message };
    const parsed = parseScenario(migrated.document, context.findModel);
    if (!parsed.ok) return { field: `${at}.open.scenario`, message: parsed.errors[0].message };
    if (parsed.value.model.id !== model.id)
      return { field: `${at}.open.scenario`, message: `is a scenario of ${parsed.value.model.id}, not of ${model.id}` };
  }
  return null;
}

/** Whether step `index` is reached with a what-if: the latest step up to it that opens something opens one. */
function reachedWithWhatIf(lesson: Lesson, index: number): boolean {
  for (let i = index; i >= 0; i--) {
    const open = lesson.steps[i].open;
    if (open) return open.whatIf !== undefined;
  }
  return false;
}

/** The references of a lesson into its model and the ready what-ifs. */
function checkReferences(lesson: Lesson, context: LessonContext): LessonResult {
  const model = context.findModel(lesson.model);
  if (!model)
    return { ok: false, errors: [{ field: 'model', message: `model: unknown model ${quoted(lesson.model)}` }] };
  const reporters = knownReporters(model, lesson, context);
  const plots = model.plots.map((p) => p.id);
  const errors: Problem[] = [];
  lesson.steps.forEach((step, i) => {
    const at = `steps[${i}]`;
    const open = checkOpen(step, at, model, context);
    if (open) errors.push(open);
    if (step.outcome && !reporters.has(step.outcome.reporter))
      errors.push({
        field: `${at}.outcome.reporter`,
        message: `unknown reporter ${quoted(step.outcome.reporter)} of ${model.id}`,
      });
    if (step.outcome?.run !== undefined && !reachedWithWhatIf(lesson, i))
      errors.push({
        field: `${at}.outcome.run`,
        message: 'only a step reached with a what-if has a base and a fork run',
      });
    if (step.highlight?.plot !== undefined && !plots.includes(step.highlight.plot))
      errors.push({
        field: `${at}.highlight.plot`,
        message: `unknown plot ${quoted(step.highlight.plot)} of ${model.id} (known: ${listed(plots)})`,
      });
  });
  if (errors.length)
    return { ok: false, errors: errors.map(({ field, message }) => ({ field, message: `${field}: ${message}` })) };
  return { ok: true, value: lesson, model };
}

/**
 * Checks an untrusted lesson document (already JSON-parsed): its shape, then its references
 * into the model. Never throws; each problem comes back as `field: message`.
 */
export function parseLesson(input: unknown, context: LessonContext): LessonResult {
  const parsed = parseDocument(LessonSchema, input, 'lesson');
  return parsed.ok ? checkReferences(parsed.value, context) : parsed;
}

/** Whether a decoded document is meant as a lesson (it may still be an invalid one). */
export function isLessonDocument(document: unknown): boolean {
  return isPlainObject(document) && document.format === LESSON_FORMAT;
}

/** The text in `locale`, else in English. */
export function localText(text: LocalText, locale: string): string {
  return (locale !== 'en' && (text as Partial<Record<string, string>>)[locale]) || text.en;
}

/** The fields whose text lacks `locale` (a ready lesson must carry every language), e.g. `steps[1].reveal`. */
export function untranslated(lesson: Lesson, locale: Exclude<Language, 'en'>): string[] {
  const missing: string[] = [];
  const visit = (value: unknown, field: string) => {
    if (Array.isArray(value)) return value.forEach((item, i) => visit(item, `${field}[${i}]`));
    if (!isPlainObject(value)) return;
    if (typeof value.en === 'string') {
      if (typeof value[locale] !== 'string') missing.push(field);
      return;
    }
    for (const [key, inner] of Object.entries(value)) {
      // A scenario a step opens is data, not text to translate.
      if (key !== 'scenario') visit(inner, field ? `${field}.${key}` : key);
    }
  };
  visit(lesson, '');
  return missing;
}
