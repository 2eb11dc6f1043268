/** One parsed CSV record with the physical line it starts on (the header is line 1). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export type CsvResult = { ok: true; records: CsvRecord[] } | { ok: false; line: number; reason: string };

/**
 * Parses RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks; CRLF or LF; a UTF-8
 * BOM is dropped). Blank lines are skipped. Example: 'a,"b ""c"""\n' → [{ line: 1, cells: ['a', 'b "c"'] }].
 */
export function parseCsv(text: string): CsvResult {
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  while (i < src.length) {
    const startLine = line;
    const cells: string[] = [];
    let cell = '';
    let atRecordEnd = false;
    while (!atRecordEnd) {
      if (src[i] === '"') {
        i++;
        for (;;) {
          if (i >= src.length) return { ok: false, line: startLine, reason: 'a quoted cell is never closed' };
          const ch = src[i]!;
          if (ch === '"') {
            if (src[i + 1] === '"') {
              cell += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (ch === '\n') line++;
          cell += ch;
          i++;
        }
        const next = src[i];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
          return { ok: false, line, reason: 'text after a closing quote (a quote inside a cell must be doubled: "")' };
        }
      }
      while (i < src.length && src[i] !== ',' && src[i] !== '\n' && src[i] !== '\r') {
        cell += src[i];
        i++;
      }
      cells.push(cell);
      cell = '';
      if (src[i] === ',') {
        i++;
      } else {
        if (src[i] === '\r') i++;
        if (src[i] === '\n') i++;
        line++;
        atRecordEnd = true;
      }
    }
    if (!(cells.length === 1 && cells[0]!.trim() === '')) records.push({ line: startLine, cells });
  }
  return { ok: true, records };
}

/** Decodes uploaded bytes as UTF-8 (BOM tolerated); anything else is refused with a reason. */
export function decodeCsvBytes(bytes: Uint8Array): { ok: true; text: string } | { ok: false; reason: string } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    return { ok: true, text: new TextDecoder(encoding).decode(bytes) };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: 'the file is not UTF-8 text: save it as "CSV UTF-8" and try again' };
  }
}
