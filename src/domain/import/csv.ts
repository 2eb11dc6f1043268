import { problemWords, type ProblemWords } from './problems.ts';

/** One parsed CSV record with the physical line it starts on (the header is line 1). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export type CsvResult = { ok: true; records: CsvRecord[] } | ({ ok: false; line: number } & ProblemWords);

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
          if (i >= src.length) return { ok: false, line: startLine, ...problemWords('quote-not-closed') };
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
          return { ok: false, line, ...problemWords('text-after-quote') };
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

/**
 * UTF-16 without a byte-order mark, as some exporters write it: a CSV header is mostly ASCII, so one byte of
 * each pair is zero. Looks at the first 512 pairs; null when the bytes do not look like UTF-16.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.min(512, Math.floor(bytes.length / 2));
  if (pairs < 2) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) evenZero++;
    if (bytes[2 * i + 1] === 0) oddZero++;
  }
  if (oddZero >= pairs * 0.6 && evenZero === 0) return 'utf-16le';
  if (evenZero >= pairs * 0.6 && oddZero === 0) return 'utf-16be';
  return null;
}

/**
 * Decodes uploaded bytes: UTF-8 (BOM tolerated), or UTF-16 (with a BOM, or recognised without one); anything
 * else (a legacy code page such as Windows-1258, or binary) is refused with a reason saying what to do.
 */
export function decodeCsvBytes(bytes: Uint8Array): { ok: true; text: string } | ({ ok: false } & ProblemWords) {
  const utf16 =
    bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : utf16WithoutBom(bytes);
  if (utf16) {
    try {
      return { ok: true, text: new TextDecoder(utf16, { fatal: true }).decode(bytes) };
    } catch {
      return { ok: false, ...problemWords('utf16-damaged') };
    }
  }
  if (bytes.includes(0)) return { ok: false, ...problemWords('not-text') };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, ...problemWords('not-utf8') };
  }
}
