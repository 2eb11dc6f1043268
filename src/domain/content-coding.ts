/**
 * Content codings of a release's files (#19.5): which files are stored precompressed beside themselves
 * (`page.html` → `page.html.br`, `page.html.gz`), which of those a request accepts (RFC 9110 §12.5.3), and
 * which bytes a Range asks for (RFC 9110 §14). Pure: the publisher (src/server/precompress.ts) and the site
 * server (src/server/site-server.ts) do the I/O.
 */

export type Coding = 'br' | 'gzip';
export type Encoding = Coding | 'identity';

/** The file beside the original that holds each coding. */
export const CODING_SUFFIX: Record<Coding, string> = { br: '.br', gzip: '.gz' };

/** Text formats the site publishes: they shrink 3–10×. Images, fonts, PDFs and XLSX are compressed already. */
const COMPRESSIBLE = new Set(['html', 'css', 'js', 'mjs', 'json', 'svg', 'xml', 'csv', 'txt', 'webmanifest']);

/** Whether a release file is stored precompressed: isCompressible('products/tra/index.html') → true. */
export function isCompressible(file: string): boolean {
  const name = file.slice(file.lastIndexOf('/') + 1).toLowerCase();
  const dot = name.lastIndexOf('.');
  return dot > 0 && COMPRESSIBLE.has(name.slice(dot + 1));
}

/**
 * The q-value of each coding an Accept-Encoding header names, lower-cased: 'br;q=0.8, gzip' →
 * { br: 0.8, gzip: 1 }. `x-gzip` counts as gzip (RFC 9110 §8.4.1.3); a malformed q counts as 0.
 */
export function parseAcceptEncoding(header: string): Map<string, number> {
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...parameters] = part.split(';').map((s) => s.trim());
    if (name === '') continue;
    let q = 1;
    for (const parameter of parameters) {
      const match = /^q\s*=\s*(.*)$/i.exec(parameter);
      if (match) q = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/.test(match[1] ?? '') ? Number(match[1]) : 0;
    }
    const coding = name.toLowerCase() === 'x-gzip' ? 'gzip' : name.toLowerCase();
    weights.set(coding, Math.max(q, weights.get(coding) ?? 0));
  }
  return weights;
}

/** Our preference when the client weighs codings the same: smallest first. */
const PREFERENCE: readonly Encoding[] = ['br', 'gzip', 'identity'];

/**
 * The representation to send, among the codings stored for the file (identity is always there). No header
 * means any coding is fine, but we send identity, as most servers do (a client that says nothing may not
 * decode). An empty header, or one that excludes everything stored, also gets identity: RFC 9110 lets a
 * server send identity rather than 406, and a page nobody can read helps no one.
 * chooseEncoding('gzip, deflate, br', ['br', 'gzip']) → 'br'.
 */
export function chooseEncoding(header: string | undefined, stored: readonly Coding[]): Encoding {
  if (header === undefined) return 'identity';
  const weights = parseAcceptEncoding(header);
  const any = weights.get('*');
  const weightOf = (encoding: Encoding) => {
    const own = weights.get(encoding);
    if (own !== undefined) return own;
    if (any !== undefined) return any;
    // identity is acceptable unless excluded by name or by `*;q=0` (§12.5.3), but a client that lists
    // codings prefers them: unnamed, it comes last ('br;q=0.5' still gets br).
    return encoding === 'identity' ? Number.MIN_VALUE : 0;
  };
  let best: Encoding = 'identity';
  let bestWeight = -1;
  for (const encoding of PREFERENCE) {
    if (encoding !== 'identity' && !stored.includes(encoding)) continue;
    const weight = weightOf(encoding);
    if (weight > 0 && weight > bestWeight) {
      best = encoding;
      bestWeight = weight;
    }
  }
  return best;
}

/** A satisfiable single byte range, both ends included. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * The range a Range header asks of a representation of `size` bytes: a ByteRange, 'unsatisfiable' (416),
 * or null to send the whole representation (no header, another unit, a malformed value, or several
 * ranges, which the site has no use for: §14.2 lets a server ignore Range).
 * rangeOf('bytes=0-99', 1000) → { start: 0, end: 99 }; rangeOf('bytes=-100', 1000) → { start: 900, end: 999 }.
 */
export function rangeOf(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | null {
  if (header === undefined) return null;
  const match = /^bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header.trim());
  if (!match) return null;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return null;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (last !== '' && Number(last) < start) return null;
  if (start >= size) return 'unsatisfiable';
  return { start, end };
}

/**
 * Whether a Range still applies under If-Range (RFC 9110 §13.1.5): the tag must match strongly, or the date
 * equal the last modification to the second; otherwise the whole, current representation is sent.
 * ifRangeHolds('"a-1-br"', '"a-1-br"', 0) → true.
 */
export function ifRangeHolds(ifRange: string | undefined, etag: string, mtimeMs: number): boolean {
  if (ifRange === undefined) return true;
  const value = ifRange.trim();
  if (value.startsWith('"')) return value === etag;
  if (value.startsWith('W/')) return false;
  const date = Date.parse(value);
  return !Number.isNaN(date) && Math.floor(date / 1000) === Math.floor(mtimeMs / 1000);
}
