/**
 * The files of /data/ as text and bytes: a dataset's JSON (metadata, then one record per line, so two
 * releases diff line by line) and CSV, a product's document, and the manifest with each file's size and
 * SHA-256. Every JSON file is checked against its zod shape before it is written: what the build
 * publishes validates against the schema it publishes.
 */
import { createHash } from 'node:crypto';
import { contentTypeOf } from '#domain/static-paths.ts';
import { DATASETS, MANIFEST_FILE, type DatasetName, type OpenDataFileSpec } from './catalog.ts';
import { csvColumns, writeDatasetCsv } from './csv.ts';
import { datasetFileSchema } from './json-schema.ts';
import { Manifest, ProductDocument, type Licence, type Release } from './schemas.ts';
import { DATA_BASE, siteUrls } from './urls.ts';

export interface PublicationContext {
  site: URL;
  release: Release;
  licence: Licence;
}

/** A dataset's JSON file: validated, then written with one record per line. */
export function datasetJson(name: DatasetName, records: readonly Record<string, unknown>[], ctx: PublicationContext): string {
  const urls = siteUrls(ctx.site);
  const file = datasetFileSchema(name).parse({
    dataset: name,
    title: DATASETS[name].title.en,
    release: ctx.release,
    licence: ctx.licence,
    schema: urls.dataFile(`${name}.schema.json`),
    csv_url: urls.dataFile(`${name}.csv`),
    count: records.length,
    records,
  });
  const { records: parsed, ...head } = file;
  const opening = JSON.stringify(head, null, 2).replace(/\n}$/, '');
  const lines = (parsed as unknown[]).map((r) => `    ${JSON.stringify(r)}`).join(',\n');
  return `${opening},\n  "records": [${lines ? `\n${lines}\n  ` : ''}]\n}\n`;
}

/** A dataset's CSV file: the JSON's fields as the header, in the same order. */
export function datasetCsv(name: DatasetName, records: readonly Record<string, unknown>[]): string {
  return writeDatasetCsv(csvColumns(DATASETS[name].record), records);
}

/** A product's document, validated. */
export function productDocumentJson(document: Omit<ProductDocument, 'schema' | 'release' | 'licence'>, ctx: PublicationContext): string {
  const parsed = ProductDocument.parse({
    schema: siteUrls(ctx.site).dataFile('product.schema.json'),
    release: ctx.release,
    licence: ctx.licence,
    ...document,
  });
  return `${JSON.stringify(parsed, null, 2)}\n`;
}

/** Pretty JSON with a final newline (schemas, the manifest). */
export const prettyJson = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The SHA-256 of bytes in hexadecimal. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A file of /data/ as built, before the manifest is made. */
export interface BuiltFile extends OpenDataFileSpec {
  bytes: Uint8Array<ArrayBuffer>;
  records: number | null;
}

/** The site path of a file of /data/: dataPath('products.csv') → "/data/products.csv". */
export const dataPath = (name: string) => `${DATA_BASE}${name}`;

/** A file made elsewhere that the manifest lists too: the change log and feeds (src/server/feed-responses.ts). */
export interface CompanionFile {
  path: string;
  dataset: 'changes';
  format: 'json' | 'atom';
  bytes: Uint8Array;
}

/**
 * /data/manifest.json: every other file's path, type, size, SHA-256 and record count, the companions',
 * and where product documents are.
 */
export function manifestJson(
  files: readonly BuiltFile[],
  companions: readonly CompanionFile[],
  productDocuments: number,
  ctx: PublicationContext,
): string {
  const urls = siteUrls(ctx.site);
  const entry = (path: string, f: { bytes: Uint8Array; dataset: string | null; format: string; records: number | null }) => ({
    path,
    url: urls.abs(path),
    dataset: f.dataset === 'manifest' || f.dataset === 'product' ? null : f.dataset,
    format: f.format,
    media_type: contentTypeOf(path),
    bytes: f.bytes.byteLength,
    sha256: sha256Hex(f.bytes),
    records: f.records,
  });
  const manifest = Manifest.parse({
    schema: urls.dataFile('manifest.schema.json'),
    release: ctx.release,
    licence: ctx.licence,
    files: [
      ...files.filter((f) => f.name !== MANIFEST_FILE).map((f) => entry(dataPath(f.name), f)),
      ...companions.map((c) => entry(c.path, { ...c, records: null })),
    ],
    product_documents: {
      url_template: `${urls.abs('/products/')}{slug}.json`,
      schema: urls.dataFile('product.schema.json'),
      count: productDocuments,
    },
  });
  return prettyJson(manifest);
}
