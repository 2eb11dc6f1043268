/**
 * How a decision's PDF is named and served: the file name kept from an upload (never a path), the
 * Content-Disposition that carries it (RFC 6266, with RFC 5987 `filename*` for Vietnamese), and the
 * headers that keep a PDF from running anything in the site's origin.
 */
import { slugify } from './slug.ts';
import { normalizeText } from './text.ts';

/** A stored document's name: `<sha256>.pdf`. */
export const DOCUMENT_FILE = /^([0-9a-f]{64})\.pdf$/;

const NAME_MAX = 120;

/**
 * The name an uploaded file is kept under: its last path part, NFC, without control characters, quotes or
 * slashes, at most 120 characters, ending in ".pdf"; `fallback` when nothing is left.
 * safeDocumentName('C:\\scan\\QĐ 3116 "BCT".PDF', 'x') → 'QĐ 3116 BCT.pdf'
 */
export function safeDocumentName(uploaded: string, fallback: string): string {
  const last = uploaded.split(/[\\/]/).at(-1) ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  const cleaned = normalizeText(last.replace(/[\u0000-\u001f\u007f"*:<>?|;]/g, ' '));
  const stem = cleaned.replace(/\.pdf$/i, '').replace(/^[.\s]+|[.\s]+$/g, '');
  return `${[...(stem || fallback)].slice(0, NAME_MAX - 4).join('')}.pdf`;
}

/**
 * RFC 6266: `inline`, an ASCII `filename` for old clients and the exact name as UTF-8 in `filename*`.
 * contentDisposition('Quyết định.pdf') → `inline; filename="quyet-dinh.pdf"; filename*=UTF-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh.pdf`
 */
export function contentDisposition(name: string): string {
  const ascii = `${slugify(name.replace(/\.pdf$/i, ''))}.pdf`;
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `inline; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * The headers a served document carries: its type, its name, a policy under which a browser's viewer may
 * run no script and load nothing (sandbox), no type guessing, and a cache that revalidates, since a
 * document leaves the site when its decision is unpublished.
 */
export function documentHeaders(name: string, hash: string, bytes: number): Record<string, string> {
  return {
    'Content-Type': 'application/pdf',
    'Content-Disposition': contentDisposition(name),
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'public, max-age=3600, must-revalidate',
    ETag: `"${hash}"`,
    'Content-Length': String(bytes),
  };
}
