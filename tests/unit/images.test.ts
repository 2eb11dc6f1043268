import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dimensionsRefusal,
  fallbackWidth,
  MAX_UPLOAD_BYTES,
  parseVariantFileName,
  refuseReason,
  sniffImageType,
  srcset,
  UPLOAD_MESSAGES,
  UPLOAD_STATUS,
  variantFileName,
  variantPath,
  variantsOf,
  variantWidths,
  type UploadRefusal,
} from '#domain/images.ts';

const bytes = (...parts: (string | number[] | Uint8Array)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : [...p])));
const u32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];

const JPEG = [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, ...Buffer.from('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const webp = () => bytes('RIFF', [36, 0, 0, 0], 'WEBPVP8 ', new Array<number>(24).fill(0));
const ftyp = (major: string, ...compatible: string[]) => bytes(u32(16 + 4 * compatible.length), 'ftyp', major, [0, 0, 0, 0], ...compatible);
/** A ZIP local file header as a ZIP reader expects it: version 2.0, deflate, a 5-byte name. */
const zipEntry = () => {
  const header = new Uint8Array(30);
  const view = new DataView(header.buffer);
  view.setUint32(0, 0x04034b50, true); // PK\x03\x04
  view.setUint16(4, 20, true); // version needed: 2.0
  view.setUint16(8, 8, true); // deflate
  view.setUint16(26, 5, true); // name length
  return bytes(header, 'a.txt', [0x4b, 0x4c, 0x04, 0]);
};
const filler = (n: number, seed = 7) => Array.from({ length: n }, (_, i) => ((i * 131 + seed * 17 + ((i * i) >> 3)) & 0x7f) | 0x80);

describe('sniffImageType', () => {
  it.each([
    ['a JPEG', bytes(JPEG, filler(40)), 'jpeg'],
    ['a PNG', bytes(PNG, filler(40)), 'png'],
    ['a WebP', webp(), 'webp'],
    ['an AVIF (major brand avif)', ftyp('avif', 'mif1', 'miaf'), 'avif'],
    ['an AVIF sequence (avis)', ftyp('avis', 'msf1'), 'avif'],
    ['an AVIF listed as a compatible brand', ftyp('mif1', 'avif', 'miaf'), 'avif'],
  ] as const)('recognises %s by its magic bytes', (_name, input, type) => {
    expect(sniffImageType(input)).toBe(type);
  });

  it.each([
    ['a HEIC photo (HEVC, not AVIF)', ftyp('heic', 'mif1', 'heic')],
    ['a GIF', bytes('GIF89a', filler(20))],
    ['an SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg"></svg>')],
    ['a RIFF that is not WebP (WAV)', bytes('RIFF', [36, 0, 0, 0], 'WAVEfmt ', filler(24))],
    ['an ftyp box shorter than its header', bytes(u32(8), 'ftypavif', filler(8))],
    ['a JPEG start cut at two bytes', bytes([0xff, 0xd8])],
    ['nothing', new Uint8Array(0)],
  ])('refuses %s', (_name, input) => {
    expect(sniffImageType(input)).toBeNull();
  });

  it('never throws on random bytes, and names a type only for real magic bytes', () => {
    const magic = (b: Uint8Array) =>
      (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) ||
      PNG.every((x, i) => b[i] === x) ||
      (Buffer.from(b.subarray(0, 4)).toString('latin1') === 'RIFF' && Buffer.from(b.subarray(8, 12)).toString('latin1') === 'WEBP') ||
      Buffer.from(b.subarray(4, 8)).toString('latin1') === 'ftyp';
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (input) => {
        const type = sniffImageType(input);
        if (type !== null) expect(magic(input)).toBe(true);
        const reason = refuseReason(input);
        if (reason === null) expect(type).not.toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  it('recognises every JPEG and PNG start whatever follows', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(['jpeg', JPEG] as const, ['png', PNG] as const),
        fc.uint8Array({ maxLength: 256 }),
        ([type, head], tail) => {
          expect(sniffImageType(bytes(head, tail))).toBe(type);
        },
      ),
    );
  });
});

describe('refuseReason', () => {
  const jpeg = bytes(JPEG, filler(2000));

  it('accepts an image with nothing hidden in it', () => {
    expect(refuseReason(jpeg)).toBeNull();
    expect(refuseReason(bytes(PNG, filler(500)))).toBeNull();
  });

  it.each<[string, Uint8Array, UploadRefusal]>([
    ['an empty file', new Uint8Array(0), 'empty'],
    ['a file over 10 MB', new Uint8Array(MAX_UPLOAD_BYTES + 1), 'too-large'],
    ['an SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 'markup'],
    ['an SVG behind an XML declaration', bytes('<?xml version="1.0"?>\n<svg/>'), 'markup'],
    ['an HTML page named .jpg', bytes('<!DOCTYPE html><html><body>hi</body></html>'), 'markup'],
    ['HTML in upper case', bytes('\n\n<HTML><BODY>x'), 'markup'],
    ['a PDF', bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'pdf'],
    ['a JPEG whose comment holds a PDF header', bytes(JPEG, [0xff, 0xfe, 0, 12], '%PDF-1.4\n', filler(100)), 'pdf'],
    ['a JPEG with an HTML page in its comment segment', bytes(JPEG, [0xff, 0xfe, 0, 40], '<html><body>', filler(100)), 'markup'],
    [
      'a PNG with <script> in a text chunk far from the start',
      bytes(PNG, filler(5000), 'tEXtComment\0<ScRiPt>alert(1)</script>', filler(10)),
      'markup',
    ],
    ['a polyglot: a JPEG with a ZIP appended', bytes(JPEG, filler(3000), [0xff, 0xd9], zipEntry()), 'archive'],
    ['a ZIP (a zip bomb named .png)', bytes(zipEntry(), filler(100)), 'archive'],
    ['random text', bytes('hello, this is not an image at all'), 'unsupported-type'],
  ])('refuses %s', (_name, input, reason) => {
    expect(refuseReason(input)).toBe(reason);
  });

  it('does not take a bare "PK\\x03\\x04" inside pixel data for an archive', () => {
    // The four signature bytes followed by what no ZIP writer produces (version 255, method 200).
    expect(refuseReason(bytes(JPEG, filler(100), 'PK', [3, 4, 255, 255, 0, 0, 200, 200], filler(40)))).toBeNull();
  });

  it('does not refuse "<svg" deep inside a large file, where compressed data can produce it by chance', () => {
    expect(refuseReason(bytes(JPEG, filler(4000), '<svg', filler(100)))).toBeNull();
  });
});

describe('dimensionsRefusal', () => {
  it.each([
    [6000, 4000, null],
    [30_000, 30_000, 'too-many-pixels'],
    [8000, 5001, 'too-many-pixels'],
    [20, 400, 'bad-dimensions'],
    [4000, 300, 'bad-dimensions'],
    [32, 32, null],
  ] as const)('%i×%i → %s', (w, h, reason) => {
    expect(dimensionsRefusal(w, h)).toBe(reason);
  });
});

describe('variantWidths', () => {
  it.each([
    [6000, [320, 640, 1024, 1600]],
    [1600, [320, 640, 1024, 1600]],
    [1024, [320, 640, 1024]],
    [900, [320, 640, 900]],
    [320, [320]],
    [200, [200]],
  ])('never upscales: a %i px photo is stored at %j', (width, widths) => {
    expect(variantWidths(width)).toEqual(widths);
  });

  it('gives ascending widths, none above the photo or 1600, always at least one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20_000 }), (width) => {
        const widths = variantWidths(width);
        expect(widths.length).toBeGreaterThan(0);
        expect([...widths].sort((a, b) => a - b)).toEqual(widths);
        expect(Math.max(...widths)).toBe(Math.min(width, 1600));
      }),
    );
  });
});

describe('fallbackWidth and variantsOf', () => {
  const hash = 'a'.repeat(64);

  it('keeps one JPEG, at 1024 or the largest width below it', () => {
    expect(fallbackWidth(1600)).toBe(1024);
    expect(fallbackWidth(900)).toBe(900);
    expect(fallbackWidth(200)).toBe(200);
  });

  it('stores AVIF and WebP at every width plus the JPEG', () => {
    expect(variantsOf(hash, 900).map((v) => v.fileName)).toEqual([
      `${hash}-320.avif`,
      `${hash}-320.webp`,
      `${hash}-640.avif`,
      `${hash}-640.webp`,
      `${hash}-900.avif`,
      `${hash}-900.webp`,
      `${hash}-900.jpg`,
    ]);
  });
});

describe('variant names and URLs', () => {
  const hash = '0123456789abcdef'.repeat(4);

  it('names a variant <hash>-<width>.<ext> under /media/', () => {
    expect(variantFileName(hash, 640, 'webp')).toBe(`${hash}-640.webp`);
    expect(variantPath(hash, 640, 'avif')).toBe(`/media/${hash}-640.avif`);
  });

  it('reads a stored name back', () => {
    expect(parseVariantFileName(`${hash}-1600.avif`)).toEqual({ hash, width: 1600, format: 'avif' });
  });

  it.each([
    `../${hash}-640.webp`,
    `${hash}-640.webp/`,
    `${hash}-640.png`,
    `${hash.toUpperCase()}-640.webp`,
    `${hash.slice(1)}-640.webp`,
    `${hash}-0640.webp`,
    `${hash}-1601.webp`,
    `${hash}-640.webp\0.jpg`,
    `.tmp-1234-${hash}-640.webp`,
  ])('refuses any other name: %s', (name) => {
    expect(parseVariantFileName(name)).toBeNull();
  });

  it('builds a srcset of every stored width for a <picture> source', () => {
    expect(srcset(hash, 900, 'avif')).toBe(`/media/${hash}-320.avif 320w, /media/${hash}-640.avif 640w, /media/${hash}-900.avif 900w`);
  });
});

describe('UPLOAD_MESSAGES', () => {
  it('explains every refusal in Vietnamese, with a status in the 4xx or 503', () => {
    for (const [reason, message] of Object.entries(UPLOAD_MESSAGES)) {
      expect(message, reason).toMatch(/[ảạăâđêệôơưốồờớựữ]/);
      expect([413, 415, 422, 503]).toContain(UPLOAD_STATUS[reason as UploadRefusal]);
    }
    expect(UPLOAD_MESSAGES['too-large']).toContain('10 MB');
  });
});
