/**
 * The one translation layer: every user-visible string passes through `t` (`tCount` for counts),
 * a model's declared texts through `tModel`, a ready document's through `tDocument`. English is
 * the default locale; another lists what it translates (zh-CN/) and falls back to English.
 */
import type { ModelText } from '../core/model';
import { en, type MessageKey } from './en';
// `current` is a live binding: setLocale changes it in ./locale, where the formatters read it too.
import { current, type Locale } from './locale';
import { zhCN } from './zh-CN';

type Catalogue = Partial<Record<string, string>>;

const catalogues: Record<Locale, Catalogue> = { en, 'zh-CN': zhCN };
export { getLocale, setLocale } from './locale';

function fill(template: string, vars?: Record<string, string | number>): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** The message `key` in the current locale, with `{name}` placeholders filled from `vars`. */
export function t(key: MessageKey, vars?: Record<string, string | number>): string {
  return fill(catalogues[current][key] ?? en[key], vars);
}

/** Keys with plural forms: `<base>.one`, `<base>.other`, … as Intl.PluralRules names them (`.other` always). */
type PluralBase = { [K in MessageKey]: K extends `${infer Base}.other` ? Base : never }[MessageKey];

/**
 * The message for `count` things: the key's plural form that the current locale's plural rules
 * pick for `count` ("1 timed change", "2 timed changes"; Chinese has one form), `{count}` filled.
 */
export function tCount(base: PluralBase, count: number, vars?: Record<string, string | number>): string {
  const form = `${base}.${new Intl.PluralRules(current).select(count)}`;
  const other = `${base}.other` as const;
  const english: Catalogue = en;
  const template = catalogues[current][form] ?? catalogues[current][other] ?? english[form] ?? en[other];
  return fill(template, { count, ...vars });
}

/**
 * A string a model declares (parameter label, reporter label, plot title, option label),
 * looked up as `model.<modelId>.<path>` and falling back to the model's own English text.
 */
export function tModel(modelId: string, path: string, english: string): string {
  // The models' texts are English: in English there is nothing to look up (monitors ask every frame).
  if (current === 'en') return english;
  return catalogues[current][`model.${modelId}.${path}`] ?? tRowText(modelId, path, english) ?? english;
}

/** A segment naming a table row in a declared name, e.g. `v3` in reporter `share.v3`. */
const ROW_SEGMENT = /^v\d+$/;

/**
 * A text a model declares once per table row (reporter `share.v3`, "Share: Cirrus"), translated
 * once for every row under the path with the row's segment as `*` (`reporter.share.*.label`),
 * its `{name}` the row's name: what follows the English text's first ": ".
 */
function tRowText(modelId: string, path: string, english: string): string | undefined {
  const segments = path.split('.');
  const row = segments.findIndex((s) => ROW_SEGMENT.test(s));
  if (row < 0) return undefined;
  segments[row] = '*';
  const template = catalogues[current][`model.${modelId}.${segments.join('.')}`];
  const colon = english.indexOf(': ');
  return template && fill(template, { name: colon < 0 ? english : english.slice(colon + 2) });
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
