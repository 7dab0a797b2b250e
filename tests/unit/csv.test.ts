import { describe, expect, it } from 'vitest';
import { csvField, toCsv, utf8Bom } from '../../lib/csv';

describe('CSV fields', () => {
  it('leaves plain text alone, Chinese included', () => {
    expect(csvField('Wang Ming')).toBe('Wang Ming');
    expect(csvField('王明')).toBe('王明');
    expect(csvField('abcd-EFGH-2345-jkmn')).toBe('abcd-EFGH-2345-jkmn');
    expect(csvField(42)).toBe('42');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField('')).toBe('');
  });

  it('quotes commas, quotes and line breaks, doubling the quotes', () => {
    expect(csvField('Chua, Bun Hua')).toBe('"Chua, Bun Hua"');
    expect(csvField('The "Daily"')).toBe('"The ""Daily"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r\nlf')).toBe('"cr\r\nlf"');
    expect(csvField('"')).toBe('""""');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('+61 2 1234')).toBe("'+61 2 1234");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(-1)).toBe('-1'); // a number is a number
    expect(csvField('a=b')).toBe('a=b');
  });
});

describe('CSV files', () => {
  it('starts with a byte-order mark and ends every row with CRLF', () => {
    const csv = toCsv([
      ['Name', 'Outlet', 'Password'],
      ['李春梅', '仰光之声, Yangon', 'abcd-efgh'],
    ]);
    expect(csv.startsWith(utf8Bom)).toBe(true);
    expect(csv).toBe(`${utf8Bom}Name,Outlet,Password\r\n李春梅,"仰光之声, Yangon",abcd-efgh\r\n`);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('can leave out the mark and keeps empty cells', () => {
    expect(toCsv([['a', null, 'c']], { bom: false })).toBe('a,,c\r\n');
  });

  it('round-trips through a strict reader', () => {
    const rows = [
      ['x,y', 'say "hi"', 'multi\nline', '普通话'],
      ['', 'plain', ' spaced ', 'end'],
    ];
    expect(parse(toCsv(rows, { bom: false }))).toEqual(rows);
  });
});

// A small RFC 4180 reader, to check the writer against an independent implementation.
function parse(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}
