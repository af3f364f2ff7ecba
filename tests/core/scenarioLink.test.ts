import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultParams } from '../../src/core/params';
import { createScenario, parseScenario } from '../../src/core/scenario';
import { decodeScenarioLink, encodeScenarioLink, MAX_LINK_CHARS } from '../../src/core/scenarioLink';
import { findModel, MODELS } from '../../src/models/registry';
import { cloudMarket } from '../../src/models/cloudMarket';
import { kMeans } from '../../src/models/kmeans';

async function roundTrip(document: unknown): Promise<unknown> {
  const decoded = await decodeScenarioLink(`https://agora.example/app/${await encodeScenarioLink(document)}`);
  if (!decoded.ok) throw new Error(decoded.error.message);
  return decoded.document;
}

describe('scenario links', () => {
  it('round-trip generated scenarios of every model', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...MODELS),
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 1, max: 20 }),
        async (model, seed, n) => {
          const params = { ...defaultParams(model.params) };
          const name = Object.keys(model.params).find((k) => model.params[k].kind === 'int')!;
          const spec = model.params[name] as { min: number; max: number };
          params[name] = Math.min(spec.max, Math.max(spec.min, n));
          const scenario = createScenario(model, seed, params, { onlyChanged: true });
          const back = await roundTrip(scenario);
          expect(back).toEqual(scenario);
          const parsed = parseScenario(back, findModel);
          expect(parsed.ok && parsed.value.params).toEqual(params);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('keeps a typical cloud-market scenario well under 2,000 characters', async () => {
    const params = defaultParams(cloudMarket.params) as Record<string, unknown>;
    const vendors = params.vendors as { nextId: number; rows: Record<string, unknown>[] };
    const changed = {
      ...params,
      customers: 8000,
      vendors: { ...vendors, rows: vendors.rows.map((r, i) => (i === 2 ? { ...r, strategy: 'dynamic' } : r)) },
    };
    const link = await encodeScenarioLink(createScenario(cloudMarket, 7, changed as never, { onlyChanged: true }));
    expect(link.length).toBeLessThan(1000);
  });

  it.each([
    ['an empty string', '', 'not-a-link'],
    ['a URL without a scenario', 'https://agora.example/#about', 'not-a-link'],
    ['a truncated link', null, 'malformed'],
    ['a changed character', null, 'tampered'],
    ['a newer link version', '#s=9.abc.00000000', 'newer-version'],
    ['a broken percent-escape', '#s=1.%E0%A4%A.00', 'malformed'],
    ['an oversized link', `#s=1.${'A'.repeat(MAX_LINK_CHARS)}.00000000`, 'too-large'],
  ])('rejects %s with a typed error', async (_, input, code) => {
    let text = input;
    const good = await encodeScenarioLink(
      createScenario(kMeans, 1, defaultParams(kMeans.params), { onlyChanged: true }),
    );
    if (text === null && code === 'malformed') text = good.slice(0, good.lastIndexOf('.'));
    if (text === null && code === 'tampered') {
      const i = good.indexOf('.') + 3;
      text = good.slice(0, i) + (good[i] === 'A' ? 'B' : 'A') + good.slice(i + 1);
    }
    const result = await decodeScenarioLink(text!);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(code);
  });

  it('refuses a decompression bomb', async () => {
    const bomb = await encodeScenarioLink({ pad: 'x'.repeat(5_000_000) });
    expect(bomb.length).toBeLessThan(MAX_LINK_CHARS);
    const result = await decodeScenarioLink(bomb);
    expect(!result.ok && result.error.code).toBe('too-large');
  });

  it('never throws on any input', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.string().map((s) => `#s=1.${s}`),
          fc.string().map((s) => `#s=${s}`),
        ),
        async (input) => {
          const result = await decodeScenarioLink(input);
          expect(typeof result.ok).toBe('boolean');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('hands hostile documents to the validator, which rejects them with named fields', async () => {
    const hostile = JSON.parse(
      '{"format":"agora-scenario","version":1,"model":"k-means","modelVersion":1,"seed":1,"params":{"__proto__":{"x":1},"numCentroids":1e999}}',
    );
    const back = await roundTrip(hostile);
    const parsed = parseScenario(back, findModel);
    expect(parsed.ok).toBe(false);
  });
});

describe('scenario fixtures of earlier versions keep opening', () => {
  const dir = join(__dirname, '../fixtures/scenarios');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json') || f.endsWith('.link'));
  it.each(files)('%s', async (file) => {
    const text = readFileSync(join(dir, file), 'utf8').trim();
    const document = file.endsWith('.link') ? await roundTripText(text) : JSON.parse(text);
    const parsed = parseScenario(document, findModel);
    expect(parsed.ok, JSON.stringify(!parsed.ok && parsed.errors)).toBe(true);
  });
});

describe('cloud-market version 2 scenarios (before common random numbers)', () => {
  const dir = join(__dirname, '../fixtures/scenarios');
  it.each(['v2-cloud-market.json', 'v2-cloud-market.link'])(
    '%s opens in version 3 with the notice that its numbers may differ',
    async (file) => {
      const text = readFileSync(join(dir, file), 'utf8').trim();
      const document = file.endsWith('.link') ? await roundTripText(text) : JSON.parse(text);
      const parsed = parseScenario(document, findModel);
      expect(parsed.ok && parsed.value.warnings).toEqual([
        'This scenario was made with cloud-market version 2; this is version 3, so its numbers may differ.',
      ]);
      expect(parsed.ok && parsed.value.changes).toHaveLength(1);
    },
  );
});

async function roundTripText(link: string): Promise<unknown> {
  const decoded = await decodeScenarioLink(link);
  if (!decoded.ok) throw new Error(decoded.error.message);
  return decoded.document;
}

describe('stored links', () => {
  it('decode like compressed ones and are the same characters every time', async () => {
    const { encodeStoredScenarioLink, decodeScenarioLink } = await import('../../src/core/scenarioLink');
    const doc = {
      format: 'agora-scenario',
      version: 1,
      model: 'k-means',
      modelVersion: 1,
      seed: 3,
      params: { numClusters: 5, note: 'x'.repeat(2000) },
    };
    const link = encodeStoredScenarioLink(doc);
    expect(encodeStoredScenarioLink(doc)).toBe(link);
    const decoded = await decodeScenarioLink(link);
    expect(decoded.ok && decoded.document).toEqual(doc);
  });
});
