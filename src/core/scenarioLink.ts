/**
 * Scenarios in links: the scenario document (parameters that differ from the defaults only)
 * as JSON, deflated, base64url-encoded and integrity-checked, in the URL fragment:
 * `#s=<link version>.<payload>.<check>`. Decoding never throws: any input gives a scenario
 * document or a typed error, and refuses oversized or decompression-bomb payloads.
 *
 * Uses the CompressionStream API, present in browsers, workers and Node ≥ 18.
 */
import { Hasher } from './hash';
import { migrateScenario } from './scenarioMigrations';
import { parseJsonText } from './jsonDocument';

/** Version of the link encoding (not of the scenario format, which is inside the payload). */
const LINK_VERSION = 1;
/** Longest fragment accepted, in characters. */
export const MAX_LINK_CHARS = 64 * 1024;
/** Largest decompressed document accepted, in bytes: a decompression bomb stops here. */
const MAX_DOCUMENT_BYTES = 512 * 1024;
/** Above this length a link may break in mail and chat apps: offer a file instead. */
export const COMFORTABLE_LINK_CHARS = 2000;

type LinkErrorCode = 'not-a-link' | 'malformed' | 'tampered' | 'too-large' | 'newer-version' | 'not-json';
interface LinkError {
  readonly code: LinkErrorCode;
  readonly message: string;
}
export type LinkResult = { ok: true; document: unknown } | { ok: false; error: LinkError };

// Minimal typings of the Compression Streams API (core is compiled without DOM types).
interface ByteStream {
  getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }>; cancel(): Promise<void> };
}
interface TransformStreamLike {
  readonly writable: {
    getWriter(): {
      write(chunk: Uint8Array): Promise<void>;
      close(): Promise<void>;
      abort(reason?: unknown): Promise<void>;
    };
  };
  readonly readable: ByteStream;
}
type StreamConstructor = new (format: 'deflate-raw') => TransformStreamLike;
const host = globalThis as unknown as {
  CompressionStream: StreamConstructor;
  DecompressionStream: StreamConstructor;
  TextEncoder: new () => { encode(text: string): Uint8Array };
  TextDecoder: new (label: 'utf-8', options: { fatal: boolean }) => { decode(bytes: Uint8Array): string };
};

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64_INDEX = new Map([...B64].map((ch, i) => [ch, i]));

function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out += B64[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

function fromBase64Url(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 6) / 8));
  let bits = 0;
  let value = 0;
  let o = 0;
  for (const ch of text) {
    const v = B64_INDEX.get(ch);
    if (v === undefined) return null;
    value = (value << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (value >> bits) & 255;
    }
  }
  return out;
}

function check(payload: string): string {
  return new Hasher().text(payload).hex().slice(0, 8);
}

async function pipe(bytes: Uint8Array, stream: TransformStreamLike, cap: number): Promise<Uint8Array | null> {
  const writer = stream.writable.getWriter();
  // Write and read concurrently: a stream's buffers are small.
  const written = writer.write(bytes).then(() => writer.close());
  written.catch(() => {});
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value!.length;
    if (size > cap) {
      await reader.cancel();
      await writer.abort().catch(() => {});
      return null;
    }
    chunks.push(value!);
  }
  await written;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * What a link holds: its fragment's key (`s` for a scenario, `c` for a comparison, see
 * comparisonLink.ts) and the document's name in messages.
 */
export interface LinkKind {
  readonly key: string;
  readonly name: string;
}
const SCENARIO: LinkKind = { key: 's', name: 'scenario' };

/** The fragment (with its leading `#`) that holds `document` in a link of this kind. */
export async function encodeDocumentLink(document: unknown, kind: LinkKind): Promise<string> {
  const json = new host.TextEncoder().encode(JSON.stringify(document));
  const deflated = await pipe(json, new host.CompressionStream('deflate-raw'), Infinity);
  const payload = toBase64Url(deflated!);
  return `#${kind.key}=${LINK_VERSION}.${payload}.${check(payload)}`;
}

/** The fragment (with its leading `#`) that holds `document`. */
export const encodeScenarioLink = (document: unknown) => encodeDocumentLink(document, SCENARIO);

/**
 * The fragment of `document` with its bytes stored uncompressed (DEFLATE "stored" blocks):
 * longer than `encodeScenarioLink`'s, but the same characters on every platform, so it can go
 * into files that must be byte-identical wherever they were made (experiment results). Any
 * decoder of the link reads it.
 */
export function encodeStoredScenarioLink(document: unknown): string {
  const json = new host.TextEncoder().encode(JSON.stringify(document));
  const BLOCK = 0xffff;
  const blocks = Math.max(1, Math.ceil(json.length / BLOCK));
  const out = new Uint8Array(json.length + 5 * blocks);
  let at = 0;
  for (let b = 0; b < blocks; b++) {
    const chunk = json.subarray(b * BLOCK, (b + 1) * BLOCK);
    out[at++] = b === blocks - 1 ? 1 : 0; // BFINAL on the last block, BTYPE 00 (stored)
    out[at++] = chunk.length & 255;
    out[at++] = chunk.length >> 8;
    out[at++] = ~chunk.length & 255;
    out[at++] = (~chunk.length >> 8) & 255;
    out.set(chunk, at);
    at += chunk.length;
  }
  const payload = toBase64Url(out);
  return `#s=${LINK_VERSION}.${payload}.${check(payload)}`;
}

/** The fragment part of a full URL, a fragment, or a bare `s=…` value (`c=…` for a comparison). */
export function fragmentOf(text: string, key = SCENARIO.key): string | null {
  const hash = text.indexOf('#');
  const fragment = hash >= 0 ? text.slice(hash + 1) : text;
  return fragment.startsWith(`${key}=`) ? fragment : null;
}

/** True when `text` looks like a scenario link rather than a file name. */
export function isScenarioLink(text: string): boolean {
  return fragmentOf(text.trim()) !== null;
}

function fail(code: LinkErrorCode, message: string): LinkResult {
  return { ok: false, error: { code, message } };
}

/**
 * Decodes a link of this kind (full URL, fragment or `<key>=…`) into the JSON document it holds,
 * as it was written. Never throws.
 */
export async function decodeDocumentLink(text: string, kind: LinkKind): Promise<LinkResult> {
  if (typeof text !== 'string') return fail('not-a-link', `This is not a ${kind.name} link.`);
  if (text.length > MAX_LINK_CHARS)
    return fail('too-large', `This link is too long (${text.length} characters; at most ${MAX_LINK_CHARS}).`);
  let fragment = fragmentOf(text.trim(), kind.key);
  if (fragment === null) return fail('not-a-link', `This is not a ${kind.name} link (it has no "#${kind.key}=" part).`);
  // Links pasted from some apps arrive percent-encoded.
  if (fragment.includes('%')) {
    try {
      fragment = decodeURIComponent(fragment);
    } catch {
      return fail('malformed', 'The link is damaged: it contains a broken percent-escape.');
    }
  }
  const parts = fragment.slice(2).split('.');
  if (parts.length !== 3) return fail('malformed', 'The link is incomplete or damaged (it may have been cut off).');
  const [version, payload, checksum] = parts;
  if (!/^\d{1,6}$/.test(version)) return fail('malformed', 'The link is damaged: its version is not a number.');
  if (Number(version) > LINK_VERSION) {
    return fail(
      'newer-version',
      `This link was made by a newer Agora (link version ${version}; this one reads up to ${LINK_VERSION}). Please update.`,
    );
  }
  if (check(payload) !== checksum)
    return fail(
      'tampered',
      'The link is damaged: its check does not match (a character was changed or the link was cut off).',
    );
  const bytes = fromBase64Url(payload);
  if (!bytes) return fail('malformed', 'The link is damaged: it contains characters a link never has.');
  let json: Uint8Array | null;
  try {
    json = await pipe(bytes, new host.DecompressionStream('deflate-raw'), MAX_DOCUMENT_BYTES);
  } catch {
    return fail('malformed', 'The link is damaged: its contents cannot be unpacked.');
  }
  if (!json) return fail('too-large', `The link unpacks to more than ${MAX_DOCUMENT_BYTES / 1024} KiB: refused.`);
  let contents: string;
  try {
    contents = new host.TextDecoder('utf-8', { fatal: true }).decode(json);
  } catch {
    return fail('not-json', `The link is damaged: its contents are not a ${kind.name}.`);
  }
  const parsed = parseJsonText(contents);
  return parsed.ok ? { ok: true, document: parsed.value } : fail('not-json', `The link's contents ${parsed.message}.`);
}

/**
 * Decodes a link (full URL, fragment or `s=…`) into a scenario document, migrated to the
 * current scenario format. The document still has to pass `parseScenario`. Never throws.
 */
export async function decodeScenarioLink(text: string): Promise<LinkResult> {
  const decoded = await decodeDocumentLink(text, SCENARIO);
  if (!decoded.ok) return decoded;
  const migrated = migrateScenario(decoded.document);
  return migrated.ok ? { ok: true, document: migrated.document } : fail('newer-version', migrated.message);
}
