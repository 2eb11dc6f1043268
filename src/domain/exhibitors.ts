/**
 * A fair's exhibitor directory as buyers use it: who is at which booth, what they show, how it is
 * certified; filtering and ordering the list; the shortlist's share code and its CSV. Pure: the fair
 * page, its island, the print view and the tests all use these.
 */
import type { LevelFacet } from './listing.ts';
import { compareVietnamese } from './listing.ts';
import { compareBoothCodes } from './fairs.ts';
import type { ProductGroupCode } from './groups.ts';
import type { Locale } from './i18n.ts';
import type { CertificationLevel } from './levels.ts';
import type { CertificationStatus } from './validity.ts';

/** A product an exhibitor shows, with its best certification. */
export interface ShownProduct {
  slug: string;
  name: string;
  group: ProductGroupCode | null;
  topLevel: LevelFacet;
  status: CertificationStatus;
}

/** One exhibitor of one fair, as the directory lists it. */
export interface ExhibitorEntry {
  /** fair_exhibitors.id: stable, used by the shortlist. */
  id: number;
  booth: string | null;
  hall: string | null;
  name: string;
  producerSlug: string;
  /** The establishment's province as recorded, and the current province it belongs to. */
  provinceName: string | null;
  currentProvinceSlug: string | null;
  currentProvinceName: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  products: ShownProduct[];
  isSample: boolean;
}

/** The level a badge counts: regional rounds of every region count as one level. */
export function baseLevel(level: LevelFacet): CertificationLevel {
  return level.startsWith('regional-') ? 'regional' : (level as CertificationLevel);
}

const LEVEL_ORDER: readonly CertificationLevel[] = ['national', 'regional', 'provincial', 'district', 'commune'];
const LEVEL_WORDS: Record<CertificationLevel, { vi: string; en: string }> = {
  national: { vi: 'cấp quốc gia', en: 'national-level' },
  regional: { vi: 'cấp khu vực', en: 'regional-level' },
  provincial: { vi: 'cấp tỉnh', en: 'provincial-level' },
  district: { vi: 'cấp huyện', en: 'district-level' },
  commune: { vi: 'cấp xã', en: 'commune-level' },
};

/**
 * The badges of an exhibitor: its shown products with a valid certification, counted by their best
 * level, highest level first: "2 sản phẩm cấp quốc gia", "1 sản phẩm cấp tỉnh".
 */
export function levelBadges(
  products: readonly ShownProduct[],
  locale: Locale,
): { level: CertificationLevel; count: number; label: string }[] {
  const counts = new Map<CertificationLevel, number>();
  for (const p of products) if (p.status === 'valid') counts.set(baseLevel(p.topLevel), (counts.get(baseLevel(p.topLevel)) ?? 0) + 1);
  return LEVEL_ORDER.filter((level) => counts.has(level)).map((level) => {
    const count = counts.get(level)!;
    const label =
      locale === 'vi' ? `${count} sản phẩm ${LEVEL_WORDS[level].vi}` : `${count} ${LEVEL_WORDS[level].en} product${count === 1 ? '' : 's'}`;
    return { level, count, label };
  });
}

/** An exhibitor "holds certified products" when at least one product it shows has a valid certification. */
export function isCertifiedExhibitor(entry: Pick<ExhibitorEntry, 'products'>): boolean {
  return entry.products.some((p) => p.status === 'valid');
}

/** The product groups an exhibitor shows, each once, in the order of the groups list. */
export function exhibitorGroups(entry: Pick<ExhibitorEntry, 'products'>): ProductGroupCode[] {
  const order: ProductGroupCode[] = ['handicraft', 'food', 'machinery', 'other'];
  const shown = new Set(entry.products.map((p) => p.group).filter((g): g is ProductGroupCode => g !== null));
  return order.filter((g) => shown.has(g));
}

export interface ExhibitorFilter {
  group?: ProductGroupCode | undefined;
  province?: string | undefined;
  hall?: string | undefined;
  certifiedOnly?: boolean | undefined;
}

/** What the filters read of an exhibitor; the island reads the same fields from the page. */
export interface ExhibitorFacets {
  groups: readonly string[];
  province: string | null;
  hall: string | null;
  certified: boolean;
}

export function exhibitorFacets(entry: ExhibitorEntry): ExhibitorFacets {
  return { groups: exhibitorGroups(entry), province: entry.currentProvinceSlug, hall: entry.hall, certified: isCertifiedExhibitor(entry) };
}

/** True when the exhibitor passes every filter that is set. */
export function matchesFilter(facets: ExhibitorFacets, filter: ExhibitorFilter): boolean {
  if (filter.group && !facets.groups.includes(filter.group)) return false;
  if (filter.province && facets.province !== filter.province) return false;
  if (filter.hall && facets.hall !== filter.hall) return false;
  if (filter.certifiedOnly && !facets.certified) return false;
  return true;
}

export type ExhibitorSort = 'booth' | 'name';

/** Booth order (natural: A2 before A10; no booth last, then by name) or name order (Vietnamese). */
export function compareExhibitors(sort: ExhibitorSort) {
  return (a: Pick<ExhibitorEntry, 'booth' | 'hall' | 'name'>, b: Pick<ExhibitorEntry, 'booth' | 'hall' | 'name'>): number => {
    if (sort === 'name') return compareVietnamese(a.name, b.name) || compareBoothCodes(a.booth, b.booth);
    return compareBoothCodes(a.booth, b.booth) || compareVietnamese(a.name, b.name);
  };
}

/** Reads the directory's state from the page's query string; unknown values are dropped, never errors. */
export function parseDirectoryState(
  params: URLSearchParams,
  known: { groups: readonly string[]; provinces: readonly string[]; halls: readonly string[] },
): { q: string; filter: ExhibitorFilter; sort: ExhibitorSort } {
  const pick = (name: string, allowed: readonly string[]) => {
    const value = params.get(name);
    return value !== null && allowed.includes(value) ? value : undefined;
  };
  return {
    q: (params.get('q') ?? '').slice(0, 200),
    filter: {
      group: pick('group', known.groups) as ProductGroupCode | undefined,
      province: pick('province', known.provinces),
      hall: pick('hall', known.halls),
      certifiedOnly: params.get('certified') === '1',
    },
    sort: params.get('sort') === 'name' ? 'name' : 'booth',
  };
}

/** The query string of a directory state, with defaults left out. */
export function directoryQuery(state: { q: string; filter: ExhibitorFilter; sort: ExhibitorSort }): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  if (state.filter.group) params.set('group', state.filter.group);
  if (state.filter.province) params.set('province', state.filter.province);
  if (state.filter.hall) params.set('hall', state.filter.hall);
  if (state.filter.certifiedOnly) params.set('certified', '1');
  if (state.sort !== 'booth') params.set('sort', state.sort);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The most exhibitors a shortlist holds; a shared link with more is refused. */
export const SHORTLIST_LIMIT = 500;
const SHORTLIST_VERSION = 'v1';

/**
 * A shortlist as a share code: the exhibitor ids in the order they were added, base 36, joined by
 * "." behind a version: [12, 7, 300] → "v1.c.7.8c". Ids repeat once only.
 */
export function encodeShortlist(ids: readonly number[]): string {
  const unique = [...new Set(ids)];
  if (unique.some((id) => !Number.isSafeInteger(id) || id <= 0)) throw new RangeError('exhibitor ids are positive integers');
  return [SHORTLIST_VERSION, ...unique.slice(0, SHORTLIST_LIMIT).map((id) => id.toString(36))].join('.');
}

export type ShortlistDecode = { ok: true; ids: number[] } | { ok: false; reason: 'format' | 'version' | 'too-long' };

/** Reads a share code back; anything that is not exactly what encodeShortlist writes is refused. */
export function decodeShortlist(code: string): ShortlistDecode {
  const parts = code.trim().split('.');
  if (parts[0] !== SHORTLIST_VERSION) return { ok: false, reason: /^v\d+$/.test(parts[0] ?? '') ? 'version' : 'format' };
  const rest = parts.slice(1);
  if (rest.length === 1 && rest[0] === '') return { ok: true, ids: [] };
  if (rest.length > SHORTLIST_LIMIT) return { ok: false, reason: 'too-long' };
  const ids: number[] = [];
  for (const part of rest) {
    if (!/^[1-9a-z][0-9a-z]{0,9}$/.test(part)) return { ok: false, reason: 'format' };
    const id = parseInt(part, 36);
    if (!Number.isSafeInteger(id)) return { ok: false, reason: 'format' };
    if (!ids.includes(id)) ids.push(id);
  }
  return { ok: true, ids };
}

/** The CSV header of an exhibitor list (the fair's CSV and a buyer's shortlist share it). */
export function exhibitorCsvHeader(locale: Locale): string[] {
  return locale === 'vi'
    ? [
        'Gian hàng',
        'Khu',
        'Cơ sở',
        'Tỉnh/thành',
        'Sản phẩm trưng bày',
        'Chứng nhận',
        'Địa chỉ',
        'Điện thoại',
        'Email',
        'Trang web',
        'Trang trên sổ đăng ký',
      ]
    : [
        'Booth',
        'Hall',
        'Exhibitor',
        'Province',
        'Products shown',
        'Certification',
        'Address',
        'Phone',
        'Email',
        'Website',
        'Registry page',
      ];
}

/** The header and rows of an exhibitor list as CSV. */
export function exhibitorCsvRows(
  entries: readonly ExhibitorEntry[],
  locale: Locale,
  pageUrl: (producerSlug: string) => string,
): string[][] {
  return [
    exhibitorCsvHeader(locale),
    ...entries.map((e) => [
      e.booth ?? '',
      e.hall ?? '',
      e.name,
      e.currentProvinceName && e.currentProvinceName !== e.provinceName
        ? `${e.provinceName ?? ''} (${e.currentProvinceName})`
        : (e.provinceName ?? ''),
      e.products.map((p) => p.name).join('; '),
      levelBadges(e.products, locale)
        .map((b) => b.label)
        .join('; '),
      e.address ?? '',
      e.phone ?? '',
      e.email ?? '',
      e.website ?? '',
      pageUrl(e.producerSlug),
    ]),
  ];
}
