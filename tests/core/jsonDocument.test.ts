/**
 * JSON from outside (issue 18): duplicate keys named, a BOM accepted, binary and UTF-16 refused
 * without echoing bytes, a documented depth limit checked before any walk, and no gate that
 * throws whatever JSON value it is given, at any depth.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseExperiment } from '../../src/core/experiment/schema';
import { MAX_DOCUMENT_DEPTH, parseJsonText, withinDepth } from '../../src/core/jsonDocument';
import { parseParamText, validateParams, validateValue } from '../../src/core/params';
import { parseScenario } from '../../src/core/scenario';
import { cloudMarket } from '../../src/models/cloudMarket';
import { findModel } from '../../src/models/registry';

const small = () => JSON.parse(readFileSync('tests/fixtures/experiments/small.json', 'utf8'));
const nested = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);

describe('parseJsonText', () => {
  it('refuses a key given twice in one object, naming it and where, at any level', () => {
    expect(parseJsonText('{"seed": 1, "seed": 2}')).toEqual({
      ok: false,
      message: 'gives the key "seed" twice in one object (at line 1, column 13)',
    });
    const r = parseJsonText('{\n "a": {"x": 1},\n "b": [{"k": 1, "\\u006b": 2}]\n}');
    expect(r.ok || r.message).toBe('gives the key "k" twice in one object (at line 3, column 17)');
    // The same key in sibling objects, in strings and as values is no repetition.
    expect(parseJsonText('[{"a": "a"}, {"a": "{\\"a\\": 1, \\"a\\": 2}"}, {"b": {"a": 1}, "a": 2}]').ok).toBe(true);
  });

  it('accepts a UTF-8 byte-order mark and reads the same value as without it', () => {
    expect(parseJsonText('\ufeff{"a": [1, 2]}')).toEqual(parseJsonText('{"a": [1, 2]}'));
  });

  it('refuses binary and UTF-16 text, and invalid JSON, without quoting a byte of it', () => {
    const utf16 = Buffer.from('\ufeff{"a": 1}', 'utf16le').toString('utf8');
    const binary = Buffer.from([0x1b, 0x5b, 0x32, 0x4a, 0x00, 0xff, 0x9b, 0x41]).toString('utf8');
    for (const text of [utf16, binary]) {
      const r = parseJsonText(text);
      expect(r.ok || r.message).toBe('is not UTF-8 text (binary, or UTF-16?): save it as UTF-8 JSON');
    }
    const r = parseJsonText('{"name": "\u202eevil"');
    expect(r.ok || r.message).toBe('is not valid JSON (at line 1, column 17)');
  });

  it(`refuses nesting deeper than ${MAX_DOCUMENT_DEPTH} levels before parsing, even a million deep`, () => {
    expect(parseJsonText(nested(MAX_DOCUMENT_DEPTH)).ok).toBe(true);
    for (const depth of [MAX_DOCUMENT_DEPTH + 1, 1_000_000]) {
      const r = parseJsonText(nested(depth));
      expect(r.ok || r.message).toBe(`is nested deeper than ${MAX_DOCUMENT_DEPTH} levels`);
    }
    let deep: unknown = 1;
    for (let i = 0; i < 1_000_000; i++) deep = { a: deep };
    expect(withinDepth(deep)).toBe(false);
    expect(parseScenario(deep, findModel).ok).toBe(false);
    expect(validateValue(cloudMarket.params.vendors, deep, 'vendors').ok).toBe(false);
  });
});

/** JSON values of any depth up to the limit and a little beyond, with the keys documents use. */
const key = fc.oneof(
  fc.constantFrom('format', 'version', 'model', 'seed', 'params', 'scenario', 'vary', 'stop', 'rows', 'nextId'),
  fc.string(),
);
const { value: jsonValue } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: MAX_DOCUMENT_DEPTH + 2 },
    fc.oneof(fc.double(), fc.integer(), fc.string(), fc.boolean(), fc.constant(null)),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(key, tie('value'), { maxKeys: 3 }),
  ),
}));

describe('every document gate, on any JSON value', () => {
  it('refuses or accepts without throwing, at any depth up to the limit and beyond', () => {
    fc.assert(
      fc.property(jsonValue, fc.integer({ min: 0, max: MAX_DOCUMENT_DEPTH + 5 }), (value, wraps) => {
        let deep = value;
        for (let i = 0; i < wraps; i++) deep = { params: deep };
        const experiment = { ...small(), scenario: { ...small().scenario, params: deep } };
        for (const input of [value, deep])
          expect(() => {
            parseScenario(input, findModel);
            parseExperiment(input, findModel);
            parseExperiment(experiment, findModel);
            validateParams(cloudMarket.params, input);
            validateValue(cloudMarket.params.vendors, input, 'vendors');
            parseJsonText(JSON.stringify(input));
          }).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a table row with 300,000 unknown keys without throwing', () => {
    const table = structuredClone(cloudMarket.params.vendors.default) as unknown as { rows: Record<string, unknown>[] };
    for (let i = 0; i < 300_000; i++) table.rows[0][`k${i}`] = i;
    const r = validateParams(cloudMarket.params, { vendors: table });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].message).toBe('vendors[0].k0: unknown parameter');
    const text = parseParamText(cloudMarket.params.vendors, JSON.stringify(table));
    expect(text.ok && validateValue(cloudMarket.params.vendors, text.value, 'vendors').ok).toBe(false);
  });

  it('refuses an unknown key at every level of an experiment document', () => {
    const doc = small();
    doc.stop = { reporter: 'hhi', above: 1 };
    doc.hypothesis = {
      statement: 's',
      measure: 'hhi',
      effect: { kind: 'level', at: 'max' },
      claim: { above: 0 },
    };
    const objects: Record<string, unknown>[] = [];
    const walk = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (typeof v === 'object' && v !== null) {
        objects.push(v as Record<string, unknown>);
        Object.values(v).forEach(walk);
      }
    };
    walk(doc);
    expect(objects.length).toBeGreaterThan(8);
    for (const object of objects) {
      object.intruder = 1;
      const r = parseExperiment(doc, findModel);
      expect(r.ok || r.errors.join('\n')).toMatch(/intruder: unknown/);
      delete object.intruder;
    }
    expect(parseExperiment(doc, findModel).ok).toBe(true);
  });

  it('refuses "params": null in a scenario and in an experiment', () => {
    const scenario = { ...small().scenario, params: null };
    const r = parseScenario(scenario, findModel);
    expect(r.ok || r.errors[0].message).toBe('params: must be an object of parameter values');
    const e = parseExperiment({ ...small(), scenario }, findModel);
    expect(e.ok || e.errors[0]).toBe('scenario.params: must be an object of parameter values');
  });
});
