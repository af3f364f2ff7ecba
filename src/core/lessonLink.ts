/**
 * The lesson link, `#lesson=<id>&step=<n>` (n counted from 1): it opens a ready lesson at a
 * step. Reading one never throws; a step that is not a whole number from 1 reads as null, for
 * the caller to say so.
 */

const KEY = 'lesson';

export interface LessonLink {
  readonly id: string;
  /** The step counted from 1; null when the link's step is not a whole number from 1. */
  readonly step: number | null;
}

/** The lesson link in an address (or a bare fragment); null when it holds none. */
export function lessonLinkIn(href: string): LessonLink | null {
  const hash = href.indexOf('#');
  const fragment = hash >= 0 ? href.slice(hash + 1) : href;
  if (!fragment.startsWith(`${KEY}=`)) return null;
  const query = new Map(
    fragment.split('&').map((pair): [string, string] => {
      const at = pair.indexOf('=');
      return at < 0 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
  const id = decoded(query.get(KEY) ?? '');
  const stepText = query.get('step') ?? null;
  if (stepText === null) return { id, step: 1 };
  const step = /^[1-9][0-9]{0,5}$/.test(stepText) ? Number(stepText) : null;
  return { id, step };
}

/** A link's value as written, `%`-escapes decoded; a broken escape stays as it is. */
function decoded(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

/** The fragment of the link to step `step` (from 1) of lesson `id`. */
export function lessonFragment(id: string, step: number): string {
  return `#${KEY}=${encodeURIComponent(id)}&step=${step}`;
}
