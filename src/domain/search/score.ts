/**
 * Scoring one typed word over decoded postings, with lunr's own token sets for the wildcard and
 * edit-distance expansion and lunr's own arithmetic (Index#query: per field, the dot product of the
 * query vector of summed clause boosts with the document's field vector, divided by the query vector's
 * length; summed over fields). The exact clauses (the folded word, the word with its marks in names) and
 * the loose ones (prefix, one typo) are two separate lunr queries: a document the word matches exactly is
 * scored by the exact query alone, any other by the loose one, and the typo clause is left out when the
 * word exists as typed (decision 028). Equal to `wordHits` (lunr's Index#query) on the same terms
 * (tested), but on typed arrays: a keystroke at 5,000 products costs milliseconds, not tens.
 */
import type lunr from 'lunr';
import { tokenSetNear, tokenSetOfTerm, type DecodedTerm } from './compact.ts';
import { EXACT_FIELD } from './pipeline.ts';
import { FUZZY_FROM, prefixes, type QueryWord, type WordHit } from './query.ts';

/** The terms of a key range with the token set that expands a clause over them. */
export interface TermRange {
  terms: Map<string, DecodedTerm>;
  tokenSet: lunr.TokenSet;
}

interface Clause {
  tokens: lunr.TokenSet;
  fields: number[];
  boost: number;
}

/** The exact and the loose clauses of `wordHits` (query.ts), as token sets over field positions. */
function clauses(queryWord: QueryWord, fieldNames: readonly string[], typed: boolean): [exact: Clause[], loose: Clause[]] {
  const { word, folded } = queryWord;
  const foldedFields = fieldNames.map((_, i) => i).filter((i) => fieldNames[i] !== EXACT_FIELD);
  const exact: Clause[] = [{ tokens: tokenSetOfTerm(folded), fields: foldedFields, boost: 3 }];
  const at = fieldNames.indexOf(EXACT_FIELD);
  if (word !== folded && at >= 0) exact.push({ tokens: tokenSetOfTerm(word), fields: [at], boost: 6 });
  const loose: Clause[] = [];
  if (prefixes(queryWord)) loose.push({ tokens: tokenSetOfTerm(`${folded}*`), fields: foldedFields, boost: 1 });
  if (!typed && folded.length >= FUZZY_FROM) loose.push({ tokens: tokenSetNear(folded, 1), fields: foldedFields, boost: 0.5 });
  return [exact, loose];
}

/** lunr's score of each document for one query (a list of clauses), with the fields it matched in (bits). */
function scoreQuery(range: TermRange, list: Clause[], fieldNames: readonly string[]): Map<number, WordHit> {
  // Query vector per field: expanded term → summed boost (lunr upserts every expanded term, posting or not).
  const queryVectors = fieldNames.map(() => new Map<string, number>());
  for (const clause of list) {
    for (const term of range.tokenSet.intersect(clause.tokens).toArray())
      for (const f of clause.fields) queryVectors[f]!.set(term, (queryVectors[f]!.get(term) ?? 0) + clause.boost);
  }
  const hits = new Map<number, WordHit>();
  queryVectors.forEach((vector, f) => {
    if (vector.size === 0) return;
    let squares = 0;
    for (const boost of vector.values()) squares += boost * boost;
    const magnitude = Math.sqrt(squares);
    const dots = new Map<number, number>();
    for (const [term, boost] of vector) {
      const posting = range.terms.get(term)?.fields[f];
      if (!posting) continue;
      for (let i = 0; i < posting.docs.length; i++) {
        const doc = posting.docs[i]!;
        dots.set(doc, (dots.get(doc) ?? 0) + boost * posting.weights[i]!);
      }
    }
    const bit = fieldNames[f] === EXACT_FIELD ? 0 : 1 << f;
    for (const [doc, dot] of dots) {
      const hit = hits.get(doc) ?? { score: 0, exact: false, fields: 0 };
      hits.set(doc, { ...hit, score: hit.score + (dot / magnitude || 0), fields: hit.fields | bit });
    }
  });
  return hits;
}

/** The documents one word matches (refs are document numbers as strings): score, exactness, fields. */
export function scoreWord(range: TermRange, queryWord: QueryWord, fieldNames: readonly string[]): Map<string, WordHit> {
  const [exact, loose] = clauses(queryWord, fieldNames, range.terms.has(queryWord.folded));
  const hits = scoreQuery(range, loose, fieldNames);
  for (const [doc, hit] of scoreQuery(range, exact, fieldNames)) hits.set(doc, { ...hit, exact: true });
  // Ascending document numbers (name order): equal scores list alphabetically.
  return new Map([...hits].sort((a, b) => a[0] - b[0]).map(([doc, hit]) => [String(doc), hit]));
}
