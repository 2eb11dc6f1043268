/**
 * The published JSON Schemas (draft 2020-12), generated from the zod shapes of src/domain/open-data/schemas.ts
 * with zod's own z.toJSONSchema: the schema a user validates against is the one the build validated with.
 * Each names itself with an absolute $id on the site.
 */
import { z } from 'zod';
import { DATASETS, type DatasetName } from './catalog.ts';
import { datasetFile, Manifest, ProductDocument } from './schemas.ts';
import { siteUrls } from './urls.ts';

export type JsonSchema = Record<string, unknown>;

/** A zod schema as JSON Schema 2020-12, with $id, title and description first. */
function published(schema: z.ZodType, head: { $id: string; title: string; description: string }): JsonSchema {
  const { $schema, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12' });
  return { $schema, ...head, ...rest, title: head.title, description: head.description };
}

/** The zod schema of a whole dataset file (metadata and records). */
export function datasetFileSchema(name: DatasetName) {
  return datasetFile(name, DATASETS[name].record);
}

/** /data/<name>.schema.json: validates the whole file /data/<name>.json. */
export function datasetJsonSchema(name: DatasetName, site: URL): JsonSchema {
  const spec = DATASETS[name];
  return published(datasetFileSchema(name), {
    $id: siteUrls(site).dataFile(`${name}.schema.json`),
    title: `${spec.title.en} — open data of the registry of certified typical rural industrial products`,
    description: `${spec.description.en} The file /data/${name}.json; /data/${name}.csv holds the same records with the same fields.`,
  });
}

/** /data/product.schema.json: validates a product document /products/<slug>.json. */
export function productDocumentJsonSchema(site: URL): JsonSchema {
  return published(ProductDocument, {
    $id: siteUrls(site).dataFile('product.schema.json'),
    title: 'Product document — open data of the registry of certified typical rural industrial products',
    description:
      'One product with its establishment, full certification history, fairs and photos: the file /products/<slug>.json. Its records have the fields of products.json, establishments.json and certifications.json.',
  });
}

/** /data/manifest.schema.json: validates /data/manifest.json. */
export function manifestJsonSchema(site: URL): JsonSchema {
  return published(Manifest, {
    $id: siteUrls(site).dataFile('manifest.schema.json'),
    title: 'Open-data manifest of the registry of certified typical rural industrial products',
    description: 'The files of /data/ in one release, with their size, SHA-256 and record count.',
  });
}
