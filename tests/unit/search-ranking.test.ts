/**
 * The ranking rules of #18.1 (decision 028), each bad case of the issue over the real seed's documents:
 * every product row of db/seed/certified-products.csv as the site indexes it (name, producer, province as
 * certified and now), searched the way the browser searches (the lunr reference `searchIndex`, equal to
 * the chunked engine: tests/unit/search-compact.test.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seedProvinceUnits } from '#db/reference.ts';
import { parseCsv } from '#domain/import/csv.ts';
import { PRODUCT_FIELDS, productSearchDocument } from '#domain/search/documents.ts';
import { buildIndex, EXACT_FIELD } from '#domain/search/pipeline.ts';
import { combineWordHits, searchIndex, type WordHit } from '#domain/search/query.ts';
import type { CatalogueItem } from '#domain/listing.ts';
import { ROOT } from '../support/paths.ts';

const parsed = parseCsv(readFileSync(`${ROOT}db/seed/certified-products.csv`, 'utf8'));
if (!parsed.ok) throw new Error(`seed CSV: ${parsed.reason}`);
const [header, ...rows] = parsed.records.map((r) => r.cells);
const column = (name: string) => header!.indexOf(name);
const successor = new Map(seedProvinceUnits().map((u) => [u.name, u.successorName ?? u.name]));
/** One document per product name (a product certified twice is one catalogue item). */
const products = new Map<string, { name: string; producer: string; province: string }>();
for (const cells of rows) {
  const name = cells[column('product_name')]!.trim();
  products.set(name, { name, producer: cells[column('producer')]!.trim(), province: cells[column('province')]!.trim() });
}
const docs = [...products.values()].map((p) =>
  productSearchDocument(
    {
      slug: p.name,
      name: p.name,
      establishmentName: p.producer,
      provinceName: p.province,
      currentProvinceName: successor.get(p.province) ?? p.province,
    } as CatalogueItem,
    [],
  ),
);
const index = buildIndex(docs, PRODUCT_FIELDS);
const fields = PRODUCT_FIELDS.map((f) => f.name);
/** Product names, best first. */
const search = (q: string) => searchIndex(index, q, fields).map((h) => h.ref);

describe('ranking over the real seed (#18.1)', () => {
  it('reads every product of the seed', () => {
    expect(docs.length).toBeGreaterThan(100);
    expect(products.has('Trà Ô Long')).toBe(true);
  });

  it('"Thái Bình": both words in one field (the producer "Chè Thái Bình") before one word in the province and one in the name', () => {
    for (const q of ['Thái Bình', 'thai binh']) {
      const top = search(q);
      expect(top[0], q).toBe('Trà Ô Long');
      expect(top.indexOf('Bộ sản phẩm Trà Hoa vàng An Bình'), q).toBeGreaterThan(0);
      expect(top.indexOf('Ngân long trà song ấm'), q).toBeGreaterThan(0);
    }
  });

  it('"thủ công": the handicraft cooperative first, not the cake whose name holds "Thu" without its marks', () => {
    const top = search('thủ công');
    expect(top[0]).toBe('Bộ sản phẩm cói treo tường');
    expect(top.indexOf('Bánh dừa nướng mè đen Quý Thu')).toBeGreaterThan(top.indexOf('Cửa cuốn'));
  });

  it('"banh": only cakes; door hinges ("bản lề") and rattan tables ("bàn") are typos it does not stretch to', () => {
    for (const q of ['banh', 'bánh']) {
      const top = search(q);
      expect(top.length, q).toBeGreaterThanOrEqual(2);
      expect(
        top.every((name) => /\bb[aá]nh\b/iu.test(name.normalize('NFC'))),
        `${q}: ${top.join(' | ')}`,
      ).toBe(true);
    }
  });

  it('"chè": every product named chè before any other, and Tinh dầu hồi (producer "Chế biến…") not in the first ten', () => {
    const top = search('chè');
    const named = top.filter((name) => /^chè /iu.test(name));
    expect(named.length).toBeGreaterThanOrEqual(5);
    expect(top.slice(0, named.length)).toEqual(named);
    expect(top.slice(0, 10)).not.toContain('Tinh dầu hồi');
  });

  it('a word typed with marks ranks names holding it with other marks last ("dừa" coconut before "dứa" pineapple, "Dưa")', () => {
    const top = search('dừa');
    const coconut = top.filter((name) => /dừa/iu.test(name));
    expect(coconut.length).toBeGreaterThanOrEqual(2);
    expect(top.slice(0, coconut.length)).toEqual(coconut);
    expect(top).toContain('Dưa kiệu');
  });

  it('a province typed in full ranks its products before a name and a province that share one word each', () => {
    const top = search('Bình Dương');
    const ranked = top.indexOf('Bình Phượng Hoàng S1');
    expect(ranked).toBeGreaterThanOrEqual(3);
    expect(top.slice(0, ranked).every((name) => products.get(name)!.province === 'Bình Dương')).toBe(true);
  });
});

describe('combineWordHits', () => {
  const hit = (score: number, exact: number, fields: number): WordHit => ({ score, exact, fields });
  it('orders by exactness, then one field holding every word, then score', () => {
    const words = [
      new Map([
        ['a', hit(9, 2, 0b01)],
        ['b', hit(1, 2, 0b10)],
        ['c', hit(3, 2, 0b01)],
        ['d', hit(50, 0, 0b01)],
      ]),
    ];
    words.push(
      new Map([
        ['a', hit(9, 2, 0b10)],
        ['b', hit(1, 2, 0b10)],
        ['c', hit(1, 2, 0b01)],
        ['d', hit(50, 2, 0b01)],
      ]),
    );
    expect(combineWordHits(words).map((h) => h.ref)).toEqual(['c', 'b', 'a', 'd']);
  });

  it('leaves out documents a word does not match', () => {
    expect(combineWordHits([new Map([['a', hit(1, 2, 1)]]), new Map([['b', hit(1, 2, 1)]])])).toEqual([]);
  });
});

describe('the typo clause', () => {
  const small = buildIndex(
    [
      { id: 'banh', name: 'Bánh chưng', [EXACT_FIELD]: 'Bánh chưng', establishment: '', province: '', facets: '' },
      { id: 'ban', name: 'Bàn mây', [EXACT_FIELD]: 'Bàn mây', establishment: '', province: '', facets: '' },
      { id: 'ghe', name: 'Ghế mây', [EXACT_FIELD]: 'Ghế mây', establishment: 'Tổ hợp Bàn Thạch', province: '', facets: '' },
    ],
    PRODUCT_FIELDS,
  );
  const refs = (q: string) => searchIndex(small, q, fields).map((h) => h.ref);
  it('is not applied to a word that exists as typed, and still forgives a word that does not', () => {
    expect(refs('banh')).toEqual(['banh']);
    expect(refs('chung banh')).toEqual(['banh']);
    expect(refs('bamh chung')).toEqual(['banh']);
  });
  it('never puts a prefix match before an exact one', () => {
    // "Bánh" in a name counts ten times "Bàn" in a producer's name, but only as a prefix.
    expect(refs('ban')).toEqual(['ban', 'ghe', 'banh']);
  });
});
