/** Stored photo variants as HTTP answers: the admin's previews and the build's published copies. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from '#db/client.ts';
import { listPublishedImages } from '#db/queries/product-images.ts';
import { parseVariantFileName, VARIANT_MIME, variantFileName, variantsOf, type VariantFormat } from '#domain/images.ts';
import { uploadsDir } from './storage.ts';

/** A stored variant's bytes and type, or null; only names of the stored shape ever reach the disk. */
export async function readVariant(hash: string, width: number, format: VariantFormat): Promise<{ bytes: Buffer; mime: string } | null> {
  const name = variantFileName(hash, width, format);
  if (!parseVariantFileName(name)) return null;
  try {
    return { bytes: await readFile(join(uploadsDir(), name)), mime: VARIANT_MIME[format] };
  } catch {
    return null;
  }
}

/** The variant named `<hash>-<width>` in `format`, or null for a missing one or any other name. */
async function variantNamed(name: string, format: VariantFormat): Promise<{ bytes: Buffer; mime: string } | null> {
  const parsed = parseVariantFileName(`${name}.${format}`);
  return parsed ? readVariant(parsed.hash, parsed.width, parsed.format) : null;
}

/** The variant named `<hash>-<width>` in `format` as an HTTP response (404 for any other name). */
export async function variantResponse(name: string, format: VariantFormat, cacheControl: string): Promise<Response> {
  const found = await variantNamed(name, format);
  if (!found) return new Response('Không tìm thấy / Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return new Response(new Uint8Array(found.bytes), {
    headers: { 'Content-Type': found.mime, 'Cache-Control': cacheControl, 'X-Content-Type-Options': 'nosniff' },
  });
}

/** The `[file]` params of every variant in `format` of an image on a published product (for the build). */
export async function publishedVariantParams(
  database: Pick<Database, 'db'>,
  format: VariantFormat,
): Promise<{ params: { file: string } }[]> {
  return (await listPublishedImages(database.db)).flatMap(({ hash, width }) =>
    variantsOf(hash, width)
      .filter((v) => v.format === format)
      .map((v) => ({ params: { file: v.fileName.slice(0, -(format.length + 1)) } })),
  );
}

/**
 * A published variant for the build: its bytes, or an error that fails the build, because a release
 * with a missing photo must not replace one that has it (R32).
 */
export async function publishedVariant(name: string, format: VariantFormat): Promise<Response> {
  const found = await variantNamed(name, format);
  if (!found) throw new Error(`image variant ${name}.${format} is missing from ${uploadsDir()}; upload the photo again`);
  return new Response(new Uint8Array(found.bytes), { headers: { 'Content-Type': found.mime } });
}
