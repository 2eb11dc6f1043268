import type lunr from 'lunr';
import { foldVietnamese } from '../text.ts';
import { EXACT_FIELD } from './pipeline.ts';
import { searchWords } from './words.ts';

export interface SearchHit {
  ref: string;
  score: number;
}

/** Terms shorter than this are matched exactly (or as a prefix when last); longer ones forgive one typo. */
export const FUZZY_FROM = 4;

/** How one typed word is matched: its folded form, and whether it is the last word (still being typed). */
export interface QueryWord {
  word: string;
  folded: string;
  isLast: boolean;
}

/** The words of a query, NFC and lower case, each with its folded form. */
export function queryWords(text: string): QueryWord[] {
  const words = searchWords(text);
  return words.map((word, i) => ({ word, folded: foldVietnamese(word), isLast: i === words.length - 1 }));
}

/**
 * The documents one word matches, with lunr's scores: the folded token exactly, as a prefix (the last
 * word, still being typed, from two letters on), or within edit distance 1 (words of 4+ letters); a word typed with marks
 * that matches a name exactly counts more.
 */
export function wordHits(index: lunr.Index, queryWord: QueryWord, fields: readonly string[]): Map<string, number> {
  const { word, folded } = queryWord;
  const foldedFields = fields.filter((f) => f !== EXACT_FIELD);
  const hits = index.query((q) => {
    q.term(folded, { fields: foldedFields, usePipeline: false, boost: 3 });
    if (prefixes(queryWord)) q.term(folded, { fields: foldedFields, usePipeline: false, wildcard: 2 /* TRAILING */, boost: 1 });
    if (folded.length >= FUZZY_FROM) q.term(folded, { fields: foldedFields, usePipeline: false, editDistance: 1, boost: 0.5 });
    if (word !== folded && fields.includes(EXACT_FIELD)) q.term(word, { fields: [EXACT_FIELD], usePipeline: false, boost: 6 });
  });
  return new Map(hits.map((h) => [h.ref, h.score]));
}

/**
 * Every word required: the documents all words matched, by summed score, best first. A one-letter last
 * word that matches nothing is still being typed ("tra o l"): it is left out rather than emptying the list.
 */
export function combineWordHits(perWord: readonly Map<string, number>[], words?: readonly QueryWord[]): SearchHit[] {
  let combined: Map<string, number> | undefined;
  const last = words?.at(-1);
  const typing = perWord.length > 1 && last?.isLast && last.folded.length === 1 && perWord.at(-1)!.size === 0;
  for (const scores of typing ? perWord.slice(0, -1) : perWord) {
    combined =
      combined === undefined
        ? scores
        : new Map([...combined].filter(([ref]) => scores.has(ref)).map(([ref, s]) => [ref, s + scores.get(ref)!]));
  }
  return [...(combined ?? new Map<string, number>())].map(([ref, score]) => ({ ref, score })).sort((a, b) => b.score - a.score);
}

/**
 * The range of term keys (see `termKey`) a word can match. A word still being typed, or long enough to
 * forgive a typo, looks at every term sharing its first two letters: prefixes and typos after the second
 * letter are found, and as the visitor types on, the same range (and its index) serves every keystroke.
 * Any other word, and a one-letter word, is matched as written.
 */
export function wordRange({ folded, isLast }: QueryWord): [from: string, to: string] {
  if (folded.length >= 2 && (isLast || folded.length >= FUZZY_FROM)) {
    const stem = folded.slice(0, 2);
    return [stem, `${stem}\uffff`];
  }
  return [`${folded} `, `${folded} \uffff`];
}

/**
 * The clauses of one word. A one-letter last word is matched as a whole word only (a prefix of one
 * letter would match a tenth of the vocabulary): "tra o" finds "Trà Ô Long".
 */
export function prefixes({ folded, isLast }: QueryWord): boolean {
  return isLast && folded.length >= 2;
}

/** Searches a whole lunr index (small indexes and tests); chunked indexes use `ChunkedIndex#search`. */
export function searchIndex(index: lunr.Index, text: string, fields: readonly string[]): SearchHit[] {
  const words = queryWords(text);
  return combineWordHits(
    words.map((word) => wordHits(index, word, fields)),
    words,
  );
}
