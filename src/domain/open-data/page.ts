/**
 * What the /data/ page says about the files: each field's type and meaning (read from the same zod
 * shapes the files are checked against), sizes in words, and the schema.org DataCatalog that lets
 * dataset search engines find the downloads.
 */
import { z } from 'zod';
import { formatDecimal, type Locale } from '#domain/i18n.ts';
import { DATASET_NAMES, DATASETS, type DatasetName } from './catalog.ts';

export type FieldType = 'text' | 'integer' | 'number' | 'boolean' | 'list' | 'date' | 'url' | 'code';

export interface FieldDoc {
  name: string;
  type: FieldType;
  nullable: boolean;
  /** The schema's description (English). */
  description: string;
}

interface Node {
  type?: string;
  format?: string;
  enum?: unknown[];
  anyOf?: Node[];
  description?: string;
}

function fieldType(node: Node): FieldType {
  if (node.enum) return 'code';
  if (node.format === 'date') return 'date';
  if (node.format === 'uri') return 'url';
  if (node.type === 'array') return 'list';
  if (node.type === 'integer' || node.type === 'number' || node.type === 'boolean') return node.type;
  return 'text';
}

/** The fields of a dataset in order, with their type and English description. */
export function datasetFields(name: DatasetName): FieldDoc[] {
  const { properties } = z.toJSONSchema(DATASETS[name].record) as { properties: Record<string, Node> };
  return Object.entries(properties).map(([field, node]) => {
    const value = node.anyOf?.find((n) => n.type !== 'null') ?? node;
    return {
      name: field,
      type: fieldType(value),
      nullable: node.anyOf?.some((n) => n.type === 'null') ?? false,
      description: node.description ?? '',
    };
  });
}

/** A file size for people: formatBytes(12_345, 'vi') → "12,3 kB"; formatBytes(900, 'en') → "900 B". */
export function formatBytes(bytes: number, locale: Locale): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${formatDecimal(bytes / 1000, locale)} kB`;
  return `${formatDecimal(bytes / 1_000_000, locale)} MB`;
}

/** schema.org DataCatalog of the five datasets and their downloads, for the page's structured data. */
export function dataCatalogJsonLd(input: {
  name: string;
  url: string;
  description: string;
  licenceUrl: string;
  release: { id: string; date: string };
  fileUrl: (name: string) => string;
  locale: Locale;
}) {
  return {
    '@context': 'https://schema.org',
    '@type': 'DataCatalog',
    name: input.name,
    url: input.url,
    description: input.description,
    inLanguage: input.locale,
    license: input.licenceUrl,
    dataset: DATASET_NAMES.map((name) => ({
      '@type': 'Dataset',
      name: DATASETS[name].title[input.locale],
      description: DATASETS[name].description[input.locale],
      license: input.licenceUrl,
      version: input.release.id,
      dateModified: input.release.date,
      isAccessibleForFree: true,
      distribution: [
        { '@type': 'DataDownload', encodingFormat: 'text/csv', contentUrl: input.fileUrl(`${name}.csv`) },
        { '@type': 'DataDownload', encodingFormat: 'application/json', contentUrl: input.fileUrl(`${name}.json`) },
      ],
    })),
  };
}
