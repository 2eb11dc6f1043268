import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkZip, XLSX_LIMITS } from '#domain/import/zip-check.ts';
import { makeZip } from '../../support/zip.ts';

/** A refusal whose reason mentions `text`. */
const refused = (text: string) => ({ ok: false, reason: expect.stringContaining(text) as unknown });

const sheet =
  '<worksheet><sheetData>' + '<row><c t="inlineStr"><is><t>Chè Shan tuyết</t></is></c></row>'.repeat(200) + '</sheetData></worksheet>';

describe('checkZip (R19: before any parser inflates a byte)', () => {
  it('accepts a small workbook-shaped archive and lists its parts', () => {
    const zip = makeZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'xl/workbook.xml', data: '<workbook/>' },
      { name: 'xl/worksheets/sheet1.xml', data: sheet },
    ]);
    const result = checkZip(zip);
    expect(result.ok).toBe(true);
    expect(result.ok && result.entries.map((e) => e.name)).toEqual(['[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
  });

  it('refuses a zip bomb by its ratio: 50 MB of zeros in a few KB', () => {
    const zip = makeZip([{ name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(50 * 1024 * 1024) }]);
    expect(zip.length).toBeLessThan(100 * 1024);
    expect(checkZip(zip)).toMatchObject(refused('zip bomb'));
  });

  it('refuses an archive that unpacks to more than the total limit, even at a sane ratio', () => {
    const zip = makeZip([{ name: 'a.xml', data: 'x', deflate: false, declaredSize: 1 }]);
    expect(checkZip(zip, { ...XLSX_LIMITS, maxTotalUncompressed: 0 })).toMatchObject(refused('unpacks to more than'));
  });

  it('refuses too many parts, encryption, unsafe paths and other compression methods', () => {
    const many = makeZip(Array.from({ length: 501 }, (_, i) => ({ name: `p${i}.xml`, data: 'x' })));
    expect(checkZip(many)).toMatchObject(refused('501 parts'));
    expect(checkZip(makeZip([{ name: 'a.xml', data: 'x', encrypted: true }]))).toMatchObject(refused('encrypted'));
    expect(checkZip(makeZip([{ name: '../../etc/passwd', data: 'x' }]))).toMatchObject(refused('unsafe path'));
    expect(checkZip(makeZip([{ name: '/abs.xml', data: 'x' }]))).toMatchObject(refused('unsafe path'));
    const other = makeZip([{ name: 'a.xml', data: 'x', deflate: false }]);
    other.writeUInt16LE(12, other.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 10); // bzip2
    expect(checkZip(other)).toMatchObject(refused('method 12'));
  });

  it('refuses what is not an archive, and archives cut short or with a broken directory', () => {
    expect(checkZip(Buffer.from('product_name,province\nChè,Thái Nguyên\n'))).toMatchObject(refused('not an Excel workbook'));
    expect(checkZip(new Uint8Array(0))).toMatchObject({ ok: false });
    const zip = makeZip([{ name: 'xl/workbook.xml', data: '<workbook/>' }]);
    expect(checkZip(zip.subarray(0, zip.length - 30))).toMatchObject(refused('damaged'));
    const broken = Buffer.from(zip);
    broken.writeUInt32LE(0xdeadbeef, broken.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])));
    expect(checkZip(broken)).toMatchObject(refused('damaged'));
  });

  it('never throws, whatever the bytes (fast-check: mutated archives and arbitrary bytes)', () => {
    const zip = makeZip([{ name: 'xl/workbook.xml', data: sheet }]);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(zip.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        (changes) => {
          const mutated = Buffer.from(zip);
          for (const [at, value] of changes) mutated[at] = value;
          const result = checkZip(mutated);
          expect(typeof result.ok).toBe('boolean');
        },
      ),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
        expect(() => checkZip(bytes)).not.toThrow();
      }),
    );
  });
});
