import type lunr from 'lunr';
import { foldVietnamese } from '#domain/text.ts';
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
 * How one word matched one document: lunr's score; 2 exactly, 1 exactly but against the marks the word was
 * typed with (the name holds "Thu" and the word is "thủ"), 0 only by prefix or typo; the fields (bits, with
 * MARKED for a match in the name as typed).
 */
export interface WordHit {
  score: number;
  exact: number;
  fields: number;
}

/** The field bit of a match with the marks as typed (EXACT_FIELD). */
export const MARKED = 1 << 30;

/** 2, or 1 when the word was typed with marks and the name holds it only with other marks. */
export function exactness({ word, folded }: QueryWord, fields: number, fieldNames: readonly string[]): number {
  return word !== folded && fields & (1 << fieldNames.indexOf('name')) && !(fields & MARKED) ? 1 : 2;
}

/**
 * The documents one word matches, with lunr's scores, as two lunr queries. Exact: the folded token, and a
 * word typed with marks that matches a name as typed (counts more). Loose: the folded token as a prefix (the
 * last word, still being typed, from two letters on) or within edit distance 1 (words of 4+ letters that
 * exist nowhere as typed). A document the exact query finds gets its score; any other the loose score.
 */
export function wordHits(index: lunr.Index, queryWord: QueryWord, fields: readonly string[]): Map<string, WordHit> {
  const { word, folded } = queryWord;
  const foldedFields = fields.filter((f) => f !== EXACT_FIELD);
  const typed = Object.hasOwn((index as unknown as { invertedIndex: object }).invertedIndex, folded);
  const run = (build: (q: lunr.Query) => void, exact: boolean) =>
    index.query(build).map((h) => {
      const byTerm = h.matchData.metadata as Record<string, Record<string, object>>;
      const matched = new Set(Object.values(byTerm).flatMap((byField) => Object.keys(byField)));
      const bits = fields.reduce((sum, f, i) => (matched.has(f) ? sum | (f === EXACT_FIELD ? MARKED : 1 << i) : sum), 0);
      return [h.ref, { score: h.score, exact: exact ? exactness(queryWord, bits, fields) : 0, fields: bits }] as const;
    });
  const exact = run((q) => {
    q.term(folded, { fields: foldedFields, usePipeline: false, boost: 3 });
    if (word !== folded && fields.includes(EXACT_FIELD)) q.term(word, { fields: [EXACT_FIELD], usePipeline: false, boost: 6 });
  }, true);
  const fuzzy = !typed && folded.length >= FUZZY_FROM;
  // A query without clauses would match every document.
  const loose =
    !prefixes(queryWord) && !fuzzy
      ? []
      : run((q) => {
          if (prefixes(queryWord)) q.term(folded, { fields: foldedFields, usePipeline: false, wildcard: 2 /* TRAILING */, boost: 1 });
          if (fuzzy) q.term(folded, { fields: foldedFields, usePipeline: false, editDistance: 1, boost: 0.5 });
        }, false);
  return new Map([...loose, ...exact]);
}

/**
 * Every word required: the documents all words matched, best first by (1) how well they match the words
 * (summed `exact`: a prefix or a typo never outranks an exact match, nor a name with other marks one without), (2) whether one field holds every word
 * ("Thái Bình" in a province or a producer's name before "Thái" in one field and "Bình" in another),
 * (3) lunr's summed score. A one-letter last word that matches nothing is still being typed ("tra o l"):
 * it is left out rather than emptying the list.
 */
export function combineWordHits(perWord: readonly Map<string, WordHit>[], words?: readonly QueryWord[]): SearchHit[] {
  const last = words?.at(-1);
  const typing = perWord.length > 1 && last?.isLast && last.folded.length === 1 && perWord.at(-1)!.size === 0;
  const used = typing ? perWord.slice(0, -1) : perWord;
  const ranked: (SearchHit & { exact: number; together: boolean })[] = [];
  for (const [ref, first] of used[0] ?? []) {
    let { score, fields, exact } = first;
    for (const other of used.slice(1)) {
      const hit = other.get(ref);
      if (!hit) {
        exact = -1;
        break;
      }
      score += hit.score;
      exact += hit.exact;
      fields &= hit.fields;
    }
    if (exact >= 0) ranked.push({ ref, score, exact, together: (fields & ~MARKED) !== 0 });
  }
  return ranked
    .sort((a, b) => b.exact - a.exact || +b.together - +a.together || b.score - a.score)
    .map(({ ref, score }) => ({ ref, score }));
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
