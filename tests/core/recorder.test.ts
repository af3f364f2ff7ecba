import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { packRows, ReporterLog, reporterLogCsv } from '../../src/core/recorder';

describe('ReporterLog', () => {
  it('keeps every row across growth, with null and missing values as NaN', () => {
    const log = new ReporterLog(['a', 'b']);
    for (let t = 0; t < 300; t++) log.add(t, t % 3 === 0 ? { a: t * 2, b: null } : { a: t * 2 });
    expect(log.length).toBe(300);
    expect(log.tickColumn()[299]).toBe(299);
    expect(log.column('a')[150]).toBe(300);
    expect(Number.isNaN(log.column('b')[0])).toBe(true);
    expect(Number.isNaN(log.column('b')[1])).toBe(true);
    expect(() => log.column('c')).toThrow(/no reporter/);
  });

  it('samples at most maxPoints increasing indices, keeping the first and the last', () => {
    fc.assert(
      fc.property(fc.nat(2000), fc.integer({ min: 2, max: 500 }), (n, maxPoints) => {
        const log = new ReporterLog(['a']);
        for (let t = 0; t < n; t++) log.add(t, { a: t });
        const idx = log.sampleIndices(maxPoints);
        expect(idx.length).toBe(Math.min(n, maxPoints));
        if (n > 0) {
          expect(idx[0]).toBe(0);
          expect(idx[idx.length - 1]).toBe(n - 1);
        }
        for (let i = 1; i < idx.length; i++) expect(idx[i]).toBeGreaterThan(idx[i - 1]);
      }),
    );
  });
});

describe('packRows and addPacked', () => {
  it('give the log the same columns as adding the rows one by one (property)', () => {
    const value = fc.oneof(fc.double({ noNaN: true }), fc.constant(null));
    const row = fc.record({ a: value, b: value, c: value });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 200 }), fc.shuffledSubarray(['a', 'b', 'c', 'd']), (values, names) => {
        const rows = values.map((v, i) => ({ tick: i * 3, values: v }));
        const oneByOne = new ReporterLog(names);
        for (const r of rows) oneByOne.add(r.tick, r.values);
        const packed = new ReporterLog(names);
        packed.addPacked(packRows(rows));
        expect(packed.length).toBe(rows.length);
        expect(Array.from(packed.tickColumn())).toEqual(Array.from(oneByOne.tickColumn()));
        // Reporters in another order than the rows', and one ('d') the rows lack: NaN.
        for (const name of names) expect(Array.from(packed.column(name))).toEqual(Array.from(oneByOne.column(name)));
      }),
    );
  });

  it('packs no rows into empty arrays', () => {
    expect(packRows([])).toEqual({ names: [], ticks: new Float64Array(0), values: new Float64Array(0) });
  });
});

describe('reporterLogCsv', () => {
  it('writes a header and one row per tick, no value as an empty cell', () => {
    const log = new ReporterLog(['a', 'b']);
    log.add(0, { a: 1.5, b: null });
    log.add(1, { a: -2, b: 3 });
    expect(reporterLogCsv(log)).toBe('tick,a,b\n0,1.5,\n1,-2,3\n');
  });

  it('writes reporter names through the same cell writer as the results: quoted, never a formula', () => {
    const log = new ReporterLog(['share, %', '=cost']);
    log.add(0, { 'share, %': 0.5, '=cost': 2 });
    expect(reporterLogCsv(log)).toBe(`tick,"share, %",'=cost\n0,0.5,2\n`);
  });
});
