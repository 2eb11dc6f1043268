/**
 * The rules of product photos, pure so tests reach them without sharp or a disk: the upload limits
 * (R13, R15), recognising a file by its content and refusing markup and polyglots (R14), and the sizes
 * and names of the re-encoded variants the pages use (R17). I/O lives in src/server/images.ts.
 */

/** R13: the largest file accepted, counted while the request body streams in. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Room for the multipart boundaries and the small text fields around the file. */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;
/** R15: sharp refuses to decode more pixels than this (a 40-megapixel camera is the largest expected). */
export const MAX_INPUT_PIXELS = 40_000_000;
/** R13: image jobs running at once; more wait in a queue of at most MAX_QUEUED_IMAGE_JOBS, then 503. */
export const MAX_IMAGE_JOBS = 4;
export const MAX_QUEUED_IMAGE_JOBS = 16;
/** Smaller than this on a side, or longer than this ratio, is not a product photo (and breaks layouts). */
export const MIN_IMAGE_SIDE = 32;
export const MAX_ASPECT_RATIO = 10;

export type ImageType = 'jpeg' | 'png' | 'webp' | 'avif';
export const IMAGE_MIME: Record<ImageType, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
};

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const fourCc = (bytes: Uint8Array, at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));

/**
 * The image type by magic bytes, never by name or declared type (R14); null for anything else.
 * AVIF is an ISO-BMFF `ftyp` box whose major or a compatible brand is `avif` (still) or `avis` (sequence).
 */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  if (bytes.length >= 16 && fourCc(bytes, 4) === 'ftyp') {
    const boxSize = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
    const end = Math.min(boxSize, bytes.length, 256);
    if (boxSize < 16) return null;
    const brands = [fourCc(bytes, 8)];
    for (let at = 16; at + 4 <= end; at += 4) brands.push(fourCc(bytes, at));
    if (brands.some((b) => b === 'avif' || b === 'avis')) return 'avif';
  }
  return null;
}

export type UploadRefusal =
  'empty' | 'too-large' | 'markup' | 'pdf' | 'archive' | 'unsupported-type' | 'undecodable' | 'too-many-pixels' | 'bad-dimensions' | 'busy';

/** What each refusal means for the person uploading, Vietnamese first. */
export const UPLOAD_MESSAGES: Record<UploadRefusal, string> = {
  empty: 'Chưa chọn ảnh hoặc tệp trống. / The file is empty.',
  'too-large': 'Ảnh quá lớn: tối đa 10 MB. / The file is larger than 10 MB.',
  markup: 'Tệp chứa mã HTML/SVG/XML, không phải ảnh. / The file contains markup, not a photo.',
  pdf: 'Tệp PDF không được chấp nhận, hãy tải ảnh JPEG, PNG, WebP hoặc AVIF. / PDF files are not accepted.',
  archive: 'Tệp chứa dữ liệu nén (ZIP) lẫn trong ảnh. / The file hides an archive.',
  'unsupported-type': 'Chỉ nhận ảnh JPEG, PNG, WebP hoặc AVIF. / Only JPEG, PNG, WebP or AVIF images are accepted.',
  undecodable: 'Ảnh bị hỏng hoặc không đọc được. / The image is damaged or cannot be read.',
  'too-many-pixels': 'Ảnh có quá nhiều điểm ảnh: tối đa 40 megapixel. / The image exceeds 40 megapixels.',
  'bad-dimensions': `Ảnh quá nhỏ (dưới ${MIN_IMAGE_SIDE} px) hoặc quá dài/hẹp. / The image is too small or too narrow.`,
  busy: 'Máy chủ đang xử lý nhiều ảnh, vui lòng thử lại sau ít phút. / Too many uploads at once; try again shortly.',
};

/** The HTTP status of each refusal: 413 size, 415 kind of content, 422 a damaged image, 503 busy. */
export const UPLOAD_STATUS: Record<UploadRefusal, 413 | 415 | 422 | 503> = {
  empty: 422,
  'too-large': 413,
  markup: 415,
  pdf: 415,
  archive: 415,
  'unsupported-type': 415,
  undecodable: 422,
  'too-many-pixels': 422,
  'bad-dimensions': 422,
  busy: 503,
};

/** Where a browser or a PDF reader looks for its own signature (PDF allows the header in the first 1 KiB). */
const HEAD_BYTES = 1024;
/** Markup that makes a file something other than a photo when found near its start. */
const HEAD_MARKUP = ['<svg', '<html', '<!doctype', '<?xml', '<script', '<body', '<iframe', '<head'];
/**
 * Found anywhere: long enough that compressed pixel data never produces it by chance (7 bytes, any case:
 * about 1 in 10^8 over 10 MB), whereas `<svg` (4 bytes) would refuse a few percent of large photos.
 */
const ANYWHERE_MARKUP = ['<script'];

const lowerByte = (b: number) => (b >= 0x41 && b <= 0x5a ? b | 0x20 : b);

/** Case-insensitive (ASCII) search in bytes[from, to) of a needle whose first character is not a letter. */
function indexOfAscii(bytes: Uint8Array, needle: string, from = 0, to = bytes.length): number {
  const n = ascii(needle.toLowerCase());
  const last = Math.min(to, bytes.length) - n.length;
  outer: for (let i = bytes.indexOf(n[0]!, from); i !== -1 && i <= last; i = bytes.indexOf(n[0]!, i + 1)) {
    for (let j = 1; j < n.length; j++) if (lowerByte(bytes[i + j]!) !== n[j]) continue outer;
    return i;
  }
  return -1;
}

/**
 * A ZIP local file header that a ZIP reader would accept: `PK\x03\x04`, a "version needed" below 7.0,
 * a known compression method and a name of 1–1024 bytes. The signature alone (4 bytes) turns up by
 * chance in roughly one 10 MB photo in 400; with the fields checked, practically never.
 */
function isZipEntryAt(bytes: Uint8Array, i: number): boolean {
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04], i) || i + 30 > bytes.length) return false;
  const version = bytes[i + 4]! | (bytes[i + 5]! << 8);
  const method = bytes[i + 8]! | (bytes[i + 9]! << 8);
  const nameLength = bytes[i + 26]! | (bytes[i + 27]! << 8);
  return version <= 70 && [0, 8, 9, 12, 14, 93, 95, 98].includes(method) && nameLength >= 1 && nameLength <= 1024;
}

function containsZipEntry(bytes: Uint8Array): boolean {
  for (let i = bytes.indexOf(0x50); i !== -1; i = bytes.indexOf(0x50, i + 1)) if (isZipEntryAt(bytes, i)) return true;
  return false;
}

/**
 * Why these bytes are refused before any decoder sees them, or null to go on (R13, R14). Markup near the
 * start, a PDF header or a ZIP entry anywhere refuse the file even when its first bytes say "image":
 * such polyglots are how an upload becomes a script, a document or an archive somewhere else.
 */
export function refuseReason(bytes: Uint8Array): UploadRefusal | null {
  if (bytes.length === 0) return 'empty';
  if (bytes.length > MAX_UPLOAD_BYTES) return 'too-large';
  if (indexOfAscii(bytes, '%PDF', 0, HEAD_BYTES) !== -1) return 'pdf';
  if (HEAD_MARKUP.some((m) => indexOfAscii(bytes, m, 0, HEAD_BYTES) !== -1)) return 'markup';
  if (ANYWHERE_MARKUP.some((m) => indexOfAscii(bytes, m) !== -1)) return 'markup';
  if (containsZipEntry(bytes)) return 'archive';
  if (!sniffImageType(bytes)) return 'unsupported-type';
  return null;
}

/** R15 and sanity: refusal for decoded dimensions (after EXIF orientation), or null. */
export function dimensionsRefusal(width: number, height: number): UploadRefusal | null {
  if (width * height > MAX_INPUT_PIXELS) return 'too-many-pixels';
  const short = Math.min(width, height);
  if (short < MIN_IMAGE_SIDE || Math.max(width, height) / short > MAX_ASPECT_RATIO) return 'bad-dimensions';
  return null;
}

/** The widths the public pages ask for; the largest is also the box (px) every upload is fitted into. */
export const VARIANT_WIDTHS: readonly number[] = [320, 640, 1024, 1600];
export const MAX_STORED_SIDE = 1600;
export type VariantFormat = 'avif' | 'webp' | 'jpg';
export const VARIANT_MIME: Record<VariantFormat, string> = { avif: 'image/avif', webp: 'image/webp', jpg: 'image/jpeg' };
/** The one JPEG kept: the `<img>` fallback and the picture in structured data (social cards take JPEG). */
export const JPEG_FALLBACK_MAX_WIDTH = 1024;

/**
 * The widths stored for a photo `width` px wide, never upscaled: the standard widths it reaches, plus its
 * own width when that is below 1600 and not one of them. variantWidths(900) → [320, 640, 900]
 */
export function variantWidths(width: number): number[] {
  const own = Math.min(Math.round(width), MAX_STORED_SIDE);
  const widths: number[] = VARIANT_WIDTHS.filter((w) => w <= own);
  if (!widths.includes(own)) widths.push(own);
  return widths;
}

/** The width of the single JPEG fallback: the largest stored width up to 1024. fallbackWidth(1600) → 1024 */
export function fallbackWidth(width: number): number {
  const widths = variantWidths(width);
  return widths.filter((w) => w <= JPEG_FALLBACK_MAX_WIDTH).at(-1) ?? widths[0]!;
}

/** Every file stored for an image: AVIF and WebP at each width, one JPEG. */
export function variantsOf(hash: string, width: number): { width: number; format: VariantFormat; fileName: string }[] {
  const list: { width: number; format: VariantFormat }[] = variantWidths(width).flatMap((w) =>
    (['avif', 'webp'] as const).map((format) => ({ width: w, format })),
  );
  list.push({ width: fallbackWidth(width), format: 'jpg' });
  return list.map((v) => ({ ...v, fileName: variantFileName(hash, v.width, v.format) }));
}

const FILE_NAME_PATTERN = /^([0-9a-f]{64})-([1-9]\d{0,3})\.(avif|webp|jpg)$/;

/** `<hash>-<width>.<ext>`, the only shape of name ever stored or served. */
export function variantFileName(hash: string, width: number, format: VariantFormat): string {
  return `${hash}-${width}.${format}`;
}

/** A stored name back to its parts, or null for any other string (so no path ever reaches the disk). */
export function parseVariantFileName(name: string): { hash: string; width: number; format: VariantFormat } | null {
  const m = FILE_NAME_PATTERN.exec(name);
  if (!m) return null;
  const width = Number(m[2]);
  return width <= MAX_STORED_SIDE ? { hash: m[1]!, width, format: m[3] as VariantFormat } : null;
}

/** The public URL path of a variant: variantPath('ab…', 640, 'webp') → '/media/ab…-640.webp' */
export function variantPath(hash: string, width: number, format: VariantFormat): string {
  return `/media/${variantFileName(hash, width, format)}`;
}

/** The staff preview URL of a variant (served on demand, also for records not yet published). */
export function adminVariantPath(hash: string, width: number, format: VariantFormat): string {
  return `/admin/media/${variantFileName(hash, width, format)}`;
}

/** `srcset` for one format of a `<picture>`: "/media/…-320.avif 320w, /media/…-640.avif 640w". */
export function srcset(hash: string, width: number, format: Exclude<VariantFormat, 'jpg'>, path = variantPath): string {
  return variantWidths(width)
    .map((w) => `${path(hash, w, format)} ${w}w`)
    .join(', ');
}

/** `sizes` of the product photo: the 15rem column beside the facts on wide screens, the full width below. */
export const PRODUCT_PHOTO_SIZES = '(min-width: 48rem) 15rem, 100vw';
