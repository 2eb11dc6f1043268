/**
 * One modification time for every entry of a ZIP archive (an XLSX workbook is one). exceljs (through JSZip)
 * stamps each entry with the moment it was written, so two builds of the same data made a second apart gave
 * different workbooks: a release could not be proved equal to another build, nor share an unchanged file with
 * the release before (#19.2, #19.4). The times are rewritten in place, in the central directory and in each
 * local header it points to; sizes and contents are untouched.
 */

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/** A date as MS-DOS time and date words, in UTC, to two seconds: 2026-12-07T09:54:23Z → [0x4ECB, 0x5D87]. */
export function dosDateTime(date: Date): [time: number, day: number] {
  const year = Math.min(Math.max(date.getUTCFullYear(), 1980), 2107);
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2);
  const day = ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  return [time, day];
}

/** A copy of `zip` whose every entry carries `date`; throws when the bytes are not a ZIP archive it can read. */
export function stampZipEntries(zip: Uint8Array, date: Date): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(zip);
  const view = new DataView(bytes.buffer);
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--)
    if (view.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) {
      end = at;
      break;
    }
  if (end < 0) throw new Error('not a ZIP archive: no end of central directory');
  const [time, day] = dosDateTime(date);
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < entries; i++) {
    if (view.getUint32(at, true) !== CENTRAL_ENTRY) throw new Error(`not a ZIP archive: entry ${i} of the central directory`);
    view.setUint16(at + 12, time, true);
    view.setUint16(at + 14, day, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== LOCAL_HEADER) throw new Error(`not a ZIP archive: local header of entry ${i}`);
    view.setUint16(local + 10, time, true);
    view.setUint16(local + 12, day, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return bytes;
}
