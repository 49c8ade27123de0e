import { describe, expect, it } from 'vitest';
import { detectSeparator, readCsv } from '../../../main/core/business/csv-read';

const cells = (text: string) => readCsv(text).map((r) => r.cells);

describe('CSV reader', () => {
  it('reads commas, a last line without a break, and keeps empty cells', () => {
    expect(cells('ip,customer\n1.2.3.4,Ana\n5.6.7.8,')).toEqual([
      ['ip', 'customer'],
      ['1.2.3.4', 'Ana'],
      ['5.6.7.8', ''],
    ]);
  });

  it("uses semicolons when the first line does (Excel's European export)", () => {
    expect(detectSeparator('ip;customer;price\n')).toBe(';');
    expect(detectSeparator('"a;b",c\n')).toBe(',');
    expect(cells('ip;customer;price\r\n1.2.3.4;Ana;12,50\r\n')).toEqual([
      ['ip', 'customer', 'price'],
      ['1.2.3.4', 'Ana', '12,50'],
    ]);
  });

  it('reads quoted fields: separators, "" and line breaks inside, with the line numbers of the file', () => {
    const rows = readCsv('id,customer\n"o-1","Smith, ""Jo"""\n"o-2","two\r\nlines"\no-3,Bo\n');
    expect(rows.map((r) => r.cells)).toEqual([
      ['id', 'customer'],
      ['o-1', 'Smith, "Jo"'],
      ['o-2', 'two\r\nlines'],
      ['o-3', 'Bo'],
    ]);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3, 5]);
    expect(rows[1]!.text).toBe('"o-1","Smith, ""Jo"""');
  });

  it('drops a UTF-8 BOM and reads CRLF and lone CR line ends', () => {
    expect(cells('\uFEFFip,customer\r\n1.1.1.1,Ana\r2.2.2.2,Bo')).toEqual([
      ['ip', 'customer'],
      ['1.1.1.1', 'Ana'],
      ['2.2.2.2', 'Bo'],
    ]);
  });

  it('keeps a stray quote inside an unquoted field as text; a quote after spaces still opens a field', () => {
    expect(cells('5" screen,Ana\n  "x, y" ,Bo')).toEqual([
      ['5" screen', 'Ana'],
      ['x, y ', 'Bo'],
    ]);
  });

  it('an empty file has no rows; blank lines are rows of one empty cell', () => {
    expect(cells('')).toEqual([]);
    expect(cells('a\n\nb\n')).toEqual([['a'], [''], ['b']]);
  });
});
