/**
 * What the fair pages are built from: the fairs with their phase and exhibitor counts, one fair's
 * exhibitor directory (entries in booth order, filter options, floor plan) and its search index.
 * Read once per build and shared by the page, its print views, its CSV and its JSON.
 */
import { getDatabase } from '#db/client.ts';
import { countFairExhibitors, getFairBySlug, listFairExhibitors, listFairs } from '#db/queries/fairs.ts';
import type { Fair } from '#db/schema/fairs.ts';

export type { Fair };
import { groupLabel, levelFacetLabel, provinceFacetLabel } from '#domain/facet-labels.ts';
import { compareVietnamese } from '#domain/listing.ts';
import { compareExhibitors, exhibitorFacets, exhibitorGroups, type ExhibitorEntry, type ExhibitorFacets } from '#domain/exhibitors.ts';
import { compareBoothCodes, fairPhase, type FairPhase } from '#domain/fairs.ts';
import type { ProductGroupCode } from '#domain/groups.ts';
import type { Locale } from '#domain/i18n.ts';
import { buildCompactIndex, type CompactChunk, type CompactManifest } from '#domain/search/compact.ts';
import { EXHIBITOR_FIELDS, exhibitorSearchDocument, type ExhibitorSearchRow } from '#domain/search/documents.ts';
import { todayIso } from '#domain/validity.ts';
import { getCatalogueData, type FacetOption } from './listing-data.ts';
import { listFairMoves } from './redirect-data.ts';

export interface FairSummary {
  fair: Fair;
  phase: FairPhase;
  exhibitors: number;
  samples: number;
}

/** Every published fair with its phase (as of the build) and how many exhibitors it lists. */
export async function listFairSummaries(): Promise<FairSummary[]> {
  const { db } = await getDatabase();
  const today = todayIso();
  const counts = await countFairExhibitors(db);
  return (await listFairs(db)).map((fair) => ({
    fair,
    phase: fairPhase(fair, today),
    exhibitors: counts.get(fair.id)?.exhibitors ?? 0,
    samples: counts.get(fair.id)?.samples ?? 0,
  }));
}

/** The pages of every published fair (its page, print views and files), by slug. */
export async function fairPaths(): Promise<{ params: { slug: string } }[]> {
  return (await listFairSummaries()).map(({ fair }) => ({ params: { slug: fair.slug } }));
}

/** The fair pages: each published fair's, and one at each renamed fair's old address that sends visitors on. */
export async function fairPagePaths(): Promise<{ params: { slug: string }; props: { movedTo: string | null } }[]> {
  const fairs = (await fairPaths()).map(({ params }) => ({ params, props: { movedTo: null } }));
  // Our server answers the old address with a 301 before this page is reached; the page serves static hosts.
  const moved = (await listFairMoves()).map(({ oldSlug, slug }) => ({ params: { slug: oldSlug }, props: { movedTo: slug } }));
  return [...fairs, ...moved];
}

/** A booth's rectangle on the plan. */
export interface PlanBooth {
  id: number;
  booth: string;
  hall: string | null;
  name: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface FairDirectory {
  fair: Fair;
  phase: FairPhase;
  /** Booth order. */
  entries: ExhibitorEntry[];
  facets: Map<number, ExhibitorFacets>;
  options: { groups: FacetOption[]; provinces: FacetOption[]; halls: FacetOption[] };
  plan: { width: number; height: number; booths: PlanBooth[] } | null;
  hasSample: boolean;
}

const directories = new Map<string, Promise<FairDirectory | null>>();

/** One fair's directory in one language, or null when no published fair has that slug. */
export function getFairDirectory(slug: string, locale: Locale): Promise<FairDirectory | null> {
  const key = `${locale}:${slug}`;
  let directory = directories.get(key);
  if (!directory) {
    directory = readDirectory(slug, locale);
    directories.set(key, directory);
  }
  return directory;
}

/** The directory of fair `slug`, which `fairPaths` listed: a fair gone since is an error. */
export async function getFairPage(slug: string, locale: Locale): Promise<FairDirectory> {
  const directory = await getFairDirectory(slug, locale);
  if (!directory) throw new Error(`fair ${slug} vanished during the build`);
  return directory;
}

async function readDirectory(slug: string, locale: Locale): Promise<FairDirectory | null> {
  const { db } = await getDatabase();
  const fair = await getFairBySlug(db, slug);
  if (!fair) return null;
  const { items } = await getCatalogueData(locale);
  const bySlug = new Map(items.map((i) => [i.slug, i]));
  const rows = await listFairExhibitors(db, fair.id);
  const entries: ExhibitorEntry[] = rows
    .map((r) => ({
      id: r.id,
      booth: r.booth,
      hall: r.hall,
      name: r.name,
      producerSlug: r.producerSlug,
      provinceName: r.provinceName,
      currentProvinceSlug: r.currentProvinceSlug,
      currentProvinceName: r.currentProvinceName,
      address: r.address,
      phone: r.phone,
      email: r.email,
      website: r.website,
      isSample: r.isSample,
      products: r.productSlugs
        .map((s) => bySlug.get(s))
        .filter((i) => i !== undefined)
        .map((i) => ({ slug: i.slug, name: i.name, group: i.group, topLevel: i.topLevel, status: i.status }))
        .sort((a, b) => compareVietnamese(a.name, b.name)),
    }))
    .sort(compareExhibitors('booth'));
  const facets = new Map(entries.map((e) => [e.id, exhibitorFacets(e)]));

  const count = <T extends string>(values: (T | null)[]) => {
    const counts = new Map<T, number>();
    for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
    return counts;
  };
  const groupCounts = count(entries.flatMap((e) => exhibitorGroups(e)));
  const provinceCounts = count(entries.map((e) => e.currentProvinceSlug));
  const hallCounts = count(entries.map((e) => e.hall));
  const provinceNames = new Map<string, { name: string; old: Set<string> }>();
  for (const e of entries) {
    if (!e.currentProvinceSlug) continue;
    const p = provinceNames.get(e.currentProvinceSlug) ?? { name: e.currentProvinceName ?? '', old: new Set<string>() };
    if (e.provinceName) p.old.add(e.provinceName);
    provinceNames.set(e.currentProvinceSlug, p);
  }
  const options = {
    groups: (['handicraft', 'food', 'machinery', 'other'] as ProductGroupCode[])
      .filter((g) => groupCounts.has(g))
      .map((g) => ({ value: g, label: groupLabel(g, locale), count: groupCounts.get(g)! })),
    provinces: [...provinceNames.entries()]
      .sort((a, b) => compareVietnamese(a[1].name, b[1].name))
      .map(([value, p]) => ({ value, label: provinceFacetLabel(p.name, [...p.old], locale), count: provinceCounts.get(value)! })),
    halls: [...hallCounts.keys()].sort(compareVietnamese).map((h) => ({ value: h, label: h, count: hallCounts.get(h)! })),
  };

  const positioned = rows.filter((r) => r.plan !== null && r.booth !== null);
  const plan =
    fair.planWidth && fair.planHeight && positioned.length > 0
      ? {
          width: fair.planWidth,
          height: fair.planHeight,
          // Booth order (A1, A2, …, A10), so the plan's links are met in the order people read the booths.
          booths: positioned
            .map((r) => ({ id: r.id, booth: r.booth!, hall: r.hall, name: r.name, ...r.plan! }))
            .sort((a, b) => compareBoothCodes(a.booth, b.booth)),
        }
      : null;
  return { fair, phase: fairPhase(fair, todayIso()), entries, facets, options, plan, hasSample: entries.some((e) => e.isSample) };
}

/** The words of an exhibitor's groups and levels in one language, for its search document. */
function facetWords(entry: ExhibitorEntry, locale: Locale): string[] {
  const words = new Set<string>();
  for (const g of exhibitorGroups(entry)) words.add(groupLabel(g, locale));
  for (const p of entry.products) words.add(levelFacetLabel(p.topLevel, locale));
  return [...words];
}

/** An exhibitor's search document; the booth is also indexed by its number alone, so "12" finds A12. */
function exhibitorDocument(e: ExhibitorEntry, locale: Locale) {
  const booth = e.booth ? `${e.booth} ${(e.booth.match(/\d+/g) ?? []).join(' ')}` : null;
  return exhibitorSearchDocument(
    { ...e, booth },
    e.products.map((p) => p.name),
    facetWords(e, locale),
  );
}

/** The directory's search index (one compact chunk) and the exhibitor id of each document number. */
export async function fairSearchData(
  slug: string,
  locale: Locale,
): Promise<{ manifest: CompactManifest; chunks: CompactChunk[]; ids: number[] } | null> {
  const directory = await getFairDirectory(slug, locale);
  if (!directory) return null;
  const docs = directory.entries.map((e, n) => ({ id: String(n), ...exhibitorDocument(e, locale) }));
  const { manifest, chunks } = buildCompactIndex(docs, EXHIBITOR_FIELDS, Infinity);
  return { manifest, chunks, ids: directory.entries.map((e) => e.id) };
}

/** Every fair's exhibitors in one language as one compact chunk with their rows, for /search/. */
export async function exhibitorSearchData(
  locale: Locale,
): Promise<{ manifest: CompactManifest; chunks: CompactChunk[]; rows: ExhibitorSearchRow[] }> {
  const rows: ExhibitorSearchRow[] = [];
  const docs: Record<string, string>[] = [];
  for (const { fair, exhibitors } of await listFairSummaries()) {
    if (exhibitors === 0) continue;
    const directory = (await getFairDirectory(fair.slug, locale))!;
    for (const e of directory.entries) {
      docs.push({ id: String(rows.length), ...exhibitorDocument(e, locale) });
      rows.push({
        id: e.id,
        fairSlug: fair.slug,
        fairName: fair.name,
        booth: e.booth,
        name: e.name,
        province: e.provinceName ?? '',
        isSample: e.isSample,
      });
    }
  }
  const { manifest, chunks } = buildCompactIndex(docs, EXHIBITOR_FIELDS, Infinity);
  return { manifest, chunks, rows };
}
