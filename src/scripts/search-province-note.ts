/**
 * The plain word for a province a query names that has nothing in the registry yet, beside the results the
 * query's other words found ("Thái Bình" finds "Công ty Cổ phần Chè Thái Bình"). Loaded after the first
 * results, with misses.json; small, because the glossary stays in search-misses.ts.
 */
import type { Locale } from '#domain/i18n.ts';
import { MISS_WORDS } from '#domain/search/miss-strings.ts';
import { emptyProvincesIn, type MissData } from '#domain/search/province-mentions.ts';
import { el } from './dom.ts';

let missData: Promise<MissData> | undefined;

/** misses.json beside the product search files, fetched once (a failed fetch is tried again next time). */
export function loadMissData(base: string): Promise<MissData> {
  missData ??= fetch(`${base}misses.json`).then((response) => {
    if (!response.ok) throw new Error(`${base}misses.json: ${response.status}`);
    return response.json() as Promise<MissData>;
  });
  missData.catch(() => (missData = undefined));
  return missData;
}

/** One paragraph per province the query names with no product yet; none when the data cannot be fetched. */
export async function provinceNoteNodes(q: string, locale: Locale, base: string): Promise<Node[]> {
  const data = await loadMissData(base).catch(() => undefined);
  return data ? emptyProvincesIn(q, data).map((p) => el('p', {}, MISS_WORDS[locale].emptyProvince(p))) : [];
}
