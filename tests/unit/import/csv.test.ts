import { describe, expect, it } from 'vitest';
import { decodeCsvBytes, parseCsv } from '#domain/import/csv.ts';

describe('parseCsv', () => {
  it('reads quoted cells with commas, doubled quotes and line breaks', () => {
    const result = parseCsv('a,b\n"x, y","say ""hi"""\n"two\nlines",z\n');
    expect(result).toEqual({
      ok: true,
      records: [
        { line: 1, cells: ['a', 'b'] },
        { line: 2, cells: ['x, y', 'say "hi"'] },
        { line: 3, cells: ['two\nlines', 'z'] },
      ],
    });
  });

  it('counts physical lines, so the row after a multi-line cell has the right number', () => {
    const result = parseCsv('h\n"1\n2\n3"\nnext\n');
    expect(result.ok && result.records.map((r) => r.line)).toEqual([1, 2, 5]);
  });

  it('drops a BOM, accepts CRLF and skips blank lines', () => {
    const result = parseCsv('\uFEFFTên sản phẩm,Năm\r\n\r\nTrà,2023\r\n');
    expect(result.ok && result.records).toEqual([
      { line: 1, cells: ['Tên sản phẩm', 'Năm'] },
      { line: 3, cells: ['Trà', '2023'] },
    ]);
  });

  it('keeps empty cells', () => {
    const result = parseCsv('a,,c\n');
    expect(result.ok && result.records[0]?.cells).toEqual(['a', '', 'c']);
  });

  it('reports a quote that is never closed with its line', () => {
    expect(parseCsv('a\n"open\nstill open')).toEqual({
      ok: false,
      line: 2,
      code: 'quote-not-closed',
      reason: 'a quoted cell is never closed',
      vi: 'một ô mở ngoặc kép mà không đóng',
    });
  });

  it('reports text after a closing quote', () => {
    const result = parseCsv('a\n"x"y,z\n');
    expect(result.ok).toBe(false);
  });

  it('reads an empty file as no records', () => {
    expect(parseCsv('')).toEqual({ ok: true, records: [] });
  });
});

describe('decodeCsvBytes', () => {
  it('decodes UTF-8 with Vietnamese text', () => {
    expect(decodeCsvBytes(new TextEncoder().encode('Đồng Tháp'))).toEqual({ ok: true, text: 'Đồng Tháp' });
  });

  it('decodes UTF-16 with a byte-order mark', () => {
    const body = 'Huế';
    const bytes = new Uint8Array(2 + body.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < body.length; i++) {
      bytes[2 + i * 2] = body.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = body.charCodeAt(i) >> 8;
    }
    expect(decodeCsvBytes(bytes)).toEqual({ ok: true, text: 'Huế' });
  });

  it('recognises UTF-16 without a byte-order mark, either byte order', () => {
    const text = 'product_name,province\nChè Thái,Thái Nguyên\n';
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    expect(decodeCsvBytes(le)).toEqual({ ok: true, text });
    expect(decodeCsvBytes(be)).toEqual({ ok: true, text });
  });

  it('refuses binary bytes and broken UTF-16 with a reason', () => {
    expect(decodeCsvBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x1a, 0x0a]))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('not text') as unknown,
    });
    const broken = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('ab', 'utf16le'), Buffer.from([0x00, 0xd8])]);
    expect(decodeCsvBytes(broken)).toMatchObject({ ok: false, reason: expect.stringContaining('UTF-16') as unknown });
  });

  it('refuses bytes that are not UTF-8, such as a Windows-1258 file', () => {
    const result = decodeCsvBytes(new Uint8Array([0x54, 0x72, 0xe0, 0x0a]));
    expect(result.ok).toBe(false);
  });
});
