/**
 * A seeded generator of realistic Vietnamese catalogue items for benchmarks (never for the public seed).
 * The same seed always gives the same catalogue.
 */
import type { CatalogueItem, LevelFacet } from '../../src/domain/catalogue.ts';
import { seedProvinceUnits } from '../../src/db/reference.ts';
import { slugify, uniqueSlug } from '../../src/domain/slug.ts';

/** mulberry32: a small, fast, seeded PRNG. */
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

const BASES = [
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
    const name = `${pick(BASES)} ${pick(QUALIFIERS)} ${brand}${rnd() < 0.3 ? ` ${pick(BRANDS)}` : ''}`;
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
  const fold = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase();
  for (let i = 0; i < count; i++) {
    const item = catalogue.items[Math.floor(rnd() * catalogue.items.length)]!;
    const words = item.name.split(' ');
    const kinds = ['marks', 'no-marks', 'prefix', 'typo', 'province'] as const;
    const kind = kinds[i % kinds.length]!;
    let query = item.name;
    if (kind === 'no-marks') query = fold(item.name);
    if (kind === 'prefix') query = `${words.slice(0, -1).join(' ')} ${words.at(-1)!.slice(0, 3)}`;
    if (kind === 'typo') {
      const at = words.findIndex((w) => w.length >= 5);
      if (at >= 0) words[at] = `${words[at]!.slice(0, 2)}${words[at]![3]}${words[at]![2]}${words[at]!.slice(4)}`;
      query = words.join(' ');
    }
    if (kind === 'province') query = `${fold(item.name)} ${fold(item.currentProvinceName)}`;
    queries.push({ query, kind, expect: item.slug });
  }
  return queries;
}
