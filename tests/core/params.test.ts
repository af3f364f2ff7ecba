import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cellMeaning, defaultParams, p, parseParamText, validateParams, validateValue } from '../../src/core/params';

const schema = {
  count: p.int({ label: 'Count', min: 1, max: 100, default: 10 }),
  rate: p.float({ label: 'Rate', min: 0, max: 1, uiMax: 0.5, default: 0.25 }),
  mode: p.choice({
    label: 'Mode',
    default: 'a',
    options: [
      { value: 'a', label: 'A' },
      { value: 'b', label: 'B' },
    ],
  }),
  flag: p.boolean({ label: 'Flag', default: false, apply: 'live' }),
  weights: p.list({ label: 'Weights', default: [1, 2], item: { integer: false, min: 0, max: 10 }, maxLength: 4 }),
  vendors: p.table({
    label: 'Vendors',
    default: {
      nextId: 2,
      rows: [
        { id: 0, price: 50, name: 'V' },
        { id: 1, price: 60, name: 'W' },
      ],
    },
    columns: {
      price: p.float({ label: 'Price', min: 0, max: 100, default: 50 }),
      name: p.text({ label: 'Name', default: 'V' }),
    },
    maxRows: 3,
  }),
};

function errorsOf(input: unknown) {
  const r = validateParams(schema, input);
  if (r.ok) throw new Error('expected a validation failure');
  return r.errors;
}

describe('validateParams', () => {
  it('fills defaults for missing parameters', () => {
    const r = validateParams(schema, { count: 5 });
    expect(r).toEqual({ ok: true, value: { ...defaultParams(schema), count: 5 } });
  });

  it.each([
    ['NaN', { rate: NaN }, 'rate'],
    ['Infinity', { rate: Infinity }, 'rate'],
    ['-Infinity', { count: -Infinity }, 'count'],
    ['out of range above', { rate: 1.5 }, 'rate'],
    ['out of range below', { count: 0 }, 'count'],
    ['a non-integer count', { count: 2.5 }, 'count'],
    ['a number as text', { count: '5' }, 'count'],
    ['an unknown choice', { mode: 'c' }, 'mode'],
    ['a non-boolean switch', { flag: 1 }, 'flag'],
    ['an unknown key', { colour: 'red' }, 'colour'],
    ['a list item out of range', { weights: [1, 11] }, 'weights[1]'],
    ['a list too long', { weights: [1, 1, 1, 1, 1] }, 'weights'],
    ['a table cell out of range', { vendors: { nextId: 1, rows: [{ id: 0, price: -1 }] } }, 'vendors[0].price'],
    ['a duplicate row id', { vendors: { nextId: 2, rows: [{ id: 1 }, { id: 1 }] } }, 'vendors[1].id'],
    ['a row id not below nextId', { vendors: { nextId: 1, rows: [{ id: 1 }] } }, 'vendors[0].id'],
    ['an unknown column', { vendors: { nextId: 1, rows: [{ id: 0, colour: 1 }] } }, 'vendors[0].colour'],
    ['too many rows', { vendors: { nextId: 4, rows: [{ id: 0 }, { id: 1 }, { id: 2 }, { id: 3 }] } }, 'vendors'],
    [
      'a control character in a name',
      { vendors: { nextId: 1, rows: [{ id: 0, name: 'A\u0007B' }] } },
      'vendors[0].name',
    ],
    [
      'a bidirectional override in a name',
      { vendors: { nextId: 1, rows: [{ id: 0, name: 'A\u202EB' }] } },
      'vendors[0].name',
    ],
    [
      'a joiner at the end of a name',
      { vendors: { nextId: 1, rows: [{ id: 0, name: 'Cirrus\u200D' }] } },
      'vendors[0].name',
    ],
  ])('rejects %s with a message naming the field', (_, input, field) => {
    const errors = errorsOf(input);
    expect(errors.map((e) => e.field)).toContain(field);
    const error = errors.find((e) => e.field === field)!;
    expect(error.message.startsWith(`${field}:`)).toBe(true);
  });

  it('rejects __proto__ and constructor keys, also when nested in table rows', () => {
    const top = errorsOf(JSON.parse('{"__proto__": {"polluted": true}, "count": 3}'));
    expect(top).toContainEqual({ field: '__proto__', message: '__proto__: forbidden key' });
    const nested = errorsOf(JSON.parse('{"vendors": {"nextId": 1, "rows": [{"id": 0, "__proto__": {"x": 1}}]}}'));
    expect(nested.map((e) => e.field)).toContain('vendors[0].__proto__');
    expect(errorsOf({ constructor: 1 }).map((e) => e.field)).toContain('constructor');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects a non-object with one message', () => {
    expect(errorsOf([1, 2])).toEqual([{ field: 'params', message: 'params: must be an object, got a list' }]);
    expect(errorsOf(null)[0].field).toBe('params');
  });

  it('reports every problem, not only the first', () => {
    expect(errorsOf({ count: 0, rate: NaN, extra: 1 })).toHaveLength(3);
  });

  it('never throws and never accepts non-finite numbers, whatever the input', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withObjectString: true }), (input) => {
        const r = validateParams(schema, input);
        if (r.ok) {
          expect(Number.isFinite(r.value.count) && Number.isFinite(r.value.rate)).toBe(true);
        }
      }),
    );
  });

  it('accepts names whose script needs a zero-width joiner or non-joiner inside a word', () => {
    for (const name of ['می\u200Cخواهم', 'क्\u200Dष', '👩\u200D💻'])
      expect(validateParams(schema, { vendors: { nextId: 1, rows: [{ id: 0, name }] } }).ok).toBe(true);
  });

  it('accepts values within the valid range even beyond the slider range', () => {
    expect(validateParams(schema, { rate: 0.9 }).ok).toBe(true);
  });

  it('copies lists so that later mutation of the input cannot reach the params', () => {
    const weights = [3, 4];
    const r = validateParams(schema, { weights });
    weights[0] = 99;
    expect(r.ok && r.value.weights).toEqual([3, 4]);
  });
});

describe('parameter builders', () => {
  it('refuses a default outside the valid range and a slider range outside it', () => {
    expect(() => p.int({ label: 'X', min: 0, max: 5, default: 6 })).toThrow(/default/);
    expect(() => p.float({ label: 'X', min: 0, max: 5, uiMax: 6, default: 1 })).toThrow(/uiMax/);
  });
});

describe('cellMeaning', () => {
  const subject = p.int({
    label: 'Subject',
    min: -1,
    max: 99,
    default: -1,
    meaning: {
      by: 'kind',
      cases: { entry: { refersTo: 'vendors' }, shock: { labels: [{ value: -1, label: 'All' }] } },
    },
  });
  it('follows the column it depends on, and leaves values of other cases as plain numbers', () => {
    expect(cellMeaning(subject, { id: 0, kind: 'entry', subject: 2 })).toEqual({ refersTo: 'vendors' });
    expect(cellMeaning(subject, { id: 0, kind: 'shock', subject: -1 })?.labels).toEqual([{ value: -1, label: 'All' }]);
    expect(cellMeaning(subject, { id: 0, kind: 'demand', subject: -1 })).toBeUndefined();
    expect(cellMeaning(subject, { id: 0, kind: 'constructor', subject: -1 })).toBeUndefined();
  });
  it('is fixed when declared without a column, and absent for other kinds of cell', () => {
    const fixed = p.int({ label: 'Vendor', min: 0, max: 9, default: 0, meaning: { refersTo: 'vendors' } });
    expect(cellMeaning(fixed, { id: 0 })).toEqual({ refersTo: 'vendors' });
    expect(cellMeaning(p.int({ label: 'N', min: 0, max: 9, default: 0 }), { id: 0 })).toBeUndefined();
    expect(cellMeaning(p.text({ label: 'Name', default: 'x' }), { id: 0 })).toBeUndefined();
  });
});

describe('parseParamText', () => {
  it('parses each kind and refuses malformed text', () => {
    expect(parseParamText(schema.count, '42')).toEqual({ ok: true, value: 42 });
    expect(parseParamText(schema.count, '4.2').ok).toBe(false);
    expect(parseParamText(schema.count, '').ok).toBe(false);
    expect(parseParamText(schema.rate, '1e-3')).toEqual({ ok: true, value: 0.001 });
    expect(parseParamText(schema.rate, 'NaN').ok).toBe(false);
    expect(parseParamText(schema.rate, 'Infinity').ok).toBe(false);
    expect(parseParamText(schema.flag, 'on')).toEqual({ ok: true, value: true });
    expect(parseParamText(schema.flag, 'maybe').ok).toBe(false);
    expect(parseParamText(schema.weights, '1, 2.5')).toEqual({ ok: true, value: [1, 2.5] });
    expect(parseParamText(schema.vendors, '{').ok).toBe(false);
  });

  it('leaves range checks to the validator', () => {
    const parsed = parseParamText(schema.count, '1000');
    expect(parsed.ok && validateValue(schema.count, parsed.value, 'count').ok).toBe(false);
  });
});
