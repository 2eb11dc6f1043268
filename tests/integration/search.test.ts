import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCatalogueItems } from '#db/queries/listing.ts';
import type { CatalogueItem } from '#domain/listing.ts';
import type { Locale } from '#domain/i18n.ts';
import { buildProductSearch } from '#domain/search/bundle.ts';
import { PRODUCT_FIELDS } from '#domain/search/documents.ts';
import { ChunkedIndex } from '#domain/search/engine.ts';
import { buildIndex } from '#domain/search/pipeline.ts';
import { searchIndex } from '#domain/search/query.ts';
import { importCsv } from '#server/importer.ts';
import { evaluateQueries, labelledQueries, PRECISION_AT } from '../support/labelled-queries.ts';
import { ROOT } from '../support/paths.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const queries = labelledQueries();
const LOCALES: Locale[] = ['vi', 'en'];

let database: TestDatabase;
let items: CatalogueItem[];
beforeAll(async () => {
  database = await createTestDatabase();
  await importCsv(database, readFileSync(`${ROOT}db/seed/certified-products.csv`), { actor: { label: 'test' } });
  ({ items } = await listCatalogueItems(database.db, '2026-11-22'));
});
afterAll(async () => database.dispose());

/** The search as the browser runs it: the published files, each serialised to JSON text and read back. */
function shippedSearch(locale: Locale) {
  const files = buildProductSearch(items, locale, {
    labels: { level: {}, group: {}, province: {}, year: {}, status: {} },
    strings: { certifications: '', unknownProducer: '' },
    productBase: '/products/',
  });
  const roundTrip = <T>(value: T) => JSON.parse(JSON.stringify(value)) as T;
  const index = new ChunkedIndex(roundTrip(files.manifest.index), (n) => roundTrip(files.terms[n]!));
  const slugs = files.rows.flat().map((row) => row.slug);
  return async (q: string) => (await index.search(q)).map((h) => slugs[Number(h.ref)]!);
}

describe('search over the real seed', () => {
  it('has at least 60 Vietnamese precision cases, each labelled with products of the seed', () => {
    expect(queries.filter((q) => q.locale === 'vi' && q.reject).length).toBeGreaterThanOrEqual(60);
    const slugs = new Set(items.map((item) => item.slug));
    const wrong = queries.flatMap((q) => [
      ...[...q.expect, ...(q.reject ?? [])].filter((slug) => !slugs.has(slug)).map((slug) => `${q.file} "${q.query}": no product ${slug}`),
      ...(q.expect.some((slug) => q.reject?.includes(slug)) ? [`${q.file} "${q.query}": a product both expected and rejected`] : []),
      ...(q.k !== undefined && !(Number.isInteger(q.k) && q.k >= 1 && q.k <= PRECISION_AT) ? [`${q.file} "${q.query}": k ${q.k}`] : []),
      ...(LOCALES.includes(q.locale) ? [] : [`${q.file} "${q.query}": locale ${q.locale}`]),
    ]);
    expect(wrong).toEqual([]);
  });

  // A language whose queries are not written yet (the English file comes with the glossary) is skipped.
  it.each(LOCALES.filter((locale) => queries.some((q) => q.locale === locale)))(
    'finds the labelled products and keeps the rejected ones out of the top 5 in %s (recall@10 ≥ 0.98, precision@5 ≥ 0.9)',
    async (locale) => {
      const search = shippedSearch(locale);
      const [figures] = await evaluateQueries(
        queries.filter((q) => q.locale === locale),
        (_, q) => search(q),
      );
      console.log(
        `${locale}: ${figures!.queries} queries, ${figures!.precisionCases} precision cases: precision@5 ${figures!.precision?.toFixed(3) ?? '—'}, recall@10 ${figures!.recall.toFixed(3)}${figures!.failures.length ? `\n  ${figures!.failures.join('\n  ')}` : ''}`,
      );
      expect(figures!.recall).toBeGreaterThanOrEqual(0.98);
      if (figures!.precisionCases > 0) expect(figures!.precision).toBeGreaterThanOrEqual(0.9);
    },
  );

  it('ranks the name typed with marks above a name that differs only in marks', () => {
    const index = buildIndex(
      [
        { id: 'duong', name: 'Dương xỉ', nameExact: 'Dương xỉ', establishment: '', province: '', facets: '' },
        { id: 'duong-phen', name: 'Đường phèn', nameExact: 'Đường phèn', establishment: '', province: '', facets: '' },
      ],
      PRODUCT_FIELDS,
    );
    const fields = PRODUCT_FIELDS.map((f) => f.name);
    expect(searchIndex(index, 'đường', fields)[0]?.ref).toBe('duong-phen');
    expect(searchIndex(index, 'dương', fields)[0]?.ref).toBe('duong');
    expect(searchIndex(index, 'duong', fields)).toHaveLength(2);
  });
});
