/**
 * The one translation layer: every user-visible string, parameter labels included, passes
 * through `t` (or `tParam` for model-declared labels). English is the default locale; a
 * locale only lists what it translates and falls back to English for the rest.
 */
import type { ModelText } from '../core/model';
import { en, type MessageKey } from './en';
import type { Locale } from './locale';
import { zhCN } from './zh-CN';

type Catalogue = Partial<Record<string, string>>;

const catalogues: Record<Locale, Catalogue> = { en, 'zh-CN': zhCN };
let current: Locale = 'en';

/** The locale every later `t` call reads. The UI sets it before its first render (and on a change of language). */
export function setLocale(locale: Locale): void {
  current = locale;
}

export function getLocale(): Locale {
  return current;
}

function fill(template: string, vars?: Record<string, string | number>): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** The message `key` in the current locale, with `{name}` placeholders filled from `vars`. */
export function t(key: MessageKey, vars?: Record<string, string | number>): string {
  return fill(catalogues[current][key] ?? en[key], vars);
}

/**
 * A string a model declares (parameter label, reporter label, plot title, option label),
 * looked up as `model.<modelId>.<path>` and falling back to the model's own English text.
 */
export function tModel(modelId: string, path: string, english: string): string {
  return catalogues[current][`model.${modelId}.${path}`] ?? english;
}

/**
 * A text a ready document carries (an experiment's claim, an arm's label…), looked up as
 * `<kind>.<documentId>.<path>` and falling back to the document's own English text.
 */
export function tDocument(kind: string, documentId: string, path: string, english: string): string {
  return catalogues[current][`${kind}.${documentId}.${path}`] ?? english;
}

/** A text a model hands over at run time (e.g. an explanation), translated and filled. */
export function tModelText(modelId: string, text: ModelText): string {
  return fill(tModel(modelId, text.path, text.english), text.vars);
}
