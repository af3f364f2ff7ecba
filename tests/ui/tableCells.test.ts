import { describe, expect, it } from 'vitest';
import { cellMeaning, defaultParams, type TableSpec, type TableValue } from '../../src/core/params';
import { findModel, MODELS } from '../../src/models/registry';
import { meaningOptions } from '../../src/ui/tableCells';

const market = findModel('cloud-market')!;
const params = defaultParams(market.params);
const events = market.params.events as TableSpec;
const labels = (kind: string, column: string, value: number) =>
  meaningOptions(cellMeaning(events.columns[column], { id: 0, kind })!, params, value).map((o) => o.label);

describe('the events table names what its numbers stand for', () => {
  it('offers vendors by name for a vendor entry, a policy change and a target', () => {
    const vendors = (params.vendors as TableValue).rows.map((r) => r.name);
    expect(vendors).toContain('Cirrus');
    for (const kind of ['vendor-entry', 'policy-change', 'target']) expect(labels(kind, 'subject', 0)).toEqual(vendors);
    expect(labels('target', 'object', -1)).toEqual(['None', ...vendors]);
  });

  it('offers the suppliers, or all of them, for a supply shock', () => {
    expect(labels('supply-shock', 'subject', -1)).toEqual(['All suppliers', 'Foundry', 'Direct OEM']);
  });

  it('names the group policies of a policy change in words', () => {
    expect(labels('policy-change', 'magnitude', 1)).toEqual(['Expand', 'Balanced', 'Profit first']);
    expect(cellMeaning(events.columns.magnitude, { id: 0, kind: 'supply-shock' })).toBeUndefined();
  });

  it('keeps offering a stored value that names no row, as itself', () => {
    expect(labels('vendor-entry', 'subject', 42).at(-1)).toBe('#42 (no such row)');
    expect(labels('vendor-entry', 'subject', -1).at(-1)).toBe('(none chosen)');
    expect(labels('policy-change', 'magnitude', 0.5).at(-1)).toBe('0.5');
  });
});

describe('every model', () => {
  it('refers only to table parameters of its own', () => {
    for (const model of MODELS)
      for (const spec of Object.values(model.params)) {
        if (spec.kind !== 'table') continue;
        for (const cell of Object.values(spec.columns)) {
          if (cell.kind !== 'int' && cell.kind !== 'float') continue;
          const meanings = cell.meaning && 'by' in cell.meaning ? Object.values(cell.meaning.cases) : [cell.meaning];
          for (const m of meanings)
            if (m?.refersTo) expect(model.params[m.refersTo]?.kind, `${model.id}: ${m.refersTo}`).toBe('table');
        }
      }
  });
});
