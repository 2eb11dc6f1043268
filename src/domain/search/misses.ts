/**
 * Help for a search that found nothing: near queries that do find something (the same words with one
 * dropped, a glossary word in the other language, a province under its old or new name), and a plain
 * word when a province the query names has nothing in the registry yet. Pure: the caller passes how
 * many products a query finds.
 */
import { GLOSSARY, type GlossaryEntry } from '#domain/glossary.ts';
import { foldVietnamese } from '#domain/text.ts';
import {
  emptyProvincesIn,
  findSpans,
  provinceSpans,
  type EmptyProvince,
  type MissData,
  type MissProvince,
  type Span,
} from './province-mentions.ts';
import { searchWords } from './words.ts';

/** A query worth trying instead, and why. */
export type MissSuggestion =
  | { kind: 'dropped'; query: string; count: number; word: string }
  | { kind: 'glossary'; query: string; count: number; from: string; to: string }
  | { kind: 'province'; query: string; count: number; oldName: string; newName: string };

export interface MissHelp {
  suggestions: MissSuggestion[];
  emptyProvinces: EmptyProvince[];
}

/** Suggestions shown at most. */
export const MISS_SUGGESTIONS = 6;

/** A suggestion before its query is counted. */
type WithoutCount<T> = T extends unknown ? Omit<T, 'count'> : never;
type Candidate = WithoutCount<MissSuggestion>;

const replaced = (words: readonly string[], span: Span<unknown>, by: string) =>
  [...words.slice(0, span.at), by, ...words.slice(span.at + span.length)].join(' ');

/** The query with one word left out, for each word (queries of two words or more). "tra o lonng xanh" → "tra o lonng"… */
function droppedWordQueries(words: readonly string[]): Candidate[] {
  if (words.length < 2) return [];
  return words.map((word, i) => ({ kind: 'dropped', query: words.filter((_, k) => k !== i).join(' '), word }));
}

/** The query with a glossary phrase said in the other language: "fish sauce" → "nước mắm", "mat ong" → "honey". */
function glossaryQueries(words: readonly string[], folded: readonly string[], glossary: readonly GlossaryEntry[]): Candidate[] {
  const phrases = glossary.flatMap((entry) => [
    ...entry.vi.map((form) => ({ words: searchWords(foldVietnamese(form)), value: { form, other: [entry.en[0]!] } })),
    ...entry.en.map((form) => ({ words: searchWords(form), value: { form, other: [entry.vi[0]!] } })),
  ]);
  // One English word can stand for several entries ("tea": trà, chè): each is offered.
  const merged = new Map<string, { words: string[]; value: { form: string; other: string[] } }>();
  for (const phrase of phrases) {
    const key = phrase.words.join(' ');
    const seen = merged.get(key);
    if (seen) seen.value.other.push(...phrase.value.other.filter((o) => !seen.value.other.includes(o)));
    else merged.set(key, { words: phrase.words, value: { form: phrase.value.form, other: [...phrase.value.other] } });
  }
  return findSpans(folded, [...merged.values()]).flatMap((span) =>
    span.value.other.map((to) => ({
      kind: 'glossary' as const,
      query: replaced(words, span, to),
      from: words.slice(span.at, span.at + span.length).join(' '),
      to,
    })),
  );
}

/** The query with a province under its other name: an old one under the new, a new one under each old one. */
function provinceQueries(words: readonly string[], spans: readonly Span<string>[], provinces: readonly MissProvince[]): Candidate[] {
  return spans.flatMap((span) => {
    const pairs = provinces
      .filter((p) => p.successor && p.successor !== p.name && (p.name === span.value || p.successor === span.value))
      .map((p) => ({ oldName: p.name, newName: p.successor! }));
    return pairs.map(({ oldName, newName }) => ({
      kind: 'province' as const,
      query: replaced(words, span, span.value === oldName ? newName : oldName),
      oldName,
      newName,
    }));
  });
}

/**
 * The query without a province it names, as is and with its product words in the other language: "fish sauce
 * Bắc Kạn" → "fish sauce", "nước mắm" (the province may have no such product, or none at all).
 */
function withoutProvinceQueries(words: readonly string[], spans: readonly Span<string>[], glossary: readonly GlossaryEntry[]): Candidate[] {
  return spans.flatMap((span) => {
    const rest = [...words.slice(0, span.at), ...words.slice(span.at + span.length)];
    if (rest.length === 0) return [];
    const dropped: Candidate = { kind: 'dropped', query: rest.join(' '), word: words.slice(span.at, span.at + span.length).join(' ') };
    return [dropped, ...glossaryQueries(rest, rest.map(foldVietnamese), glossary)];
  });
}

/**
 * The help for a query that found nothing: suggestions that find at least one product (by `count`),
 * at most MISS_SUGGESTIONS, glossary and province ones first; and the named provinces with no products.
 */
export async function missHelp(
  q: string,
  data: MissData,
  count: (query: string) => Promise<number>,
  glossary: readonly GlossaryEntry[] = GLOSSARY,
): Promise<MissHelp> {
  const words = searchWords(q);
  const folded = words.map(foldVietnamese);
  const seen = new Set([folded.join(' ')]);
  const provinces = provinceSpans(folded, data.provinces);
  const candidates = [
    ...glossaryQueries(words, folded, glossary),
    ...provinceQueries(words, provinces, data.provinces),
    ...withoutProvinceQueries(words, provinces, glossary),
    ...droppedWordQueries(words),
  ].filter((c) => {
    const key = foldVietnamese(c.query);
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const counts = await Promise.all(candidates.map((c) => count(c.query)));
  const suggestions = candidates
    .map((c, i): MissSuggestion => ({ ...c, count: counts[i]! }))
    .filter((s) => s.count > 0)
    .slice(0, MISS_SUGGESTIONS);
  return { suggestions, emptyProvinces: emptyProvincesIn(q, data) };
}
