/**
 * Valibot building blocks for the JSON documents (scenarios, experiments): strict objects,
 * counts and texts whose messages read like the rest of Agora, and one function that turns
 * valibot's issues into lines naming their field, e.g. `vary[0].range: needs from ≤ to`.
 */
import * as v from 'valibot';
import { MAX_DOCUMENT_DEPTH, withinDepth } from './jsonDocument';
import { displayText, hasUnsafeCharacters, UNSAFE_TEXT } from './safeText';

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** What a wrong value is, for a message: `a list`, `an object`, `null`, `NaN`. */
export function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' && value !== null ? 'an object' : String(value);
}

/** Longest key quoted back in a message: hostile documents may carry huge keys. */
const KEY_CHARS = 60;

/**
 * `v.strictObject` whose problems name the key: an unknown key gets `unknownKey`, a missing
 * one its field's own message (what the field must be), so no message is written twice.
 */
export function strictEntries<const E extends v.ObjectEntries>(entries: E, unknownKey = 'unknown key') {
  return v.strictObject(entries, (issue) => {
    if (issue.expected === 'never') return unknownKey;
    const key = issue.path?.at(-1)?.key;
    const field = typeof key === 'string' && Object.hasOwn(entries, key) ? entries[key] : undefined;
    return (field && v.safeParse(field, undefined).issues?.[0].message) ?? 'must be an object';
  });
}

/** A strict JSON object (arrays and null refused with `must be <expected>`). */
export function documentObject<const E extends v.ObjectEntries>(entries: E, expected: string, unknownKey?: string) {
  return v.pipe(
    v.custom<Record<string, unknown>>(isPlainObject, `must be ${expected}`),
    strictEntries(entries, unknownKey),
  );
}

/** An integer in [min, max]. */
export const count = (min: number, max: number, message: string) =>
  v.pipe(v.number(message), v.integer(message), v.minValue(min, message), v.maxValue(max, message));

/** The entries every Agora document opens with: its format, and a version this Agora reads (a newer one says so). */
export function documentHeader<const F extends string>(format: F, latest: number) {
  return {
    format: v.literal(format, `must be "${format}"`),
    version: v.pipe(
      count(1, Number.MAX_SAFE_INTEGER, 'must be a positive integer'),
      v.maxValue(
        latest,
        (issue) => `is ${issue.input}, made by a newer Agora (this one reads up to ${latest}); please update`,
      ),
    ),
  };
}

/** A finite number. */
export const finite = (message = 'must be a finite number') => v.pipe(v.number(message), v.finite(message));

/** A text that is not blank, at most `max` characters long, with no control, bidi or invisible character. */
export const text = (message: string, max = Number.POSITIVE_INFINITY) =>
  v.pipe(
    v.string(message),
    v.check((s) => s.trim() !== '', message),
    v.maxLength(max, message),
    v.check((s) => !hasUnsafeCharacters(s), UNSAFE_TEXT),
  );

/** `a.b[2].c` for an issue's path; `root` when it concerns the whole document. */
function fieldOf(issue: v.BaseIssue<unknown>, root: string): string {
  let field = '';
  for (const item of issue.path ?? []) {
    const key = item.key;
    if (typeof key === 'number') field += `[${key}]`;
    else field += `${field ? '.' : ''}${displayText(String(key), { max: KEY_CHARS })}`;
  }
  return field || root;
}

type DocumentResult<T> =
  { ok: true; value: T } | { ok: false; errors: { readonly field: string; readonly message: string }[] };

/**
 * Checks an untrusted document against a schema. Never throws; each problem comes back as
 * `field: message`. One message per field: a pipe stops at its first failed check.
 */
export function parseDocument<S extends v.GenericSchema>(
  schema: S,
  input: unknown,
  root: string,
): DocumentResult<v.InferOutput<S>> {
  // Checked before any walk over the document: nothing below recurses deeper than this.
  if (!withinDepth(input))
    return {
      ok: false,
      errors: [{ field: root, message: `${root}: is nested deeper than ${MAX_DOCUMENT_DEPTH} levels` }],
    };
  const result = v.safeParse(schema, input, { abortPipeEarly: true });
  if (result.success) return { ok: true, value: result.output };
  return {
    ok: false,
    errors: result.issues.map((issue) => {
      const field = fieldOf(issue, root);
      return { field, message: `${field}: ${issue.message}` };
    }),
  };
}
