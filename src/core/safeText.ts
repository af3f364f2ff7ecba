/**
 * Text from outside (file names, keys, values quoted back in messages) made safe to show: in a
 * terminal, control characters (ESC, CSI…) could move the cursor or recolour the screen; on a
 * page or a terminal, bidirectional overrides and zero-width characters make a name read as
 * another (`evil\u202Efdp.json` shows as `evilnosj.pdf`). Such characters are never shown raw;
 * the joiners some scripts need inside a word (Persian, Indic, emoji) are kept there.
 */

/**
 * C0 and C1 controls and DEL, the bidirectional controls (embeddings, overrides, isolates, marks)
 * and zero-width characters (spaces, word joiner, byte-order mark), lone surrogates too.
 */
const CONTROLS =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is matched
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * What a zero-width joiner or non-joiner (U+200D, U+200C) may stand between: a letter or symbol
 * outside ASCII that is not itself escaped (a surrogate pair whole, as in emoji). Persian words,
 * Indic conjuncts and emoji sequences need them there; at the ends of a name, beside ASCII, a
 * space or another joiner they only make one name look like another ("Cirrus\u200D").
 */
const JOINABLE = String.raw`(?:[\ud800-\udbff][\udc00-\udfff]|[^\u0000-\u009f\s\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb\ud800-\udfff])`;

/** Unsafe characters: the controls above, and joiners that do not stand between two joinable characters. */
const UNSAFE = new RegExp(
  String.raw`${CONTROLS.source}|(?<!${JOINABLE})[\u200c\u200d]|[\u200c\u200d](?!${JOINABLE})`,
  'g',
);

/** Why a name with control, bidirectional-override or zero-width characters is refused. */
export const UNSAFE_TEXT = 'must not contain control, bidirectional or invisible characters';

/** True when `text` holds a character `displayText` would escape (tabs and line feeds only when not `multiline`). */
export function hasUnsafeCharacters(text: string, multiline = false): boolean {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(text) || (!multiline && /[\t\n]/.test(text));
}

/**
 * `text` with every unsafe character written as a visible escape (`\u{202E}`), line feeds and
 * tabs too unless `multiline`, cut to `max` characters (with `…`).
 */
export function displayText(text: string, options: { max?: number; multiline?: boolean } = {}): string {
  const max = options.max ?? Infinity;
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  const escape = (ch: string) => `\\u{${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}}`;
  const safe = cut.replace(UNSAFE, escape);
  return options.multiline ? safe : safe.replace(/[\t\n]/g, escape);
}
