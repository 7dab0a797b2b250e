import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { decodeText, importLimits, readSpreadsheet } from '../../lib/import/read';
import { guessMapping } from '../../lib/import/rows';

/** A zip with one stored-deflated entry, its header claiming whatever size we like. */
function zipOf(name: string, data: Buffer, claimedSize = data.length): Uint8Array {
  const compressed = deflateRawSync(data);
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(0, 14); // crc (yauzl checks sizes, not the crc, before we stop it)
  local.writeUInt32LE(compressed.length, 18);
  local.writeUInt32LE(claimedSize, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(compressed.length, 20);
  central.writeUInt32LE(claimedSize, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  const localPart = Buffer.concat([local, nameBytes, compressed]);
  const centralPart = Buffer.concat([central, nameBytes]);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(centralPart.length, 12);
  end.writeUInt32LE(localPart.length, 16);
  return new Uint8Array(Buffer.concat([localPart, centralPart, end]));
}

describe('reading an uploaded spreadsheet', () => {
  it('refuses an empty file, a file over 5 MB and a file that is not a spreadsheet', async () => {
    expect(await readSpreadsheet(new Uint8Array())).toEqual({ ok: false, reason: 'empty' });
    expect(await readSpreadsheet(new Uint8Array(importLimits.bytes + 1).fill(65))).toEqual({
      ok: false,
      reason: 'tooLarge',
    });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(await readSpreadsheet(png)).toMatchObject({ ok: false, reason: 'notSpreadsheet' });
    // A zip that is not a workbook (a renamed .docx or archive).
    expect(await readSpreadsheet(zipOf('readme.txt', Buffer.from('hello')))).toMatchObject({
      ok: false,
      reason: 'notSpreadsheet',
    });
  });

  it('refuses a zip bomb renamed .xlsx, whether its sizes are honest or lie', async () => {
    const huge = Buffer.alloc(importLimits.unpackedBytes + 1024 * 1024);
    expect(await readSpreadsheet(zipOf('xl/workbook.xml', huge))).toEqual({
      ok: false,
      reason: 'unpackedTooLarge',
    });
    // The directory claims 100 bytes; the stream is stopped when it outgrows that.
    const lying = await readSpreadsheet(zipOf('xl/workbook.xml', huge, 100));
    expect(lying.ok).toBe(false);
  });

  it('reads UTF-8 with and without a byte-order mark and GB18030; refuses UTF-16 and unknown bytes', () => {
    const text = '媒体,国家\n星岛日报,MY\n';
    const utf8 = new TextEncoder().encode(text);
    expect(decodeText(utf8)).toMatchObject({ ok: true, encoding: 'utf-8', text });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toMatchObject({
      ok: true,
      text,
    });
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x41, 0]))).toMatchObject({ ok: false });
    // Latin-1 "é," is neither UTF-8 nor GB18030.
    expect(decodeText(new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x2c, 0x31]))).toEqual({
      ok: false,
      reason: 'unknownEncoding',
    });
  });

  it('reads an XLSX by content, with rows numbered as the sheet shows them', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.addRow(['中文名称', 'English name', 'Country', 'Media type']);
    ws.addRow([]);
    ws.addRow(['星岛日报', 'Sing Tao Daily', 'MY', 'newspaper']);
    const read = await readSpreadsheet(new Uint8Array(await wb.xlsx.writeBuffer()));
    if (!read.ok) throw new Error(read.reason);
    expect(read.table.rows).toEqual([
      { row: 3, cells: ['星岛日报', 'Sing Tao Daily', 'MY', 'newspaper'] },
    ]);
    expect(guessMapping('outlets', read.table.header)).toEqual({
      nameZh: '中文名称',
      nameEn: 'English name',
      country: 'Country',
      mediaType: 'Media type',
    });
  });

  it('refuses more than 5,000 rows', async () => {
    const csv = `name\n${'a\n'.repeat(importLimits.rows + 1)}`;
    expect(await readSpreadsheet(new TextEncoder().encode(csv))).toEqual({
      ok: false,
      reason: 'tooManyRows',
    });
  });
});
