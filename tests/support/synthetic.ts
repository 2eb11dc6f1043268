/**
 * Seeded synthetic data for tests and benchmarks (never for the public seed): plausible Vietnamese product
 * names with diacritics, producers, the real provinces of both eras. One vocabulary and one generator of
 * random numbers serve two shapes:
 * - `syntheticCatalogue`: catalogue items as the public lists and the search index read them (search,
 *   publishing and admin benchmarks, the compact-index test, the fair factory), with `syntheticQueries`;
 * - `syntheticList`: official lists in the import format (DESIGN.md "Import format") for the import
 *   benchmark and the import tests: producers that make several products, levels written as codes or in
 *   Vietnamese, the four groups, years 2018–2025, some products certified twice. Every row is valid and no
 *   two rows are the same certification.
 * The same arguments always give the same data.
 */
import ExcelJS from 'exceljs';
import { seedProvinceUnits } from '#db/reference.ts';
import type { CatalogueItem, LevelFacet } from '#domain/listing.ts';
import { writeCsv } from '#domain/csv-write.ts';
import { establishmentKey } from '#domain/establishments.ts';
import { slugify, uniqueSlug } from '#domain/slug.ts';
import { compactKey, foldVietnamese } from '#domain/text.ts';

/** mulberry32: a small, fast, seeded PRNG (a failing sequence can be replayed from its seed). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What is made: a product name starts with one, and a producer list names its trade by one. */
const PRODUCTS = [
  'Trà',
  'Chè',
  'Miến',
  'Bún',
  'Gạo',
  'Rượu',
  'Mật ong',
  'Nước mắm',
  'Gốm',
  'Mây tre đan',
  'Nón lá',
  'Lụa',
  'Thổ cẩm',
  'Đũa',
  'Bánh',
  'Kẹo',
  'Tương',
  'Hạt điều',
  'Cà phê',
  'Tinh dầu',
  'Chiếu cói',
  'Dao',
  'Kéo',
  'Máy tuốt lúa',
  'Đèn lồng',
  'Tranh',
  'Nhang',
  'Mắm tôm',
  'Hồ tiêu',
  'Yến sào',
  'Sữa chua',
  'Bột sắn',
  'Phở khô',
  'Xúc xích',
  'Giò',
  'Chả cá',
  'Ghế gỗ',
  'Bình gốm',
  'Túi cói',
  'Khăn lụa',
];
/** What sets one product apart from another of its kind. */
const QUALIFIERS = [
  'Shan tuyết',
  'sấy khô',
  'hữu cơ',
  'truyền thống',
  'đặc biệt',
  'hảo hạng',
  'tỏi đen',
  'gạo lứt',
  'thảo mộc',
  'men lá',
  'nếp cái hoa vàng',
  'mật mía',
  'sen',
  'gừng',
  'quế',
  'hồi',
  'dừa',
  'ngô',
  'sắn dây',
  'lá dứa',
  'mè đen',
  'cốm',
  'đỏ',
  'trắng',
  'chạm khắc',
  'sơn mài',
  'thủ công',
  'cao cấp',
  'xuất khẩu',
  'vàng',
];
/** The trading names of producers. */
const BRANDS = [
  'Hoàng Long',
  'Minh Phát',
  'An Bình',
  'Thành Đạt',
  'Phú Quý',
  'Hưng Thịnh',
  'Tân Cương',
  'Bát Tràng',
  'Vạn Phúc',
  'Phú Vinh',
  'Kim Sơn',
  'Đồng Kỵ',
  'Ngọc Thắng',
  'Hồng Luân',
  'Tuyết Hương',
  'Hảo Đạt',
  'Lụa Vy',
  'Quý Thu',
  'Đức Thành',
  'Bảo Ngọc',
  'Sơn Dung',
  'Việt Cường',
  'Thu Giang',
  'Trường Lộc',
  'Nhật Quỳnh',
  'Ánh Dương',
  'Đại Phát',
  'Xuân Mai',
  'Cẩm Tú',
  'Lạc Việt',
  'Long Dương',
  'Vân Long',
  'Huy Hoàng',
  'Hòa An',
  'Gia Khánh',
  'Thiên Phú',
  'Hữu Nghị',
  'Sao Mai',
  'Đông Á',
  'Phương Nam',
];
/** Legal forms of a rural industrial establishment (DOMAIN.md, cơ sở CNNT). */
const FORMS = ['HTX', 'Hợp tác xã', 'Công ty TNHH', 'Công ty Cổ phần', 'Hộ kinh doanh', 'Cơ sở sản xuất', 'Tổ hợp tác'];
const LEVELS: LevelFacet[] = [
  'provincial',
  'provincial',
  'provincial',
  'regional-north',
  'regional-central',
  'regional-south',
  'national',
  'district',
];

export interface SyntheticCatalogue {
  items: CatalogueItem[];
  descriptions: Map<string, string>;
  /** For each item, the old province it was certified in. */
  oldProvince: Map<string, string>;
}

/** `count` catalogue items with names, producers, provinces (old and current), levels and descriptions. */
export function syntheticCatalogue(count: number, seed = 2024): SyntheticCatalogue {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const provinces = seedProvinceUnits().filter((u) => u.era === 'pre2025');
  const items: CatalogueItem[] = [];
  const descriptions = new Map<string, string>();
  const oldProvince = new Map<string, string>();
  const slugs = new Set<string>();
  const names = new Set<string>();
  while (items.length < count) {
    const brand = pick(BRANDS);
    const name = `${pick(PRODUCTS)} ${pick(QUALIFIERS)} ${brand}${rnd() < 0.3 ? ` ${pick(BRANDS)}` : ''}`;
    if (names.has(name)) continue;
    names.add(name);
    const province = pick(provinces);
    const slug = uniqueSlug(slugify(name), (s) => slugs.has(s));
    slugs.add(slug);
    const year = 2015 + Math.floor(rnd() * 10);
    const level = pick(LEVELS);
    const certs = [{ level, year, status: year >= 2023 ? ('valid' as const) : ('expired' as const) }];
    if (level !== 'provincial' && rnd() < 0.7) certs.push({ level: 'provincial', year: year - 2, status: 'expired' });
    items.push({
      slug,
      name,
      kind: rnd() < 0.15 ? 'set' : 'single',
      group: pick(['handicraft', 'food', 'machinery', 'other', null] as const),
      establishmentName: `${pick(FORMS)} ${brand} ${province.name}`,
      provinceName: province.name,
      currentProvinceSlug: slugify(province.successorName!),
      currentProvinceName: province.successorName!,
      certs,
      status: certs.some((c) => c.status === 'valid') ? 'valid' : 'expired',
      newestYear: year,
      topLevel: level,
      certificationCount: certs.length,
    });
    oldProvince.set(slug, province.name);
    descriptions.set(
      slug,
      `${name} được làm từ nguyên liệu ${pick(QUALIFIERS)} của vùng ${province.name}, theo phương pháp ${pick(QUALIFIERS)} truyền thống.`,
    );
  }
  return { items, descriptions, oldProvince };
}

/** Labelled queries over a synthetic catalogue: each must find its item in the top 10. */
export function syntheticQueries(
  catalogue: SyntheticCatalogue,
  count: number,
  seed = 7,
): { query: string; kind: string; expect: string }[] {
  const rnd = random(seed);
  const queries: { query: string; kind: string; expect: string }[] = [];
  for (let i = 0; i < count; i++) {
    const item = catalogue.items[Math.floor(rnd() * catalogue.items.length)]!;
    const words = item.name.split(' ');
    const kinds = ['marks', 'no-marks', 'prefix', 'typo', 'province'] as const;
    const kind = kinds[i % kinds.length]!;
    let query = item.name;
    if (kind === 'no-marks') query = foldVietnamese(item.name);
    if (kind === 'prefix') query = `${words.slice(0, -1).join(' ')} ${words.at(-1)!.slice(0, 3)}`;
    if (kind === 'typo') {
      const at = words.findIndex((w) => w.length >= 5);
      if (at >= 0) words[at] = `${words[at]!.slice(0, 2)}${words[at]![3]}${words[at]![2]}${words[at]!.slice(4)}`;
      query = words.join(' ');
    }
    if (kind === 'province') query = `${foldVietnamese(item.name)} ${foldVietnamese(item.currentProvinceName)}`;
    queries.push({ query, kind, expect: item.slug });
  }
  return queries;
}

// ---------- official lists in the import format ----------

export const LIST_HEADER = [
  'product_name',
  'producer',
  'province',
  'product_group',
  'level',
  'year',
  'decision_no',
  'score',
  'source_url',
] as const;

const GROUPS = ['', '', 'Thủ công mỹ nghệ', 'Cơ khí', 'Sản phẩm khác', '1', '2', 'Handicraft'];
const REGION_LEVEL = {
  north: ['regional_north', 'khu vực phía Bắc'],
  central: ['regional_central', 'Khu vực miền Trung – Tây Nguyên'],
  south: ['regional_south', 'khu vực phía Nam'],
} as const;

export type ListRow = string[];

/**
 * `count` distinct valid rows (header not included). The same seed always gives the same list.
 * syntheticList(3)[0] → ['Hạt điều cao cấp Nhật Quỳnh', 'Hợp tác xã hạt điều Nhật Quỳnh', 'Cao Bằng', '', 'cấp huyện', '2022', '1246/QĐ-UBND', '', '']
 */
export function syntheticList(count: number, seed = 2025): ListRow[] {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const units = seedProvinceUnits().filter((u) => u.era === 'pre2025');
  // About three products per producer; a producer makes one kind of thing in one (pre-2025) province.
  const producers = Array.from({ length: Math.max(1, Math.ceil(count / 3)) }, () => {
    const trade = pick(PRODUCTS);
    const brand = pick(BRANDS);
    return { trade, brand, name: `${pick(FORMS)} ${trade.toLowerCase()} ${brand}`, unit: pick(units) };
  });
  const rows: ListRow[] = [];
  const keys = new Set<string>();
  const made: { name: string; producer: (typeof producers)[number]; year: number }[] = [];
  while (rows.length < count) {
    // One row in seven certifies again a product already in the list, at a higher level or a later round.
    const again = made.length > 10 && rnd() < 0.15 ? pick(made) : null;
    const producer = again?.producer ?? pick(producers);
    const name = again?.name ?? `${producer.trade} ${pick(QUALIFIERS)} ${rnd() < 0.6 ? producer.brand : pick(BRANDS)}`;
    const year = again ? Math.min(2025, again.year + 1 + Math.floor(rnd() * 3)) : 2018 + Math.floor(rnd() * 8);
    const level = levelFor(rnd(), producer.unit.region, year);
    // The importer's identity of a row (src/domain/import/rows.ts): a second row with it would be skipped.
    const producerKey = establishmentKey(producer.name, [producer.unit.name, producer.unit.successorName ?? producer.unit.name]);
    const key = `${compactKey(name)}|${producerKey}|${level[0]}|${year}`;
    if (keys.has(key)) continue;
    keys.add(key);
    if (!again) made.push({ name, producer, year });
    const province = year >= 2025 ? producer.unit.successorName! : producer.unit.name;
    const written = rnd() < 0.2 ? `${producer.unit.unitType === 'city' ? 'TP.' : 'Tỉnh'} ${province}` : province;
    const issuer = level[0] === 'national' ? 'QĐ-BCT' : level[0].startsWith('regional') ? 'QĐ-CKCT' : 'QĐ-UBND';
    rows.push([
      name,
      producer.name,
      written,
      pick(GROUPS),
      rnd() < 0.5 ? level[0] : level[1],
      String(year),
      rnd() < 0.8 ? `${100 + Math.floor(rnd() * 9000)}/${issuer}` : '',
      rnd() < 0.5 ? (50 + Math.floor(rnd() * 500) / 10).toFixed(1) : '',
      rnd() < 0.3 ? `https://congthuong.example.vn/tin-tuc/${year}/${rows.length + 1}` : '',
    ]);
  }
  return rows;
}

/** A level as [import code, Vietnamese words]: mostly provincial; district only before 2025, commune from 2025. */
function levelFor(r: number, region: string | null, year: number): readonly [string, string] {
  if (r < 0.55) return ['provincial', 'cấp tỉnh'];
  if (r < 0.7) return year >= 2025 ? ['commune', 'cấp xã'] : ['district', 'cấp huyện'];
  if (r < 0.9) return REGION_LEVEL[(region ?? 'north') as keyof typeof REGION_LEVEL];
  return ['national', 'quốc gia'];
}

/** The list as a CSV file (UTF-8 with BOM, CRLF), header first. */
export function listCsv(rows: readonly ListRow[]): Buffer {
  return Buffer.from(writeCsv([LIST_HEADER, ...rows]), 'utf8');
}

/** The list as an Excel workbook, one sheet, header first; years as numbers as Excel keeps them. */
export async function listXlsx(rows: readonly ListRow[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Danh sách');
  sheet.addRow([...LIST_HEADER]);
  for (const row of rows) sheet.addRow(row.map((cell, i) => (i === 5 ? Number(cell) : cell)));
  return Buffer.from(await book.xlsx.writeBuffer());
}
