import type lunr from 'lunr';
import { foldVietnamese } from '../text.ts';
import { EXACT_FIELD, searchWords } from './pipeline.ts';

export interface SearchHit {
  ref: string;
  score: number;
}

/** Terms shorter than this are matched exactly (or as a prefix when last); longer ones forgive one typo. */
const FUZZY_FROM = 4;

/**
 * Searches with every typed word required: each word matches a folded token exactly, as a prefix (the
 * last word, still being typed), or within edit distance 1 (words of 4+ letters); a word typed with
 * marks that matches a name exactly counts more. Results are ordered by summed score.
 */
export function searchIndex(index: lunr.Index, text: string, fields: readonly string[]): SearchHit[] {
  const words = searchWords(text);
  if (words.length === 0) return [];
  const foldedFields = fields.filter((f) => f !== EXACT_FIELD);
  let combined: Map<string, number> | undefined;
  words.forEach((word, i) => {
    const folded = foldVietnamese(word);
    const isLast = i === words.length - 1;
    const hits = index.query((q) => {
      q.term(folded, { fields: foldedFields, usePipeline: false, boost: 3 });
      if (isLast) q.term(folded, { fields: foldedFields, usePipeline: false, wildcard: 2 /* TRAILING */, boost: 1 });
      if (folded.length >= FUZZY_FROM) q.term(folded, { fields: foldedFields, usePipeline: false, editDistance: 1, boost: 0.5 });
      if (word !== folded && fields.includes(EXACT_FIELD)) q.term(word, { fields: [EXACT_FIELD], usePipeline: false, boost: 6 });
    });
    const scores = new Map(hits.map((h) => [h.ref, h.score]));
    combined =
      combined === undefined
        ? scores
        : new Map([...combined].filter(([ref]) => scores.has(ref)).map(([ref, s]) => [ref, s + scores.get(ref)!]));
  });
  return [...(combined ?? new Map<string, number>())].map(([ref, score]) => ({ ref, score })).sort((a, b) => b.score - a.score);
}

/**
 * Splits text into pieces marking the words a query matched, comparing folded text so "tra o long"
 * highlights "Trà Ô Long". Each NFC character folds to one character, so positions carry over.
 */
export function highlight(text: string, query: string): { text: string; match: boolean }[] {
  const nfc = text.normalize('NFC');
  const folded = [...nfc].map((ch) => foldVietnamese(ch) || ch).join('');
  const wanted = searchWords(query).map((w) => foldVietnamese(w));
  const pieces: { text: string; match: boolean }[] = [];
  const chars = [...nfc];
  const foldedChars = [...folded];
  let i = 0;
  let plain = '';
  while (i < chars.length) {
    const atWordStart = i === 0 || !/[\p{L}\p{N}]/u.test(chars[i - 1]!);
    const rest = foldedChars.slice(i).join('');
    const hit = atWordStart ? wanted.filter((w) => rest.startsWith(w)).sort((a, b) => b.length - a.length)[0] : undefined;
    if (hit) {
      if (plain) pieces.push({ text: plain, match: false });
      plain = '';
      const length = [...hit].length;
      pieces.push({ text: chars.slice(i, i + length).join(''), match: true });
      i += length;
    } else {
      plain += chars[i];
      i++;
    }
  }
  if (plain) pieces.push({ text: plain, match: false });
  return pieces;
}
