import type { ProductGroupCode } from './groups.ts';
import { LEVELS, type CertificationLevel, type RegionCode } from './levels.ts';
import type { CertificationStatus } from './validity.ts';

/** A product as the catalogue lists and filters it; built at publish time. */
export interface CatalogueItem {
  slug: string;
  name: string;
  kind: 'single' | 'set';
  group: ProductGroupCode | null;
  establishmentName: string | null;
  /** English names where staff recorded them (#18.2); English pages show them instead of the Vietnamese. */
  nameEn?: string | null;
  establishmentNameEn?: string | null;
  /** The province at the newest certification, and the current province it belongs to. */
  provinceName: string;
  currentProvinceSlug: string;
  currentProvinceName: string;
  /** One entry per certification: level, year and status facets match within one certification. */
  certs: { level: LevelFacet; year: number; status: CertificationStatus }[];
  /** The best status among the certifications, for the card's badge. */
  status: CertificationStatus;
  newestYear: number;
  topLevel: LevelFacet;
  certificationCount: number;
}

/** What facets read of an item: the search page has these for every product before it has the rows. */
export type FacetFields = Pick<CatalogueItem, 'certs' | 'group' | 'currentProvinceSlug'>;

/** What a result card shows of an item. */
export type CardFields = Pick<
  CatalogueItem,
  | 'slug'
  | 'name'
  | 'establishmentName'
  | 'nameEn'
  | 'establishmentNameEn'
  | 'provinceName'
  | 'currentProvinceName'
  | 'status'
  | 'newestYear'
  | 'topLevel'
  | 'certificationCount'
>;

export const FACETS = ['level', 'group', 'province', 'year', 'status'] as const;
export type FacetKey = (typeof FACETS)[number];
export type Selection = Partial<Record<FacetKey, string>>;

/** Level facet values: regional rounds split by region. */
export type LevelFacet = 'national' | 'regional-north' | 'regional-central' | 'regional-south' | 'provincial' | 'district' | 'commune';
export const LEVEL_FACETS: readonly LevelFacet[] = [
  'national',
  'regional-north',
  'regional-central',
  'regional-south',
  'provincial',
  'district',
  'commune',
];

/** The facet value of a level: { regional, south } → "regional-south". */
export function levelFacet(level: CertificationLevel, region: RegionCode | null): LevelFacet {
  return level === 'regional' ? (`regional-${region ?? 'north'}` as LevelFacet) : level;
}

const levelRank = (facet: LevelFacet) => LEVELS.findIndex((l) => facet.startsWith(l.code));

type CertFacet = 'level' | 'year' | 'status';
const isCertFacet = (facet: FacetKey): facet is CertFacet => facet === 'level' || facet === 'year' || facet === 'status';
const certValue = (cert: CatalogueItem['certs'][number], facet: CertFacet) => String(cert[facet]);

/** The certifications of an item that match the selected level, year and status (one facet may be left out). */
function matchingCerts(item: FacetFields, selection: Selection, except?: FacetKey) {
  return item.certs.filter((cert) =>
    (['level', 'year', 'status'] as const).every((f) => f === except || selection[f] === undefined || certValue(cert, f) === selection[f]),
  );
}

/**
 * The values an item offers for one facet, given the other selections: for level, year and status,
 * only those of certifications that match the other certification facets ("provincial" and "2021"
 * means a provincial certification of 2021, not any two certifications).
 */
export function facetValuesOf(item: FacetFields, facet: FacetKey, selection: Selection = {}): string[] {
  if (isCertFacet(facet)) return [...new Set(matchingCerts(item, selection, facet).map((c) => certValue(c, facet)))];
  if (facet === 'group') return item.group ? [item.group] : [];
  return [item.currentProvinceSlug];
}

const matches = (item: FacetFields, selection: Selection, except?: FacetKey) =>
  matchingCerts(item, selection, except).length > 0 &&
  (['group', 'province'] as const).every(
    (f) => f === except || selection[f] === undefined || facetValuesOf(item, f).includes(selection[f]),
  );

/** The items that have every selected facet value. */
export function filterItems<T extends FacetFields>(items: readonly T[], selection: Selection): T[] {
  return items.filter((item) => matches(item, selection));
}

/**
 * Counts per facet value, each facet counted with the *other* selected facets applied, so a count says
 * how many results choosing that value would give.
 */
export function countFacets(items: readonly FacetFields[], selection: Selection): Record<FacetKey, Map<string, number>> {
  const counts = Object.fromEntries(FACETS.map((f) => [f, new Map<string, number>()])) as Record<FacetKey, Map<string, number>>;
  for (const facet of FACETS) {
    for (const item of items) {
      if (!matches(item, selection, facet)) continue;
      for (const value of facetValuesOf(item, facet, selection)) counts[facet].set(value, (counts[facet].get(value) ?? 0) + 1);
    }
  }
  return counts;
}

export type SortOrder = 'newest' | 'name';
const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Vietnamese alphabetical order ("Ă" after "A", "Đ" after "D"), by the locale's collation rules. */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}

/** Newest certification first (then higher level, then name), or by name in Vietnamese order. */
export function sortItems(items: readonly CatalogueItem[], order: SortOrder): CatalogueItem[] {
  const byName = (a: CatalogueItem, b: CatalogueItem) => compareVietnamese(a.name, b.name);
  if (order === 'name') return [...items].sort(byName);
  return [...items].sort((a, b) => b.newestYear - a.newestYear || levelRank(b.topLevel) - levelRank(a.topLevel) || byName(a, b));
}

export const PAGE_SIZE = 24;

/** One page (1-based) of a list and how many pages there are (at least 1). */
export function paginate<T>(items: readonly T[], page: number, size = PAGE_SIZE): { items: T[]; pages: number } {
  return { items: items.slice((page - 1) * size, page * size), pages: Math.max(1, Math.ceil(items.length / size)) };
}

/** Reads facets, sort and page from a query string; unknown keys and empty values are ignored. */
export function parseSelection(params: URLSearchParams): { selection: Selection; sort: SortOrder; page: number } {
  const selection: Selection = {};
  for (const facet of FACETS) {
    const value = params.get(facet)?.trim();
    if (value) selection[facet] = value;
  }
  const page = Number(params.get('page'));
  return { selection, sort: params.get('sort') === 'name' ? 'name' : 'newest', page: Number.isInteger(page) && page > 1 ? page : 1 };
}

/** The query string of a selection, in facet order: "?level=national&year=2021". */
export function selectionToQuery(selection: Selection, sort: SortOrder = 'newest', page = 1): string {
  const params = new URLSearchParams();
  for (const facet of FACETS) if (selection[facet]) params.set(facet, selection[facet]);
  if (sort !== 'newest') params.set('sort', sort);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The prerendered path of a single facet value's listing: "/products/level/national/page/2/". */
export function facetPagePath(facet: FacetKey | null, value: string | null, page = 1): string {
  const base = facet && value ? `/products/${facet}/${value}/` : '/products/';
  return page > 1 ? `${base}page/${page}/` : base;
}
