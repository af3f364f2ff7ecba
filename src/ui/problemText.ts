/**
 * Problems with a document (validation, links, JSON) in the reader's language. Core code has no
 * locale and keeps writing them in English, `field: message` (the CLI prints them so); the
 * catalogue holds each English message as a template (`problem.*` in en.ts) and the UI reads a
 * message back through its template: the field stays as written, the rest is said again in the
 * current locale, with quoted values and numbers carried over. A message no template matches is
 * shown as it came.
 */
import { en, type MessageKey } from '../i18n/en';
import { getLocale, t } from '../i18n';

interface Pattern {
  readonly key: MessageKey;
  readonly regex: RegExp;
  readonly names: readonly string[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Placeholders that always hold a number (`1,000` and `−2` too), so a template cannot take words for them. */
const NUMERIC = new Set(['min', 'max', 'count', 'line', 'column', 'day', 'length', 'version', 'tick', 'previous']);
const NUMBER = '([-−]?\\d[\\d.,e+-]*)';

/** A template's regex: a number for a numeric `{name}`, any text (lazily) for another, the rest literally. */
function patternOf(key: MessageKey): Pattern {
  const names: string[] = [];
  const source = en[key]
    .split(/(\{\w+\})/)
    .map((part) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      if (!name) return escape(part);
      names.push(name);
      return NUMERIC.has(name) ? NUMBER : '(.+?)';
    })
    .join('');
  return { key, regex: new RegExp(`^${source}$`, 's'), names };
}

/** How much of a template is literal text. */
const literal = (p: Pattern) =>
  p.regex.source
    .replace(/\(\.\+\?\)/g, '')
    .split(NUMBER)
    .join('').length;

/** The problem templates, the most specific (most literal text) first, so `must be {expected}` is the last resort. */
const PATTERNS: readonly Pattern[] = (Object.keys(en) as MessageKey[])
  .filter((key) => key.startsWith('problem.') && !key.startsWith('problem.kind.'))
  .map(patternOf)
  .sort((a, b) => literal(b) - literal(a));

/** Words core quotes back inside a message (what a wrong value was, what a link was meant to be). */
function value(text: string): string {
  if (text === en['problem.kind.list']) return t('problem.kind.list');
  if (text === en['problem.kind.object']) return t('problem.kind.object');
  // `an object { from, to, step }`: the kind said again, the shape kept as written.
  if (text.startsWith(`${en['problem.kind.object']} {`))
    return `${t('problem.kind.object')} ${text.slice(en['problem.kind.object'].length + 1)}`;
  if (text === 'scenario' || text === 'comparison') return t(`problem.linkKind.${text}`);
  const range = /^(an integer|a number) from (\S+) to (\S+)$/.exec(text);
  if (range)
    return t(range[1] === 'an integer' ? 'problem.rangeInteger' : 'problem.rangeNumber', {
      min: range[2],
      max: range[3],
    });
  // A nested problem (`the text is not valid JSON`, a link's contents…) is said again too.
  return PATTERNS.some((p) => p.regex.test(text)) ? problemText(text) : text;
}

/** One message (no field) said again from its template, or null when none matches. */
function restate(message: string): string | null {
  for (const { key, regex, names } of PATTERNS) {
    const match = regex.exec(message);
    if (!match) continue;
    const vars: Record<string, string> = {};
    names.forEach((name, i) => (vars[name] ??= value(match[i + 1])));
    return t(key, vars);
  }
  return null;
}

/** One problem: `field: message` with the field kept, or a whole sentence; null when no template knows it. */
function single(english: string): string | null {
  // A field (`vary[0].range`, `hypothesis.arms`) has no space; the message after it is said again. That
  // message may name a field of its own (a lesson's scenario: `steps[0].open.scenario: format: must be …`).
  const field = /^(\S+): (.*)$/s.exec(english);
  const said = field && single(field[2]);
  return field && said !== null ? `${field[1]}: ${said}` : restate(english);
}

/** `english` (a problem as core writes it, `field: message` or a whole sentence) in the current locale. */
export function problemText(english: string): string {
  if (getLocale() === 'en') return english;
  // Several problems joined into one line (the worker's, an expectation's parts), each said again.
  const parts = english.split('; ').map(single);
  if (parts.length > 1 && parts.every((part) => part !== null)) return parts.join('; ');
  return single(english) ?? english;
}

/** A problem said as `problemText` says it, ended as a sentence: a field's problem has no full stop of its own. */
export function problemSentence(english: string): string {
  const said = problemText(english);
  return /[.!?。！？]$/u.test(said) ? said : t('sentence.end', { text: said });
}
