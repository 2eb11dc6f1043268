import { describe, expect, it } from 'vitest';
import { buildCompactIndex, chunksInRange, decodeTerm, indexOfTerms, termKey, tokenSetOf } from '#domain/search/compact.ts';
import { PRODUCT_FIELDS, productFacetWords, productSearchDocument } from '#domain/search/documents.ts';
import { ChunkedIndex } from '#domain/search/engine.ts';
import { buildIndex } from '#domain/search/pipeline.ts';
import { queryWords, wordHits, wordRange, type WordHit } from '#domain/search/query.ts';
import { scoreWord } from '#domain/search/score.ts';
import { syntheticCatalogue, syntheticQueries } from '../support/synthetic.ts';

const catalogue = syntheticCatalogue(600, 11);
const docs = catalogue.items.map((item, n) => ({ ...productSearchDocument(item, productFacetWords(item, 'vi')), id: String(n) }));
const fields = PRODUCT_FIELDS.map((f) => f.name);
const queries = syntheticQueries(catalogue, 150, 3).map((q) => q.query);
/** Equal hits: the same exactness and fields, and scores equal but for the last bits of floating-point sums. */
const same = (a: WordHit | undefined, b: WordHit) =>
  a !== undefined && a.exact === b.exact && a.fields === b.fields && Math.abs(a.score - b.score) <= 1e-9;
/** Every query and each of its prefixes, as a visitor types it. */
const typed = queries.flatMap((q) => [...q].map((_, i) => q.slice(0, i + 1))).filter((_, i) => i % 5 === 0);

describe('compact index', () => {
  const whole = buildIndex(docs, PRODUCT_FIELDS);
  const { manifest, chunks } = buildCompactIndex(docs, PRODUCT_FIELDS, 2_000);
  const decoded = indexOfTerms(
    manifest,
    chunks.flatMap((c) => c.terms),
  );

  it('cuts the terms into many chunks in key order', () => {
    expect(chunks.length).toBeGreaterThan(20);
    const keys = chunks.flatMap((c) => c.terms.map(([term]) => termKey(term)));
    expect(keys).toEqual([...keys].sort());
    expect(manifest.chunks).toEqual(chunks.map((c) => termKey(c.terms[0]![0])));
  });

  it('scores every word as lunr’s own query does on the same terms', () => {
    const all = chunks.flatMap((c) => c.terms);
    const mismatches: string[] = [];
    let compared = 0;
    for (const q of typed.slice(0, 300)) {
      for (const word of queryWords(q)) {
        const [from, to] = wordRange(word);
        const terms = all.filter(([term]) => termKey(term) >= from && termKey(term) < to);
        const expected = wordHits(indexOfTerms(manifest, terms), word, fields);
        const got = scoreWord(
          { terms: new Map(terms.map((t) => [t[0], decodeTerm(manifest, t)])), tokenSet: tokenSetOf(terms.map(([t]) => t).sort()) },
          word,
          fields,
        );
        if (got.size !== expected.size || [...expected].some(([ref, hit]) => !same(got.get(ref), hit)))
          mismatches.push(`${q} / ${word.word}`);
        compared += expected.size;
      }
    }
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(1000);
  }, 60_000);

  it('decodes to a lunr index that scores every word exactly as the one built in one piece', () => {
    let compared = 0;
    const mismatches: string[] = [];
    for (const q of typed) {
      for (const word of queryWords(q)) {
        const expected = wordHits(whole, word, fields);
        const got = [...wordHits(decoded, word, fields)];
        // Same documents in the same order; scores equal but for the last bits of floating-point sums
        // (lunr adds a vector's products in term order, and our chunks number terms differently).
        const refs = [...expected.keys()];
        if (got.length !== refs.length || got.some(([ref, hit], i) => ref !== refs[i] || !same(expected.get(ref), hit)))
          mismatches.push(`${q} / ${word.word}`);
        compared += expected.size;
      }
    }
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(1000);
  }, 60_000);

  it('finds a range’s chunks, including the one a range starts inside', () => {
    const starts = manifest.chunks;
    expect(chunksInRange(manifest, starts[3]!, `${starts[3]!}\uffff`)[0]).toBe(3);
    expect(chunksInRange(manifest, `${starts[3]!}a`, `${starts[3]!}b`)).toEqual([3]);
    expect(chunksInRange(manifest, '', '\uffff')).toHaveLength(starts.length);
  });

  it('refuses documents that are not numbered 0, 1, 2…', () => {
    expect(() => buildCompactIndex([{ ...docs[0]!, id: 'x' }], PRODUCT_FIELDS)).toThrow(/ids must be 0, 1, 2/);
  });
});

describe('ChunkedIndex', () => {
  const small = buildCompactIndex(docs, PRODUCT_FIELDS, 1_000);
  const one = buildCompactIndex(docs, PRODUCT_FIELDS, Infinity);
  const fetched: number[] = [];
  const chunked = new ChunkedIndex(small.manifest, (n) => {
    fetched.push(n);
    return small.chunks[n]!;
  });
  const single = new ChunkedIndex(one.manifest, (n) => one.chunks[n]!);

  it('gives the same results whatever the chunk size', async () => {
    expect(one.chunks).toHaveLength(1);
    for (const q of typed) expect(await chunked.search(q)).toEqual(await single.search(q));
  }, 60_000);

  it('fetches only the chunks a query’s words reach', async () => {
    fetched.length = 0;
    const fresh = new ChunkedIndex(small.manifest, (n) => {
      fetched.push(n);
      return small.chunks[n]!;
    });
    const item = catalogue.items[42]!;
    const hits = await fresh.search(item.name);
    expect(hits.slice(0, 10).map((h) => h.ref)).toContain('42');
    expect(fetched.length).toBeLessThan(small.chunks.length / 4);
  });

  it('finds Vietnamese typed with marks, without, half-typed and with a typo after the second letter', async () => {
    const item = catalogue.items.find((i) => /^Trà /.test(i.name)) ?? catalogue.items[0]!;
    const n = String(catalogue.items.indexOf(item));
    const words = item.name.split(' ');
    const fold = (s: string) =>
      s
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/đ/gi, 'd')
        .toLowerCase();
    const long = words.findIndex((w) => w.length >= 5);
    const typo = words.map((w, i) => (i === long ? `${w.slice(0, 3)}${w.slice(3)}${w.at(-1)!}` : w)).join(' ');
    for (const q of [item.name, fold(item.name), `${words.slice(0, -1).join(' ')} ${words.at(-1)!.slice(0, 2)}`, typo])
      expect(
        (await chunked.search(q)).slice(0, 10).map((h) => h.ref),
        q,
      ).toContain(n);
  });

  it('answers an empty query with nothing and a failed fetch with an error it can retry', async () => {
    expect(await chunked.search('  ')).toEqual([]);
    let fail = true;
    const flaky = new ChunkedIndex(small.manifest, (n) => (fail ? Promise.reject(new Error('offline')) : small.chunks[n]!));
    await expect(flaky.search('tra')).rejects.toThrow('offline');
    fail = false;
    expect((await flaky.search('tra')).length).toBeGreaterThan(0);
  });
});
