/**
 * R19: an XLSX file is a ZIP archive, checked from its central directory before any parser inflates a
 * byte of it. A zip bomb named `.xlsx` (a few KB that inflate to gigabytes), an archive with thousands of
 * entries, an encrypted or ZIP64 archive, and entries with paths that climb out (`../`) are refused here,
 * with a reason staff can act on. The sizes are what the archive *declares*; src/server/xlsx.ts then
 * inflates each entry with an output cap of exactly that size, so an archive that lies is refused too.
 */

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the entry's local header. */
  localHeaderOffset: number;
}

export interface ZipLimits {
  /** Entries in the archive (an XLSX from Excel or LibreOffice has 10–30). */
  maxEntries: number;
  /** Sum of the declared uncompressed sizes. */
  maxTotalUncompressed: number;
  /** Uncompressed ÷ compressed, per entry (worse than this is a bomb, not a spreadsheet). */
  maxRatio: number;
}

export const XLSX_LIMITS: ZipLimits = { maxEntries: 500, maxTotalUncompressed: 200 * 1024 * 1024, maxRatio: 100 };

export type ZipCheck = { ok: true; entries: ZipEntry[] } | { ok: false; reason: string };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const STORED = 0;
const DEFLATED = 8;
/** Below this many bytes an entry's ratio says nothing (a 10-byte file inflating to 2 KB is normal). */
const RATIO_FLOOR = 64 * 1024;

const fail = (reason: string): ZipCheck => ({ ok: false, reason });

/** Reads the central directory and applies the limits; never inflates anything. */
export function checkZip(bytes: Uint8Array, limits: ZipLimits = XLSX_LIMITS): ZipCheck {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 22 || view.getUint32(0, true) !== 0x04034b50) return fail('the file is not an Excel workbook (.xlsx)');
  // The end-of-central-directory record: the last 22 bytes, or earlier when a comment follows it.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return fail('the workbook is damaged (no end of archive): save it again from Excel');
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff)
    return fail('the workbook is too large (ZIP64 archives are not accepted)');
  if (count > limits.maxEntries) return fail(`the workbook holds ${count} parts; at most ${limits.maxEntries} are accepted`);
  if (offset + size > eocd) return fail('the workbook is damaged (its directory lies outside the file)');
  const entries: ZipEntry[] = [];
  let total = 0;
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== CENTRAL) return fail('the workbook is damaged (a broken directory entry)');
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const uncompressedSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localHeaderOffset = view.getUint32(at + 42, true);
    const name = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
    if (flags & 0x1) return fail('the workbook is encrypted: remove the password in Excel and try again');
    if (method !== STORED && method !== DEFLATED) return fail(`the workbook uses an unsupported compression (method ${method})`);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff)
      return fail('the workbook is too large (ZIP64 archives are not accepted)');
    if (name.startsWith('/') || name.includes('\\') || name.split('/').includes('..'))
      return fail(`the workbook holds a part with an unsafe path (${name})`);
    if (localHeaderOffset >= offset) return fail('the workbook is damaged (a part lies outside the file)');
    if (uncompressedSize > RATIO_FLOOR && uncompressedSize > compressedSize * limits.maxRatio)
      return fail(
        `the workbook part ${name} inflates ${Math.round(uncompressedSize / Math.max(1, compressedSize))} times: refused as a zip bomb`,
      );
    total += uncompressedSize;
    if (total > limits.maxTotalUncompressed)
      return fail(
        `the workbook unpacks to more than ${Math.round(limits.maxTotalUncompressed / 1048576)} MB: split the list into smaller files`,
      );
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
  }
  return { ok: true, entries };
}
