/**
 * The provinces a search query names, old or current, and which of them no product in the registry carries
 * yet. Apart from the rest of the zero-result help (misses.ts), so the search page can say "Tỉnh X chưa có sản
 * phẩm nào trong sổ đăng ký" beside results without loading the glossary.
 */
import { provinceKey } from '#domain/provinces.ts';
import { foldVietnamese } from '#domain/text.ts';
import { searchWords } from './words.ts';

/** A provincial unit of either era as the search page knows it (published in misses.json). */
export interface MissProvince {
  name: string;
  /** For a unit before the 2025 merger, the current unit it became part of. */
  successor: string | null;
  isCity: boolean;
}

/** What the search page publishes for misses: every unit, and the names some product is filed under. */
export interface MissData {
  provinces: MissProvince[];
  /** Province names (as certified or current) that at least one product in the registry carries. */
  withProducts: string[];
}

/** A province the query names that has no product in the registry yet. */
export interface EmptyProvince {
  name: string;
  isCity: boolean;
}

/** A phrase found in the query's folded words: where, how long, and what it stands for. */
export interface Span<T> {
  at: number;
  length: number;
  value: T;
}

/** Every occurrence of the given folded phrases in the words, longest first, each word used once. */
export function findSpans<T>(words: readonly string[], phrases: readonly { words: string[]; value: T }[]): Span<T>[] {
  const taken = new Array<boolean>(words.length).fill(false);
  const spans: Span<T>[] = [];
  for (const phrase of [...phrases].sort((a, b) => b.words.length - a.words.length)) {
    const n = phrase.words.length;
    if (n === 0) continue;
    for (let at = 0; at + n <= words.length; at++) {
      if (taken.slice(at, at + n).some(Boolean) || !phrase.words.every((w, k) => words[at + k] === w)) continue;
      taken.fill(true, at, at + n);
      spans.push({ at, length: n, value: phrase.value });
    }
  }
  return spans;
}

/** Where the query's folded words name a province, old or current (each span's value is the name as the data writes it). */
export const provinceSpans = (folded: readonly string[], provinces: readonly MissProvince[]) =>
  findSpans(
    folded,
    provinces.map((p) => ({ words: provinceKey(p.name).split(' '), value: p.name })),
  );

/** The provinces a query names (old or current) that no product in the registry carries yet. "cao bang" → Cao Bằng */
export function emptyProvincesIn(q: string, data: MissData): EmptyProvince[] {
  const folded = searchWords(foldVietnamese(q));
  const carried = new Set(data.withProducts.map(provinceKey));
  const byName = new Map(data.provinces.map((p) => [p.name, p]));
  return findSpans(
    folded,
    [...byName.values()].map((p) => ({ words: provinceKey(p.name).split(' '), value: p })),
  )
    .map((span) => span.value)
    .filter((p) => !carried.has(provinceKey(p.name)))
    .map((p) => ({ name: p.name, isCity: p.isCity }));
}
