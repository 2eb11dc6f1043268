/**
 * Searching a compact, chunked index: each typed word fetches only the chunks its key range touches
 * (`wordRange`), expands over exactly the terms of that range with lunr's token sets, and is scored
 * as lunr scores it (`scoreWord`); the words' results are intersected. The same code runs in the
 * browser, in tests and in the benchmark; only `loadChunk` differs.
 */
import { chunksInRange, decodeTerm, termKey, tokenSetOf, type CompactChunk, type CompactManifest, type DecodedTerm } from './compact.ts';
import { combineWordHits, queryWords, wordRange, type SearchHit, type WordHit } from './query.ts';
import { scoreWord, type TermRange } from './score.ts';

/** Ranges kept for reuse as the visitor types, and each word's hits, so a keystroke scores one word. */
const RANGE_CACHE = 24;
const HIT_CACHE = 64;

interface LoadedChunk {
  keys: string[];
  terms: DecodedTerm[];
}

const remember = <K, V>(cache: Map<K, V>, key: K, value: V, limit: number) => {
  cache.set(key, value);
  if (cache.size > limit) cache.delete(cache.keys().next().value!);
  return value;
};

export class ChunkedIndex {
  readonly manifest: CompactManifest;
  private readonly loadChunk: (n: number) => Promise<CompactChunk> | CompactChunk;
  private readonly chunks = new Map<number, Promise<LoadedChunk>>();
  private readonly ranges = new Map<string, TermRange>();
  private readonly hits = new Map<string, Map<string, WordHit>>();
  private readonly fieldNames: string[];

  constructor(manifest: CompactManifest, loadChunk: (n: number) => Promise<CompactChunk> | CompactChunk) {
    this.manifest = manifest;
    this.loadChunk = loadChunk;
    this.fieldNames = manifest.fields.map((f) => f.name);
  }

  private chunk(n: number): Promise<LoadedChunk> {
    let chunk = this.chunks.get(n);
    if (!chunk) {
      chunk = Promise.resolve(this.loadChunk(n)).then(({ terms }) => ({
        keys: terms.map(([term]) => termKey(term)),
        terms: terms.map((entry) => decodeTerm(this.manifest, entry)),
      }));
      // A failed fetch is not kept: the next keystroke tries again.
      chunk.catch(() => this.chunks.delete(n));
      this.chunks.set(n, chunk);
    }
    return chunk;
  }

  /** Every term whose key lies in [from, to), with its token set. */
  private async range(from: string, to: string): Promise<TermRange> {
    const cacheKey = `${from}\u0000${to}`;
    const cached = this.ranges.get(cacheKey);
    if (cached) return cached;
    const chunks = await Promise.all(chunksInRange(this.manifest, from, to).map((n) => this.chunk(n)));
    const terms = new Map<string, DecodedTerm>();
    for (const chunk of chunks)
      chunk.terms.forEach((decoded, i) => {
        if (chunk.keys[i]! >= from && chunk.keys[i]! < to) terms.set(decoded.term, decoded);
      });
    return remember(this.ranges, cacheKey, { terms, tokenSet: tokenSetOf([...terms.keys()].sort()) }, RANGE_CACHE);
  }

  /** Documents matching every word of the text, best first (equal scores in name order); refs are document numbers. */
  async search(text: string): Promise<SearchHit[]> {
    const words = queryWords(text);
    if (words.length === 0) return [];
    const perWord = await Promise.all(
      words.map(async (word) => {
        const key = `${word.word}\u0000${word.isLast}`;
        return (
          this.hits.get(key) ?? remember(this.hits, key, scoreWord(await this.range(...wordRange(word)), word, this.fieldNames), HIT_CACHE)
        );
      }),
    );
    return combineWordHits(perWord, words);
  }
}
