/**
 * Decoding and encoding of uploaded photos (R15, R16): one decode under a pixel limit into plain 8-bit
 * sRGB pixels, named by their hash, and every stored variant encoded from those pixels.
 */
import { createHash } from 'node:crypto';
import sharp, { type Metadata, type Sharp } from 'sharp';
import {
  dimensionsRefusal,
  MAX_INPUT_PIXELS,
  MAX_STORED_SIDE,
  type ImageType,
  type UploadRefusal,
  type VariantFormat,
} from '#domain/images.ts';

/** What sharp reports as the format of each type we accept (AVIF is read by the HEIF loader). */
const SHARP_FORMAT: Record<ImageType, string> = { jpeg: 'jpeg', png: 'png', webp: 'webp', avif: 'heif' };

/**
 * R15: decoding stops past 40 megapixels and at the first damaged or truncated pixel data
 * ('error' also implies 'truncated'), instead of producing a half-grey picture.
 */
const DECODE = { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error', sequentialRead: true } as const;

/** An upload refused while decoding, with the reason the uploader is told. */
export class Refused extends Error {
  readonly reason: UploadRefusal;
  constructor(reason: UploadRefusal) {
    super(reason);
    this.reason = reason;
  }
}

export interface Normalised {
  pixels: Buffer;
  width: number;
  height: number;
  channels: 1 | 2 | 3 | 4;
  hash: string;
}

/**
 * Decodes once, applies the EXIF orientation, fits the picture in 1600×1600 and converts it to 8-bit
 * sRGB raw pixels. Every variant is encoded from these pixels, which carry no metadata at all: EXIF, GPS,
 * XMP and ICC cannot reach an output (R16), whatever sharp's defaults become.
 *
 * The content hash is the SHA-256 of these normalised pixels rather than of the uploaded bytes: the same
 * photo sent again with different metadata (a phone that stripped GPS, an edited date) is stored once,
 * and the name describes what is stored, not what a client sent.
 */
export async function normalise(bytes: Uint8Array, type: ImageType): Promise<Normalised> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes, DECODE).metadata();
  } catch {
    throw new Refused('undecodable');
  }
  if (meta.format !== SHARP_FORMAT[type] || (type === 'avif' && meta.compression !== 'av1')) throw new Refused('unsupported-type');
  const refusal = dimensionsRefusal(meta.autoOrient.width, meta.autoOrient.height);
  if (refusal) throw new Refused(refusal);
  try {
    const { data, info } = await sharp(bytes, DECODE)
      .autoOrient()
      .resize({ width: MAX_STORED_SIDE, height: MAX_STORED_SIDE, fit: 'inside', withoutEnlargement: true })
      .toColourspace('srgb')
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    const hash = createHash('sha256').update(`${info.width}x${info.height}x${info.channels}\n`).update(data).digest('hex');
    return { pixels: data, width: info.width, height: info.height, channels: info.channels, hash };
  } catch (error) {
    throw new Refused(error instanceof Error && /pixel limit/i.test(error.message) ? 'too-many-pixels' : 'undecodable');
  }
}

/**
 * AVIF at sharp's default effort (4): on this kind of machine about 3× slower to encode than effort 3
 * but often less than half the bytes, and uploads are rare while every visitor downloads the result.
 */
export function encode(base: Sharp, width: number, format: VariantFormat): Promise<Buffer> {
  const resized = base.clone().resize({ width });
  if (format === 'avif') return resized.avif({ quality: 50, effort: 4 }).toBuffer();
  if (format === 'webp') return resized.webp({ quality: 78 }).toBuffer();
  return resized.flatten({ background: '#ffffff' }).jpeg({ quality: 80, mozjpeg: true }).toBuffer();
}

/** Every variant of a normalised picture, encoded one at a time; null when the encoder gives up. */
export async function encodeVariants(
  image: Normalised,
  variants: readonly { fileName: string; width: number; format: VariantFormat }[],
): Promise<{ fileName: string; data: Buffer }[] | null> {
  const base = sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: image.channels } });
  const encoded: { fileName: string; data: Buffer }[] = [];
  try {
    // One at a time: a job holds one libuv thread, so four jobs leave the server its other threads.
    for (const v of variants) encoded.push({ fileName: v.fileName, data: await encode(base, v.width, v.format) });
  } catch {
    return null;
  }
  return encoded;
}
