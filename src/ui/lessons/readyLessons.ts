/**
 * The ready lessons shipped under lessons/ (agora-lesson documents), bundled into the app the
 * way the ready what-ifs and experiments are, and the context every lesson is checked in: the
 * model registry and the ready what-ifs a step may open.
 */
import { parseLesson, untranslated, type Lesson, type LessonContext } from '../../core/lesson';
import { findModel } from '../../models/registry';
import { READY_WHAT_IFS } from '../compare/readyWhatIfs';

const files = import.meta.glob<unknown>('../../../lessons/*.json', { eager: true, import: 'default' });

/** The ready what-ifs by id (their file name without .json): what a step's `open.whatIf` names. */
export const LESSON_CONTEXT: LessonContext = {
  findModel,
  whatIfs: new Map(
    READY_WHAT_IFS.map(({ file, document }) => [
      file.replace(/\.json$/, ''),
      { model: document.base.model, params: document.base.params },
    ]),
  ),
};

/**
 * What keeps a document from being a ready lesson (none: it is one): it must be a valid lesson,
 * named after its id, with every text in Simplified Chinese too.
 */
export function readyLessonProblems(file: string, document: unknown): string[] {
  const parsed = parseLesson(document, LESSON_CONTEXT);
  if (!parsed.ok) return parsed.errors.map((e) => `${file}: ${e.message}`);
  const problems = untranslated(parsed.value, 'zh-CN').map((field) => `${file}: ${field}: has no zh-CN text`);
  if (`${parsed.value.id}.json` !== file) problems.push(`${file}: id "${parsed.value.id}" is not the file's name`);
  return problems;
}

/**
 * The order a class takes the ready lessons in (a gallery lists a model's lessons in it): how a
 * customer chooses before what a price war does to the market. A test holds every file to a place.
 */
export const TEACHING_ORDER: readonly string[] = [
  'how-a-customer-chooses',
  'who-pays-for-a-price-war',
  'can-a-late-entrant-win',
  'supply-shock-large-and-small',
  'how-k-means-finds-clusters',
  'mild-preferences-divided-city',
  'flocks-without-a-leader',
];

/** A lesson's place in the teaching order; one without a place comes after the others. */
const place = (file: string) => {
  const at = TEACHING_ORDER.indexOf(file.replace(/\.json$/, ''));
  return at < 0 ? TEACHING_ORDER.length : at;
};

/** The ready lessons in teaching order; one with a problem (a test names it) is left out. */
export const READY_LESSONS: readonly Lesson[] = Object.entries(files)
  .map(([path, document]) => ({ file: path.split('/').pop()!, document }))
  .sort((a, b) => place(a.file) - place(b.file) || a.file.localeCompare(b.file))
  .filter(({ file, document }) => readyLessonProblems(file, document).length === 0)
  .map(({ document }) => document as Lesson);

export function findReadyLesson(id: string): Lesson | undefined {
  return READY_LESSONS.find((lesson) => lesson.id === id);
}
