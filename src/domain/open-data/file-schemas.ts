/** The open-data files around the records: release and licence, a dataset file, a product's document, the manifest. */
import { z } from 'zod';
import { count, optionalCount, optionalDate, optionalText, slug, text, url } from './fields.ts';
import { CertificationRecord, ProductRecord, EstablishmentRecord } from './record-schemas.ts';

export const Release = z
  .object({
    id: text('The release id (a publish of the registry), also in the X-Release header of every response of that release.'),
    date: z.iso.datetime().describe('When the release’s data was taken (ISO 8601, UTC).'),
  })
  .strict()
  .describe('The release these data come from.');

export const Licence = z
  .object({
    name: text('The licence’s short name.'),
    url: url('The licence’s text.'),
    attribution: text('How to credit the registry when reusing these data.'),
    note: text('What the licence covers and what it does not.'),
  })
  .strict()
  .describe('The licence of these data.');

export type Release = z.output<typeof Release>;
export type Licence = z.output<typeof Licence>;

/** A dataset file: metadata, then every record. The schema of each dataset file is built from this. */
export function datasetFile<const N extends string, R extends z.ZodObject>(name: N, record: R) {
  return z
    .object({
      dataset: z.literal(name).describe('The dataset’s name.'),
      title: text('The dataset’s title.'),
      release: Release,
      licence: Licence,
      schema: url('The JSON Schema this file validates against.'),
      csv_url: url('The same records as CSV (same fields in the same order; lists joined with "; ", null as an empty cell).'),
      count: count('How many records the file holds.'),
      records: z.array(record).describe('The records, sorted by their key.'),
    })
    .strict();
}

export const ProductFair = z
  .object({
    fair_slug: slug('The fair: its slug in fairs.json.'),
    fair_name: text('The fair’s name.'),
    start_date: optionalDate('The fair’s first day.'),
    end_date: optionalDate('The fair’s last day.'),
    city: optionalText('The city it was held in.'),
    booth_code: optionalText('The booth the product was shown at.'),
    hall: optionalText('The hall.'),
    page_url: url('The fair’s page in Vietnamese.'),
  })
  .strict();

export const ProductPhoto = z
  .object({
    url: url('The photo as JPEG (up to 1024 px wide).'),
    width: count('The stored photo’s width in pixels (with height, its aspect ratio).'),
    height: count('The stored photo’s height in pixels.'),
    alt_vi: optionalText('What the photo shows, in Vietnamese.'),
    alt_en: optionalText('What the photo shows, in English.'),
    sources: z
      .array(
        z
          .object({
            format: z.enum(['avif', 'webp', 'jpeg']).describe('The image format.'),
            width: count('This file’s width in pixels.'),
            url: url('The file.'),
          })
          .strict(),
      )
      .describe('Every stored size and format of the photo.'),
  })
  .strict();

/** /products/<slug>.json: one product with everything the registry publishes about it. */
export const ProductDocument = z
  .object({
    schema: url('The JSON Schema this document validates against.'),
    release: Release,
    licence: Licence,
    product: ProductRecord,
    establishment: EstablishmentRecord.nullable().describe(
      'The establishment that makes it (as in establishments.json); null when none is named.',
    ),
    certifications: z
      .array(CertificationRecord)
      .describe('Its full certification history, oldest round first (as in certifications.json).'),
    fairs: z.array(ProductFair).describe('The fairs where it was shown (demonstration rows left out).'),
    photos: z
      .array(ProductPhoto)
      .describe(
        'Its photos in their order, as on its page. Photos are not covered by the data licence: their rights stay with their owners.',
      ),
  })
  .strict()
  .meta({
    title: 'Product document',
    description: 'One product of the registry with its establishment, certifications, fairs and photos.',
  });

export type ProductDocument = z.output<typeof ProductDocument>;
export type ProductFair = z.output<typeof ProductFair>;
export type ProductPhoto = z.output<typeof ProductPhoto>;

export const ManifestFile = z
  .object({
    path: z
      .string()
      .regex(/^\/[a-z0-9./-]+$/)
      .describe('The file’s path on the site.'),
    url: url('The file’s address.'),
    dataset: z
      .string()
      .nullable()
      .describe(
        'The dataset the file belongs to: one of the five, official-list, or changes (the change log and feeds); null for the product and manifest schemas.',
      ),
    format: z.enum(['csv', 'json', 'schema', 'xlsx', 'atom']).describe('csv, json, schema (JSON Schema), xlsx or atom (the change feed).'),
    media_type: text('The Content-Type the site sends it with.'),
    bytes: count('The file’s size in bytes.'),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .describe('The SHA-256 of the file’s bytes, in hexadecimal.'),
    records: optionalCount('How many records it holds; null for a schema.'),
  })
  .strict();

export const Manifest = z
  .object({
    schema: url('The JSON Schema this manifest validates against.'),
    release: Release,
    licence: Licence,
    files: z
      .array(ManifestFile)
      .describe('Every file of /data/ in this release (but this manifest), and the change feeds /feed.xml and /en/feed.xml.'),
    product_documents: z
      .object({
        url_template: text('The address of one product’s JSON document, {slug} standing for its slug.'),
        schema: url('The JSON Schema of a product document.'),
        count: count('How many product documents the release holds (the products with a json_url).'),
      })
      .strict(),
  })
  .strict()
  .meta({ title: 'Open-data manifest', description: 'The files of one release of the registry’s open data, with their checksums.' });

export type Manifest = z.output<typeof Manifest>;
export type ManifestFile = z.output<typeof ManifestFile>;
