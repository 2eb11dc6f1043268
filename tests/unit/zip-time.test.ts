import { describe, expect, it } from 'vitest';
import { dosDateTime, stampZipEntries } from '#domain/zip-time.ts';
import { makeZip } from '../support/zip.ts';

/** Every entry's [time, date] words, from the central directory and from the local header it points to. */
function entryTimes(zip: Uint8Array): [number, number][] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  const times: [number, number][] = [];
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < view.getUint16(end + 10, true); i++) {
    const local = view.getUint32(at + 42, true);
    times.push([view.getUint16(at + 12, true), view.getUint16(at + 14, true)]);
    times.push([view.getUint16(local + 10, true), view.getUint16(local + 12, true)]);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return times;
}

const archive = () =>
  makeZip([
    { name: 'xl/worksheets/sheet1.xml', data: '<sheetData><row><c t="inlineStr"><is><t>Trà Ô Long</t></is></c></row></sheetData>' },
    { name: 'docProps/core.xml', data: '<cp:coreProperties/>', deflate: false },
    { name: 'Nước mắm.txt', data: 'Phú Quốc' },
  ]);

describe('dosDateTime', () => {
  it('packs a UTC moment into MS-DOS words, to two seconds', () => {
    expect(dosDateTime(new Date('2026-12-07T09:54:23Z'))).toEqual([(9 << 11) | (54 << 5) | 11, (46 << 9) | (12 << 5) | 7]);
  });

  it('clamps years before 1980 to 1980', () => {
    expect(dosDateTime(new Date('1970-01-01T00:00:00Z'))[1] >> 9).toBe(0);
  });
});

describe('stampZipEntries', () => {
  it('gives every entry the same time, in the central directory and the local headers', () => {
    const date = new Date('2026-12-07T09:54:23Z');
    const stamped = stampZipEntries(archive(), date);
    expect(entryTimes(stamped)).toEqual(Array.from({ length: 6 }, () => dosDateTime(date)));
  });

  it('changes nothing but the times', () => {
    const original = archive();
    const stamped = stampZipEntries(original, new Date('2025-07-01T00:00:00Z'));
    expect(stamped.length).toBe(original.length);
    const differing = [...stamped.keys()].filter((i) => stamped[i] !== original[i]);
    // At most four bytes per header: three local headers and three central entries.
    expect(differing.length).toBeLessThanOrEqual(24);
    expect(stampZipEntries(stamped, new Date('2026-12-07T09:54:23Z'))).not.toEqual(stamped);
  });

  it('makes two archives written at different moments identical', () => {
    const date = new Date('2026-12-07T09:54:23Z');
    const a = archive();
    const b = Buffer.from(a);
    // The same archive written two seconds later: only its times differ.
    b.writeUInt16LE(b.readUInt16LE(10) + 1, 10);
    expect(Buffer.from(stampZipEntries(b, date)).equals(Buffer.from(stampZipEntries(a, date)))).toBe(true);
  });

  it('refuses bytes that are not a ZIP archive', () => {
    expect(() => stampZipEntries(new TextEncoder().encode('Tên sản phẩm,Năm\nTrà Ô Long,2021\n'), new Date())).toThrow(/not a ZIP archive/);
  });
});
