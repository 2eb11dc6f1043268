/**
 * The labelled search queries over the real seed (tests/fixtures/search-queries-*.json, format in
 * tests/fixtures/README.md) and their figures per language: recall@10 and precision@5. Read by the
 * integration test (with thresholds) and by `npm run bench -- search` (beside Pagefind).
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Locale } from '#domain/i18n.ts';
import { ROOT } from './paths.ts';

export interface LabelledQuery {
  query: string;
  kind: string;
  locale: Locale;
  /** Products (slugs) that must be in the top 10. */
  expect: string[];
  /** Products that must not be in the top `k`. */
  reject?: string[];
  /** The cut-off for `reject` (1–5, default 5): 1 when the registry holds fewer than five right answers. */
  k?: number;
  /** The file the query came from. */
  file: string;
}

export const PRECISION_AT = 5;
export const RECALL_AT = 10;
const FIXTURES = `${ROOT}tests/fixtures/`;

/** Every query of every tests/fixtures/search-queries-*.json file that exists, in file order. */
export function labelledQueries(): LabelledQuery[] {
  return readdirSync(FIXTURES)
    .filter((name) => /^search-queries-[\w-]+\.json$/.test(name))
    .sort()
    .flatMap((file) =>
      (JSON.parse(readFileSync(`${FIXTURES}${file}`, 'utf8')) as { queries: Omit<LabelledQuery, 'file'>[] }).queries.map((q) => ({
        ...q,
        file,
      })),
    );
}

export interface LanguageFigures {
  locale: Locale;
  queries: number;
  /** Queries with a `reject` list: the precision cases. */
  precisionCases: number;
  /** Expected products found in the top 10, over all expected products. */
  recall: number;
  /** Mean over the precision cases of the share of the top min(k, 5) results that are not rejected (0 when nothing is found); null without precision cases. */
  precision: number | null;
  /** One line per expected product missed and per rejected product shown. */
  failures: string[];
}

/** Runs every query through `search` (slugs, best first) and computes the figures of each language present. */
export async function evaluateQueries(
  queries: readonly LabelledQuery[],
  search: (locale: Locale, query: string) => Promise<string[]>,
): Promise<LanguageFigures[]> {
  const byLocale = new Map<Locale, LabelledQuery[]>();
  for (const q of queries) byLocale.set(q.locale, [...(byLocale.get(q.locale) ?? []), q]);
  const figures: LanguageFigures[] = [];
  for (const [locale, list] of byLocale) {
    let wanted = 0;
    let found = 0;
    let precisionSum = 0;
    let precisionCases = 0;
    const failures: string[] = [];
    for (const q of list) {
      const results = await search(locale, q.query);
      const top = results.slice(0, RECALL_AT);
      for (const slug of q.expect) {
        wanted++;
        if (top.includes(slug)) found++;
        else failures.push(`"${q.query}" misses ${slug} (top: ${top.slice(0, 3).join(', ') || 'nothing'})`);
      }
      if (!q.reject) continue;
      precisionCases++;
      const shown = results.slice(0, Math.min(q.k ?? PRECISION_AT, PRECISION_AT));
      const wrong = shown.filter((slug) => q.reject!.includes(slug));
      for (const slug of wrong) failures.push(`"${q.query}" shows ${slug} in its top ${shown.length}`);
      precisionSum += shown.length === 0 ? 0 : (shown.length - wrong.length) / shown.length;
    }
    figures.push({
      locale,
      queries: list.length,
      precisionCases,
      recall: wanted === 0 ? 1 : found / wanted,
      precision: precisionCases === 0 ? null : precisionSum / precisionCases,
      failures,
    });
  }
  return figures;
}
