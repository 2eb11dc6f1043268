import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCatalogueItems } from '#db/queries/listing.ts';
import type { CatalogueItem } from '#domain/listing.ts';
import type { Locale } from '#domain/i18n.ts';
import { buildProductSearch } from '#domain/search/bundle.ts';
import { ChunkedIndex } from '#domain/search/engine.ts';
import { importCsv } from '#server/importer.ts';
import { ROOT } from '../support/paths.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/** A labelled query: products that must be in the top 10, and products that must not be in the top 5. */
interface LabelledQuery {
  query: string;
  kind: string;
  locale: Locale;
  expect: string[];
  reject: string[];
}
const { queries } = JSON.parse(readFileSync(`${ROOT}tests/fixtures/search-queries-en.json`, 'utf8')) as { queries: LabelledQuery[] };

let database: TestDatabase;
let items: CatalogueItem[];
beforeAll(async () => {
  database = await createTestDatabase();
  await importCsv(database, readFileSync(`${ROOT}db/seed/certified-products.csv`), { actor: { label: 'test' } });
  ({ items } = await listCatalogueItems(database.db, '2026-11-22'));
});
afterAll(async () => database.dispose());

/** The English product search as the browser runs it: the published files, serialised and read back. */
function shippedSearch(locale: Locale, catalogue: readonly CatalogueItem[] = items) {
  const files = buildProductSearch(catalogue, locale, {
    labels: { level: {}, group: {}, province: {}, year: {}, status: {} },
    strings: { certifications: '', unknownProducer: '' },
    productBase: '/products/',
  });
  const roundTrip = <T>(value: T) => JSON.parse(JSON.stringify(value)) as T;
  const index = new ChunkedIndex(roundTrip(files.manifest.index), (n) => roundTrip(files.terms[n]!));
  const slugs = files.rows.flat().map((row) => row.slug);
  return async (q: string) => (await index.search(q)).map((h) => slugs[Number(h.ref)]!);
}

describe('English names staff recorded (#18.2)', () => {
  it('find their product on /en/search/ and not on /search/', async () => {
    const named = items.map((item) =>
      item.slug === 'bun-ngo' ? { ...item, nameEn: 'Hilltop strands', establishmentNameEn: 'Maize Noodle Workshop' } : item,
    );
    expect((await shippedSearch('en', named)('hilltop strands')).slice(0, 1)).toEqual(['bun-ngo']);
    expect((await shippedSearch('en', named)('maize noodle workshop')).slice(0, 1)).toEqual(['bun-ngo']);
    expect(await shippedSearch('en', items)('maize noodle workshop')).not.toContain('bun-ngo');
    expect(await shippedSearch('vi', named)('maize noodle workshop')).toEqual([]);
  });
});

describe('the English labelled queries', () => {
  it('are at least 40, all English, each naming products that must and must not rank', () => {
    expect(queries.length).toBeGreaterThanOrEqual(40);
    const slugs = new Set(items.map((i) => i.slug));
    for (const q of queries) {
      expect(q.locale, q.query).toBe('en');
      expect(q.expect.length, q.query).toBeGreaterThan(0);
      expect(q.reject.length, q.query).toBeGreaterThan(0);
      for (const slug of [...q.expect, ...q.reject]) expect(slugs.has(slug), `${q.query}: ${slug} is a seed product`).toBe(true);
    }
  });

  it('find every expected product in the top 10 and no unwanted one in the top 5 of /en/search/', async () => {
    const search = shippedSearch('en');
    const failures: string[] = [];
    for (const q of queries) {
      const top = await search(q.query);
      const missing = q.expect.filter((slug) => !top.slice(0, 10).includes(slug));
      const unwanted = q.reject.filter((slug) => top.slice(0, 5).includes(slug));
      if (missing.length || unwanted.length)
        failures.push(
          `"${q.query}": missing ${missing.join(', ') || '-'}; unwanted ${unwanted.join(', ') || '-'} (top: ${top.slice(0, 5).join(', ')})`,
        );
    }
    console.log(
      `English labelled queries: ${queries.length - failures.length}/${queries.length} pass${failures.length ? `\n  ${failures.join('\n  ')}` : ''}`,
    );
    expect(failures).toEqual([]);
  });
});
