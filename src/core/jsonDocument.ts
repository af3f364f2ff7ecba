/**
 * The one reader of JSON text from outside (files, links, CLI flags, saved work): JSON.parse
 * alone lets the last of two equal keys win silently, chokes on a UTF-8 byte-order mark, quotes
 * raw bytes of binary input back in its error, and leaves later code to recurse as deep as the
 * document goes. `parseJsonText` refuses all of that with a message fit to show.
 */
import { displayText } from './safeText';

/**
 * Deepest nesting of objects and lists a document may have. Agora's own documents need 6
 * (an experiment's `scenario.params.<table>.rows[i]`); 64 leaves room and keeps every walk
 * over a document (validation, canonical JSON, JSON.stringify) far from the stack's limit.
 */
export const MAX_DOCUMENT_DEPTH = 64;

export type JsonResult = { ok: true; value: unknown } | { ok: false; message: string };

const deeper = `is nested deeper than ${MAX_DOCUMENT_DEPTH} levels`;

/** Whether a value (already parsed) nests at most `limit` objects and lists deep. Iterative: never overflows. */
export function withinDepth(value: unknown, limit = MAX_DOCUMENT_DEPTH): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  const seen = new Set<object>();
  for (let item = stack.pop(); item; item = stack.pop()) {
    const v = item.value;
    if (typeof v !== 'object' || v === null || seen.has(v)) continue;
    if (item.depth >= limit) return false;
    seen.add(v);
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push({ value: child, depth: item.depth + 1 });
  }
  return true;
}

/** Where a problem is, as `line L, column C` (1-based), from an offset into `text`. */
function position(text: string, offset: number): string {
  let line = 1;
  let column = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      column = 1;
    } else column++;
  }
  return `line ${line}, column ${column}`;
}

/**
 * One pass over JSON text: the first key repeated within one object, and whether the nesting
 * goes deeper than the limit. The text is valid JSON or about to be refused by JSON.parse, so
 * strings and brackets are all it needs to recognise.
 */
function scan(text: string): { duplicate?: { key: string; at: number }; tooDeep: boolean } {
  const frames: ({ keys: Set<string>; expectKey: boolean } | null)[] = [];
  let duplicate: { key: string; at: number } | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      const frame = frames.at(-1);
      if (frame?.expectKey) {
        frame.expectKey = false;
        let key: string;
        try {
          key = JSON.parse(text.slice(start, i + 1)) as string;
        } catch {
          continue;
        }
        if (frame.keys.has(key)) duplicate ??= { key, at: start };
        frame.keys.add(key);
      }
    } else if (ch === '{' || ch === '[') {
      frames.push(ch === '{' ? { keys: new Set(), expectKey: true } : null);
      if (frames.length > MAX_DOCUMENT_DEPTH) return { tooDeep: true };
    } else if (ch === '}' || ch === ']') frames.pop();
    else if (ch === ',') {
      const frame = frames.at(-1);
      if (frame) frame.expectKey = true;
    }
  }
  return { duplicate, tooDeep: false };
}

/**
 * Parses JSON text from outside. Accepts a leading UTF-8 byte-order mark; refuses binary or
 * UTF-16 text, nesting deeper than MAX_DOCUMENT_DEPTH and a key given twice in one object
 * (naming it). Never throws; messages never quote raw input.
 */
export function parseJsonText(text: string): JsonResult {
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  // Raw control characters are never valid JSON; NUL is what UTF-16 or binary read as UTF-8 shows.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(body) || body.startsWith('\ufffd\ufffd'))
    return { ok: false, message: 'is not UTF-8 text (binary, or UTF-16?): save it as UTF-8 JSON' };
  const scanned = scan(body);
  if (scanned.tooDeep) return { ok: false, message: deeper };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    // Engines quote the input in their messages; only the position is kept.
    const at = /position (\d+)/.exec((e as Error).message);
    return { ok: false, message: `is not valid JSON${at ? ` (at ${position(body, Number(at[1]))})` : ''}` };
  }
  if (scanned.duplicate) {
    const { key, at } = scanned.duplicate;
    return {
      ok: false,
      message: `gives the key "${displayText(key, { max: 60 })}" twice in one object (at ${position(body, at)})`,
    };
  }
  return { ok: true, value };
}
