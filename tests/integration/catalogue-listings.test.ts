/**
 * #19.3: a catalogue listing is filtered and sorted once per build and sliced by each of its pages (sorting
 * the whole listing again on each page made the build quadratic in the number of products).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDatabase } from '#db/client.ts';
import { filterItems, PAGE_SIZE, paginate, sortItems } from '#domain/listing.ts';
import { catalogueListingPaths, getCatalogueData, getListingItems } from '#server/listing-data.ts';
import { importCsv } from '#server/importer.ts';
import { ROOT } from '../support/paths.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  const outcome = await importCsv(database, readFileSync(join(ROOT, 'db/seed/certified-products.csv')), { actor: { label: 'seed' } });
  if (!outcome.ok) throw new Error('seed did not import');
  process.env['DATABASE_URL'] = database.url;
});
afterAll(async () => {
  if (process.env['DATABASE_URL'] === database.url) (await getDatabase()).close();
  await database.dispose();
});

describe('getListingItems', () => {
  it('gives every listing’s items in the order its pages show, filtered by its facet value', async () => {
    const { items } = await getCatalogueData('vi');
    const paths = await catalogueListingPaths('vi');
    const listings = new Set(paths.map(({ props }) => `${props.facet ?? ''}|${props.value ?? ''}`));
    expect(listings.size).toBeGreaterThan(5);
    for (const { props } of paths) {
      const listing = await getListingItems('vi', props.facet, props.value);
      const expected = sortItems(props.facet && props.value ? filterItems(items, { [props.facet]: props.value }) : items, 'newest');
      expect(listing).toEqual(expected);
      expect(paginate(listing, props.page).items.length).toBeLessThanOrEqual(PAGE_SIZE);
    }
  });

  it('sorts a listing once: every page of it gets the same array', async () => {
    const first = await getListingItems('en', 'level', 'provincial');
    const again = await getListingItems('en', 'level', 'provincial');
    expect(again).toBe(first);
    expect(await getListingItems('vi', 'level', 'provincial')).not.toBe(first);
  });
});
