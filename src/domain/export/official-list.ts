/**
 * Certifications written as an official list in the import format (DESIGN.md "Import format",
 * src/domain/import/columns.ts): what the registry exports, its importer reads back to the same records,
 * whether the file is fixed in a spreadsheet and imported again or loaded into another registry.
 */
import { establishmentKey } from '#domain/establishments.ts';
import { productGroupByCode } from '#domain/groups.ts';
import { IMPORT_COLUMNS, type ImportColumnKey } from '#domain/import/columns.ts';
import type { ImportRow } from '#domain/import/rows.ts';
import { levelCode, levelLabel } from '#domain/levels.ts';
import { compactKey } from '#domain/text.ts';
import type { SheetCell, SheetTable } from './sheet.ts';

/** A certification with the names it may be written under; its facts are those an imported row carries. */
export interface OfficialListRecord extends Pick<
  ImportRow,
  'group' | 'level' | 'year' | 'decisionNo' | 'certificateNo' | 'score' | 'sourceUrl'
> {
  /** The product's name now, and as the official list published it (null when staff entered it). */
  productName: string;
  productNameAsPublished: string | null;
  /** The establishment's name now (null: the product has none), and as published. */
  establishmentName: string | null;
  producerNameAsPublished: string | null;
  /** The product's and establishment's English names where staff have them (#18.2). */
  productNameEn?: string | null;
  establishmentNameEn?: string | null;
  /** The province as certified (an old unit before the 2025 merger), and the current unit it is part of. */
  province: string;
  currentProvince: string;
  /** What re-imports match on: folded product name | establishment key (or @province) | level | year. */
  importKey: string | null;
}

/**
 * 'en': the English headers and the level and group codes (open data, and the seed file's own form);
 * 'vi': the Vietnamese headers and words, for staff working in a spreadsheet. The importer reads both.
 */
export type ListSpelling = 'en' | 'vi';

/**
 * The product and producer names to write: those the certification's import key was made from, so that
 * importing the file again matches it (rather than adding a duplicate) after staff renamed the product or
 * gave it an establishment. Without a matching name, the name as published, else the current one.
 * A product set keeps its full name ("Bộ sản phẩm … (A; B)"), which is how the importer reads its items.
 */
export function listedNames(r: OfficialListRecord): { productName: string; producer: string | null } {
  const [nameKey, producerKey] = (r.importKey ?? '').split('|');
  const names = [r.productNameAsPublished, r.productName].filter((n): n is string => !!n);
  const productName = names.find((n) => compactKey(n) === nameKey) ?? names[0]!;
  const producers = [r.producerNameAsPublished, r.establishmentName].filter((n): n is string => !!n);
  if (producerKey?.startsWith('@')) return { productName, producer: null };
  const provinces = [r.province, r.currentProvince];
  const producer = producers.find((p) => establishmentKey(p, provinces) === producerKey) ?? producers[0] ?? null;
  return { productName, producer };
}

/** One certification as a row of the import format, in the order of IMPORT_COLUMNS. */
export function officialListRow(r: OfficialListRecord, spelling: ListSpelling): SheetCell[] {
  const { productName, producer } = listedNames(r);
  const values: Record<ImportColumnKey, SheetCell> = {
    productName,
    producer,
    province: r.province,
    productGroup: r.group && (spelling === 'en' ? r.group : productGroupByCode(r.group).nameVi),
    level: spelling === 'en' ? levelCode(r.level) : levelLabel(r.level, 'vi'),
    year: r.year,
    decisionNo: r.decisionNo,
    score: r.score,
    sourceUrl: r.sourceUrl,
    certificateNo: r.certificateNo,
    productNameEn: r.productNameEn ?? null,
    producerNameEn: producer === null ? null : (r.establishmentNameEn ?? null),
  };
  return IMPORT_COLUMNS.map((c) => values[c.key]);
}

/** The whole list: the header in the chosen spelling, then one row per certification. */
export function officialListTable(records: readonly OfficialListRecord[], spelling: ListSpelling): SheetTable {
  return {
    name: spelling === 'en' ? 'certifications' : 'Chứng nhận',
    header: IMPORT_COLUMNS.map((c) => c[spelling]),
    rows: records.map((r) => officialListRow(r, spelling)),
  };
}
