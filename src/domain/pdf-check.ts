/**
 * Is an uploaded file a PDF we can serve to the public (issue #16: a decision's document)? Checked by
 * content, never by name or declared type: the `%PDF-` header, the `%%EOF` end marker and a `startxref`
 * that points at a cross-reference table or stream; and no active content. Files that carry JavaScript,
 * actions that run on opening or on events, launched programs, embedded files, rich media or XFA forms
 * are refused, not stripped (decision 024): rewriting a PDF safely needs a full PDF library, and a staff
 * member can always print the decision to a clean PDF again.
 *
 * Actions and their triggers live in dictionaries, and dictionaries live either in the file's plain
 * objects or inside object streams (PDF 1.5), which are usually Flate-compressed. So the plain objects are
 * scanned (skipping string literals, comments and stream data, where a name means nothing), and every
 * object stream is inflated, with a size cap, and scanned the same way. Content streams, images and fonts
 * are never parsed as objects by a reader, so their bytes are not looked at (random image bytes would
 * otherwise look like "/JS" now and then). Names are compared after decoding `#xx` escapes ("/J#53" is
 * "/JS"). An object stream compressed in a way we cannot undo here, and an encrypted file (whose object
 * streams we cannot read), are refused as unchecked.
 */
import { inflateSync } from 'node:zlib';

/** The largest document accepted: 20 MB, enough for a scanned decision of a few dozen pages. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
/** One object stream inflates to at most this (they hold dictionaries, not pictures); more is refused as a bomb. */
export const MAX_INFLATED_BYTES = 16 * 1024 * 1024;
/** All object streams of a file together inflate to at most this. */
export const MAX_INFLATED_TOTAL = 64 * 1024 * 1024;

/** Names whose presence makes a PDF active: scripts, automatic or event actions, programs, attachments. */
export const ACTIVE_NAMES: ReadonlySet<string> = new Set([
  'JS',
  'JavaScript',
  'OpenAction',
  'AA',
  'Launch',
  'EmbeddedFile',
  'EmbeddedFiles',
  'RichMedia',
  'XFA',
]);

export type PdfRefusal =
  'empty' | 'too-large' | 'not-pdf' | 'truncated' | 'malformed' | 'encrypted' | 'active-content' | 'unchecked-stream';

export type PdfCheck = { ok: true; version: string } | { ok: false; reason: PdfRefusal; detail?: string };

export const PDF_STATUS: Record<PdfRefusal, 413 | 415 | 422> = {
  empty: 422,
  'too-large': 413,
  'not-pdf': 415,
  truncated: 422,
  malformed: 422,
  encrypted: 422,
  'active-content': 422,
  'unchecked-stream': 422,
};

const MB = MAX_DOCUMENT_BYTES / 1024 / 1024;
export const PDF_MESSAGES: Record<PdfRefusal, { vi: string; en: string }> = {
  empty: { vi: 'Chưa chọn tệp, hoặc tệp rỗng.', en: 'No file was chosen, or it is empty.' },
  'too-large': { vi: `Tệp lớn hơn ${MB} MB.`, en: `The file is larger than ${MB} MB.` },
  'not-pdf': { vi: 'Tệp không phải PDF (chỉ nhận văn bản PDF).', en: 'The file is not a PDF (only PDF documents are accepted).' },
  truncated: {
    vi: 'Tệp PDF bị cắt cụt (thiếu phần kết thúc); hãy tải lên lại bản đầy đủ.',
    en: 'The PDF is cut short (its end is missing); upload the complete file again.',
  },
  malformed: {
    vi: 'Cấu trúc tệp PDF bị hỏng; hãy lưu hoặc in lại thành PDF rồi tải lên.',
    en: 'The PDF’s structure is damaged; save or print it to PDF again and upload that.',
  },
  encrypted: {
    vi: 'Tệp PDF được mã hoá hoặc đặt mật khẩu nên không kiểm tra được; hãy in lại thành PDF không mã hoá.',
    en: 'The PDF is encrypted or password-protected, so it cannot be checked; print it to an unencrypted PDF.',
  },
  'active-content': {
    vi: 'Tệp PDF chứa mã JavaScript, hành động tự chạy hoặc tệp đính kèm; hãy in lại thành PDF thường rồi tải lên.',
    en: 'The PDF contains JavaScript, automatic actions or attachments; print it to a plain PDF and upload that.',
  },
  'unchecked-stream': {
    vi: 'Tệp PDF có phần nén không kiểm tra được; hãy in lại thành PDF rồi tải lên.',
    en: 'Part of the PDF is compressed in a way that cannot be checked; print it to PDF again and upload that.',
  },
};

type Token = { kind: 'name'; value: string } | { kind: 'number'; value: number } | { kind: 'open' | 'close' | 'other'; value: string };

interface StreamPart {
  /** The tokens of the object before the `stream` keyword: its dictionary. */
  dict: Token[];
  start: number;
  end: number;
}

interface Scan {
  active: string | null;
  encrypted: boolean;
  objects: number;
  streams: StreamPart[];
  malformed: boolean;
}

const isWhite = (c: number) => c === 0 || c === 9 || c === 10 || c === 12 || c === 13 || c === 32;
/** ( ) < > [ ] { } / % */
const isDelimiter = (c: number) =>
  c === 40 || c === 41 || c === 60 || c === 62 || c === 91 || c === 93 || c === 123 || c === 125 || c === 47 || c === 37;
const decodeName = (raw: string) => raw.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** Walks PDF syntax in `s`, noting names outside strings, comments and stream data, and where streams are. */
function scan(s: string): Scan {
  const out: Scan = { active: null, encrypted: false, objects: 0, streams: [], malformed: false };
  let tokens: Token[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (isWhite(c)) i++;
    else if (c === 37 /* % */) {
      while (i < n && s.charCodeAt(i) !== 10 && s.charCodeAt(i) !== 13) i++;
    } else if (c === 40 /* ( */) {
      let depth = 1;
      i++;
      while (i < n && depth > 0) {
        const d = s.charCodeAt(i);
        if (d === 92 /* \ */) i++;
        else if (d === 40) depth++;
        else if (d === 41) depth--;
        i++;
      }
      if (depth > 0) out.malformed = true;
      tokens.push({ kind: 'other', value: '()' });
    } else if (c === 60 /* < */) {
      if (s.charCodeAt(i + 1) === 60) {
        tokens.push({ kind: 'open', value: '<<' });
        i += 2;
      } else {
        const close = s.indexOf('>', i);
        if (close < 0) out.malformed = true;
        i = close < 0 ? n : close + 1;
        tokens.push({ kind: 'other', value: '<>' });
      }
    } else if (c === 62 /* > */) {
      if (s.charCodeAt(i + 1) === 62) tokens.push({ kind: 'close', value: '>>' });
      i += s.charCodeAt(i + 1) === 62 ? 2 : 1;
    } else if (c === 47 /* / */) {
      let j = i + 1;
      while (j < n && !isWhite(s.charCodeAt(j)) && !isDelimiter(s.charCodeAt(j))) j++;
      const name = decodeName(s.slice(i + 1, j));
      if (ACTIVE_NAMES.has(name)) out.active ??= name;
      if (name === 'Encrypt') out.encrypted = true;
      tokens.push({ kind: 'name', value: name });
      i = j;
    } else if (isDelimiter(c)) {
      tokens.push({ kind: 'other', value: s[i]! });
      i++;
    } else {
      let j = i + 1;
      while (j < n && !isWhite(s.charCodeAt(j)) && !isDelimiter(s.charCodeAt(j))) j++;
      const word = s.slice(i, j);
      i = j;
      if (word === 'obj' || word === 'endobj') {
        if (word === 'obj') out.objects++;
        tokens = [];
      } else if (word === 'stream') {
        // The data starts after the end of line that follows the keyword and runs to "endstream".
        let start = i;
        if (s.charCodeAt(start) === 13) start++;
        if (s.charCodeAt(start) === 10) start++;
        const end = s.indexOf('endstream', start);
        if (end < 0) {
          out.malformed = true;
          break;
        }
        out.streams.push({ dict: tokens, start, end });
        tokens = [];
        i = end + 'endstream'.length;
      } else if (/^[+-]?\d+$/.test(word)) tokens.push({ kind: 'number', value: Number(word) });
      else tokens.push({ kind: 'other', value: word });
    }
  }
  return out;
}

/** The value tokens after a name in a dictionary's tokens: one token, or the names of an array. */
function entry(dict: Token[], key: string): Token[] {
  const at = dict.findIndex((t) => t.kind === 'name' && t.value === key);
  if (at < 0) return [];
  const next = dict[at + 1];
  if (next?.kind === 'other' && next.value === '[') {
    const values: Token[] = [];
    for (let k = at + 2; k < dict.length && !(dict[k]!.kind === 'other' && dict[k]!.value === ']'); k++) values.push(dict[k]!);
    return values;
  }
  return next ? [next] : [];
}

const hasName = (dict: Token[], name: string) => dict.some((t) => t.kind === 'name' && t.value === name);

/**
 * An object stream: marked /Type /ObjStm, or carrying the /N and /First an object stream must have (a
 * reader finds object streams through the cross-reference, whatever their /Type says).
 */
const isObjectStream = (dict: Token[]) => hasName(dict, 'ObjStm') || (hasName(dict, 'N') && hasName(dict, 'First'));

/** The stream's filters as names: [] for none, null when they are not plain names (an indirect reference). */
function filtersOf(dict: Token[]): string[] | null {
  const values = entry(dict, 'Filter');
  return values.every((t) => t.kind === 'name') ? values.map((t) => t.value) : null;
}

/** A stream's bytes as the reader sees them, without the end of line before "endstream". */
function streamBytes(bytes: Uint8Array, part: StreamPart): Uint8Array {
  let end = part.end;
  if (end > part.start && bytes[end - 1] === 10) end--;
  if (end > part.start && bytes[end - 1] === 13) end--;
  return bytes.subarray(part.start, end);
}

const latin1 = new TextDecoder('latin1');

/** The end of the file: `%%EOF` within its last kilobyte, and a `startxref` pointing at an xref table or stream. */
function checkEnd(text: string): PdfRefusal | null {
  const tail = text.slice(-1024);
  if (!tail.includes('%%EOF')) return 'truncated';
  const at = text.lastIndexOf('startxref');
  const match = at < 0 ? null : /^startxref\s+(\d+)\s+%%EOF/.exec(text.slice(at, at + 64));
  if (!match) return 'malformed';
  const offset = Number(match[1]);
  if (offset <= 0 || offset >= text.length) return 'malformed';
  const target = text.slice(offset, offset + 64).replace(/^\s+/, '');
  return target.startsWith('xref') || /^\d+\s+\d+\s+obj\b/.test(target) ? null : 'malformed';
}

/**
 * Checks an uploaded file: a well-formed PDF without active content, or the reason it is refused.
 * checkPdf(new TextEncoder().encode('<html>')) → { ok: false, reason: 'not-pdf' }
 */
export function checkPdf(bytes: Uint8Array): PdfCheck {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  if (bytes.length > MAX_DOCUMENT_BYTES) return { ok: false, reason: 'too-large' };
  const text = latin1.decode(bytes);
  const header = /^%PDF-([12]\.\d)/.exec(text.slice(0, 16));
  if (!header) return { ok: false, reason: 'not-pdf' };
  const end = checkEnd(text);
  if (end) return { ok: false, reason: end };

  const plain = scan(text);
  if (plain.malformed || plain.objects === 0) return { ok: false, reason: 'malformed' };
  if (plain.active) return { ok: false, reason: 'active-content', detail: plain.active };
  if (plain.encrypted) return { ok: false, reason: 'encrypted' };

  let inflated = 0;
  for (const part of plain.streams) {
    if (!isObjectStream(part.dict)) continue;
    const filters = filtersOf(part.dict);
    const predictor = entry(part.dict, 'Predictor')[0];
    if (filters === null || filters.some((f) => f !== 'FlateDecode' && f !== 'Fl') || filters.length > 1)
      return { ok: false, reason: 'unchecked-stream', detail: filters?.join(' ') ?? 'indirect filter' };
    if (predictor?.kind === 'number' && predictor.value > 1) return { ok: false, reason: 'unchecked-stream', detail: 'predictor' };
    let content: Uint8Array = streamBytes(bytes, part);
    if (filters.length === 1) {
      try {
        content = inflateSync(content, { maxOutputLength: Math.min(MAX_INFLATED_BYTES, MAX_INFLATED_TOTAL - inflated) });
      } catch {
        return { ok: false, reason: 'unchecked-stream', detail: 'FlateDecode' };
      }
    }
    inflated += content.length;
    const inner = scan(latin1.decode(content));
    if (inner.active) return { ok: false, reason: 'active-content', detail: inner.active };
  }
  return { ok: true, version: header[1]! };
}
