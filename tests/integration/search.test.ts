import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCatalogueItems } from '../../src/db/queries/listing.ts';
import type { CatalogueItem } from '../../src/domain/catalogue.ts';
import type { Locale } from '../../src/domain/i18n.ts';
import { buildProductSearch } from '../../src/domain/search/bundle.ts';
import { PRODUCT_FIELDS } from '../../src/domain/search/documents.ts';
import { ChunkedIndex } from '../../src/domain/search/engine.ts';
import { buildIndex } from '../../src/domain/search/pipeline.ts';
import { searchIndex } from '../../src/domain/search/query.ts';
import { importCsv } from '../../src/server/importer.ts';
import { ROOT } from '../support/paths.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

interface LabelledQuery {
  query: string;
  kind: string;
  locale: Locale;
  expect: string[];
}
const { queries } = JSON.parse(readFileSync(`${ROOT}tests/fixtures/search-queries-seed.json`, 'utf8')) as { queries: LabelledQuery[] };

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
  it('has a labelled query set of at least 80 queries', () => {
    expect(queries.length).toBeGreaterThanOrEqual(80);
  });

  it('finds the labelled products in the top 10 for at least 95% of them (recall@10)', async () => {
    const search = { vi: shippedSearch('vi'), en: shippedSearch('en') };
    let found = 0;
    let wanted = 0;
    const misses: string[] = [];
    for (const q of queries) {
      const top = (await search[q.locale](q.query)).slice(0, 10);
      for (const slug of q.expect) {
        wanted++;
        if (top.includes(slug)) found++;
        else misses.push(`${q.kind}: "${q.query}" misses ${slug} (top: ${top.slice(0, 3).join(', ') || 'nothing'})`);
      }
    }
    const recall = found / wanted;
    console.log(
      `recall@10 on the real seed: ${recall.toFixed(3)} (${found}/${wanted})${misses.length ? `\n  ${misses.join('\n  ')}` : ''}`,
    );
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });

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
