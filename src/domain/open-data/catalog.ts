/**
 * What /data/ offers (issue #9): the five datasets with their record shapes, titles and descriptions,
 * the licence, and the list of files a release holds under /data/ (which the release check expects).
 */
import type { z } from 'zod';
import type { Locale } from '#domain/i18n.ts';
import {
  CertificationRecord,
  DecisionRecord,
  EstablishmentRecord,
  ExhibitorRecord,
  FairRecord,
  ProductRecord,
  type Licence,
} from './schemas.ts';

export const DATASET_NAMES = ['establishments', 'products', 'certifications', 'decisions', 'fairs', 'exhibitors'] as const;
export type DatasetName = (typeof DATASET_NAMES)[number];

export interface DatasetSpec {
  record: z.ZodObject;
  /** The fields that identify a record (what the dataset is sorted by). */
  key: readonly string[];
  title: Record<Locale, string>;
  description: Record<Locale, string>;
}

export const DATASETS: Record<DatasetName, DatasetSpec> = {
  establishments: {
    record: EstablishmentRecord,
    key: ['slug'],
    title: { vi: 'Cơ sở sản xuất', en: 'Establishments' },
    description: {
      vi: 'Mọi cơ sở đã công bố: loại hình, địa chỉ, tỉnh khi đăng ký và tỉnh hiện nay, thông tin liên hệ như trang web hiển thị.',
      en: 'Every published establishment: legal form, address, province as registered and today, contacts as the site shows them.',
    },
  },
  products: {
    record: ProductRecord,
    key: ['slug'],
    title: { vi: 'Sản phẩm', en: 'Products' },
    description: {
      vi: 'Mọi sản phẩm đã công bố, đơn lẻ hoặc bộ sản phẩm (kèm các thành phần), nhóm, cơ sở, số chứng nhận và cấp cao nhất.',
      en: 'Every published product, single or a set (with its items), its group, establishment, number of certifications and highest level.',
    },
  },
  certifications: {
    record: CertificationRecord,
    key: ['registry_code'],
    title: { vi: 'Chứng nhận', en: 'Certifications' },
    description: {
      vi: 'Mọi chứng nhận đã công bố: cấp, năm, quyết định, cơ quan công nhận, hiệu lực và tình trạng vào ngày phát hành, tỉnh khi công nhận và tỉnh hiện nay, nguồn.',
      en: 'Every published certification: level, year, decision, issuing authority, validity and status on the release date, province when certified and today, source.',
    },
  },
  decisions: {
    record: DecisionRecord,
    key: ['slug'],
    title: { vi: 'Quyết định công nhận', en: 'Recognition decisions' },
    description: {
      vi: 'Mọi quyết định công nhận đã công bố: số quyết định như in, ngày ký, cơ quan ban hành, cấp, năm bình chọn, số sản phẩm được công nhận theo nguồn và số sản phẩm sổ đăng ký có.',
      en: 'Every published recognition decision: number as printed, date, issuer, level, round year, the number of products it certified as published and how many the registry holds.',
    },
  },
  fairs: {
    record: FairRecord,
    key: ['slug'],
    title: { vi: 'Hội chợ', en: 'Fairs' },
    description: {
      vi: 'Các hội chợ triển lãm: ngày, địa điểm, đơn vị tổ chức, số gian hàng và số đơn vị trưng bày đã công bố.',
      en: 'Trade fairs: dates, venue, organiser, the booth and exhibitor counts as published.',
    },
  },
  exhibitors: {
    record: ExhibitorRecord,
    key: ['fair_slug', 'establishment_slug'],
    title: { vi: 'Đơn vị trưng bày', en: 'Exhibitors' },
    description: {
      vi: 'Cơ sở trưng bày tại từng hội chợ: gian hàng, khu và các sản phẩm mang đến. Không gồm dữ liệu minh họa.',
      en: 'Establishments exhibiting at each fair: booth, hall and the products shown. Demonstration rows are not included.',
    },
  },
};

/** The licence of every file (decision recorded in the reply to issue #9: CC BY 4.0 for the compilation). */
export function registryLicence(site: URL): Licence {
  return {
    name: 'CC BY 4.0',
    url: 'https://creativecommons.org/licenses/by/4.0/',
    attribution: `Danh bạ sản phẩm công nghiệp nông thôn tiêu biểu / Registry of certified typical rural industrial products, ${new URL('/data/', site).href}`,
    note: 'The facts come from public recognition decisions and official pages (each certification names its source_url). The compilation, registry codes, descriptions and translations are licensed under CC BY 4.0. Product photos are not covered: their rights stay with their owners.',
  };
}

export type OpenDataFormat = 'csv' | 'json' | 'schema' | 'xlsx';

export interface OpenDataFileSpec {
  /** The name under /data/. */
  name: string;
  /** The dataset the file belongs to; 'official-list', 'product' and 'manifest' for the others. */
  dataset: DatasetName | 'official-list' | 'product' | 'manifest';
  format: OpenDataFormat;
}

/** The official list in the import format (decision 015): the file staff correct in a spreadsheet and import again. */
export const OFFICIAL_LIST = 'official-list';

/** Every file of /data/ in a release, the manifest last (it lists all the others). */
export const OPEN_DATA_FILES: readonly OpenDataFileSpec[] = [
  ...DATASET_NAMES.flatMap((dataset): OpenDataFileSpec[] => [
    { name: `${dataset}.csv`, dataset, format: 'csv' },
    { name: `${dataset}.json`, dataset, format: 'json' },
    { name: `${dataset}.schema.json`, dataset, format: 'schema' },
  ]),
  { name: 'product.schema.json', dataset: 'product', format: 'schema' },
  { name: `${OFFICIAL_LIST}.csv`, dataset: OFFICIAL_LIST, format: 'csv' },
  { name: `${OFFICIAL_LIST}.xlsx`, dataset: OFFICIAL_LIST, format: 'xlsx' },
  { name: 'manifest.schema.json', dataset: 'manifest', format: 'schema' },
  { name: 'manifest.json', dataset: 'manifest', format: 'json' },
];

export const MANIFEST_FILE = 'manifest.json';
