/**
 * A seeded generator of official lists in the import format (DESIGN.md "Import format") for the import
 * benchmark and the kill -9 test: plausible Vietnamese product names with diacritics, producers that make
 * several products, the real provinces (old names up to 2024, the new ones in 2025), levels written as
 * codes or in Vietnamese, the four groups, years 2018–2025, and some products certified twice. Every row is
 * valid and no two rows are the same certification. Synthetic data for tests: never seed data.
 */
import ExcelJS from 'exceljs';
import { seedProvinceUnits } from '../../src/db/reference.ts';
import { writeCsv } from '../../src/domain/csv-write.ts';
import { establishmentKey } from '../../src/domain/establishments.ts';
import { compactKey } from '../../src/domain/text.ts';
import { random } from '../bench/synthetic.ts';

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

const PRODUCTS = [
  'Chè',
  'Trà',
  'Miến dong',
  'Bún gạo',
  'Gạo',
  'Rượu',
  'Mật ong',
  'Nước mắm',
  'Gốm',
  'Mây tre đan',
  'Nón lá',
  'Lụa tơ tằm',
  'Thổ cẩm',
  'Đũa tre',
  'Bánh đa',
  'Kẹo dừa',
  'Tương',
  'Hạt điều rang muối',
  'Cà phê',
  'Tinh dầu',
  'Chiếu cói',
  'Dao rèn',
  'Máy tuốt lúa',
  'Đèn lồng',
  'Tranh sơn mài',
  'Nhang trầm',
  'Mắm tôm',
  'Hồ tiêu',
  'Yến sào',
  'Bột sắn dây',
  'Phở khô',
  'Giò lụa',
  'Chả cá',
  'Ghế gỗ',
  'Bình gốm men rạn',
  'Túi cói',
  'Khăn lụa',
  'Bánh phồng tôm',
  'Ô mai',
  'Mứt gừng',
];
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
  'hương sen',
  'gừng',
  'quế',
  'hoa hồi',
  'dừa',
  'sắn dây',
  'lá dứa',
  'mè đen',
  'cốm',
  'chạm khắc',
  'thủ công',
  'cao cấp',
  'xuất khẩu',
  'đỏ',
  'vàng',
  'trắng ngà',
];
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
  'Đức Thành',
  'Bảo Ngọc',
  'Việt Cường',
  'Thu Giang',
  'Trường Lộc',
  'Nhật Quỳnh',
  'Ánh Dương',
  'Đại Phát',
  'Xuân Mai',
  'Cẩm Tú',
  'Lạc Việt',
  'Vân Long',
  'Huy Hoàng',
  'Hòa An',
  'Gia Khánh',
  'Thiên Phú',
  'Hữu Nghị',
  'Sao Mai',
  'Phương Nam',
  'Quỳnh Hoa',
  'Bình Minh',
  'Tràng An',
  'Mộc Châu',
  'Sơn Hà',
];
const FORMS = ['HTX', 'Hợp tác xã', 'Công ty TNHH', 'Công ty Cổ phần', 'Hộ kinh doanh', 'Cơ sở sản xuất', 'Tổ hợp tác'];
const GROUPS = ['', '', 'Thủ công mỹ nghệ', 'Cơ khí', 'Sản phẩm khác', '1', '2', 'Handicraft'];
const REGION_LEVEL = {
  north: ['regional_north', 'khu vực phía Bắc'],
  central: ['regional_central', 'Khu vực miền Trung – Tây Nguyên'],
  south: ['regional_south', 'khu vực phía Nam'],
} as const;

export type ListRow = string[];

/**
 * `count` distinct valid rows (header not included). The same seed always gives the same list.
 * syntheticList(3)[0] → ['Hạt điều rang muối vàng Xuân Mai', 'Hợp tác xã hạt điều rang muối Xuân Mai', 'Cao Bằng', '', 'cấp huyện', '2022', '1246/QĐ-UBND', '', '']
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
