import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, textCell } from '../../src/core/csv';

describe('the CSV writer', () => {
  it('makes text cells safe in a spreadsheet', () => {
    expect(textCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(textCell('+1')).toBe("'+1");
    expect(textCell('@sum')).toBe("'@sum");
    expect(textCell('a\nb')).toBe('a b');
    expect(textCell('profit')).toBe('profit');
  });

  it('writes numbers and booleans as they are, null as an empty cell, and only text is made safe', () => {
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell(1e-7)).toBe('1e-7');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(null)).toBe('');
    expect(csvCell('-2')).toBe("'-2");
    expect(csvLine(['run', 3, null, 'a,b', false])).toBe('run,3,,"a,b",false');
  });
});
