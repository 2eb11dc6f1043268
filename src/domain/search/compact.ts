/**
 * The compact, chunked form of a lunr 2.3.9 index. lunr scores a match as the dot product of the query
 * vector and the document's field vector over the *matched* terms, divided by the query vector's length
 * (Index#query, Vector#similarity): a document's other terms never enter the score. So an index holding
 * only some terms, with their postings and field-vector entries, ranks those terms exactly as the whole
 * index does. We cut the term list into chunks (sorted by folded spelling) and, instead of lunr's
 * `toJSON` (which stores every posting twice, with string refs and 3-decimal scores), store for each
 * posting the document number, the term frequency and the field length; the browser recomputes the
 * scores exactly as lunr's builder does (BM25, k1 1.2, b 0.75, rounded to 3 decimals).
 */
import lunr from 'lunr';
import { foldVietnamese } from '#domain/text.ts';
import { addDocument, newBuilder, registerVietnamese, type SearchField } from './pipeline.ts';

export const COMPACT_VERSION = 1;

/** What the browser fetches first: global statistics and where each chunk starts. */
export interface CompactManifest {
  version: typeof COMPACT_VERSION;
  documentCount: number;
  fields: SearchField[];
  /** lunr's average field length per field, exactly as the builder computed it. */
  averageFieldLength: Record<string, number>;
  /** The sort key of the first term of each chunk. */
  chunks: string[];
}

/**
 * One term and its postings: per field (in manifest order) a flat list of pairs [document number delta,
 * field length × 64 + term frequency].
 */
export type CompactTerm = [term: string, ...postings: number[][]];
export interface CompactChunk {
  terms: CompactTerm[];
}

/** Parts of lunr 2.3.9 that its type definitions leave out (pinned: the equivalence test guards them). */
const lunrInternals = lunr as unknown as {
  idf(posting: object, documentCount: number): number;
  TokenSet: {
    fromArray(sortedTerms: string[]): lunr.TokenSet;
    fromString(term: string): lunr.TokenSet;
    fromFuzzyString(term: string, editDistance: number): lunr.TokenSet;
  };
  Index: new (attrs: {
    invertedIndex: object;
    fieldVectors: object;
    tokenSet: lunr.TokenSet;
    fields: string[];
    pipeline: lunr.Pipeline;
  }) => lunr.Index;
};

const K1 = 1.2;
const B = 0.75;
const TF_LIMIT = 64;

/** Terms are ordered by folded spelling, then as written, so "trà" sits next to "tra". */
export const termKey = (term: string) => `${foldVietnamese(term)} ${term}`;

/**
 * Builds the index with lunr's own builder and writes it in compact chunks of about `chunkChars`
 * characters each. Documents' `id` must be their number (0, 1, 2…), the position of their result row.
 */
export function buildCompactIndex(
  docs: readonly Record<string, string>[],
  fields: readonly SearchField[],
  chunkChars = 12_000,
): { manifest: CompactManifest; chunks: CompactChunk[] } {
  const builder = newBuilder(fields);
  docs.forEach((doc, n) => {
    if (doc['id'] !== String(n)) throw new Error(`document ${n} has id ${doc['id']}; ids must be 0, 1, 2…`);
    addDocument(builder, doc);
  });
  builder.build();
  const internals = builder as unknown as {
    invertedIndex: Record<string, Record<string, Record<string, object>>>;
    fieldTermFrequencies: Record<string, Record<string, number>>;
    fieldLengths: Record<string, number>;
    averageFieldLength: Record<string, number>;
  };

  const terms = Object.keys(internals.invertedIndex)
    .map((term) => ({ term, key: termKey(term) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const chunks: CompactChunk[] = [];
  const firstKeys: string[] = [];
  let size = 0;
  for (const { term, key } of terms) {
    const posting = internals.invertedIndex[term]!;
    const entry: CompactTerm = [
      term,
      ...fields.map(({ name }) => {
        const refs = Object.keys(posting[name] ?? {})
          .map(Number)
          .sort((a, b) => a - b);
        const flat: number[] = [];
        let previous = 0;
        for (const ref of refs) {
          const fieldRef = `${name}/${ref}`;
          const tf = internals.fieldTermFrequencies[fieldRef]![term]!;
          if (tf >= TF_LIMIT) throw new Error(`"${term}" occurs ${tf} times in ${fieldRef}; the compact form holds fewer than ${TF_LIMIT}`);
          flat.push(ref - previous, internals.fieldLengths[fieldRef]! * TF_LIMIT + tf);
          previous = ref;
        }
        return flat;
      }),
    ];
    const chars = JSON.stringify(entry).length;
    if (chunks.length === 0 || (size + chars > chunkChars && size > 0)) {
      chunks.push({ terms: [] });
      firstKeys.push(key);
      size = 0;
    }
    chunks.at(-1)!.terms.push(entry);
    size += chars;
  }
  const averageFieldLength = Object.fromEntries(fields.map(({ name }) => [name, internals.averageFieldLength[name] ?? 0]));
  return {
    manifest: { version: COMPACT_VERSION, documentCount: docs.length, fields: [...fields], averageFieldLength, chunks: firstKeys },
    chunks,
  };
}

/** The chunks whose terms can have a key in [from, to). */
export function chunksInRange(manifest: CompactManifest, from: string, to: string): number[] {
  const starts = manifest.chunks;
  const found: number[] = [];
  for (let i = 0; i < starts.length; i++) {
    const next = starts[i + 1];
    if (starts[i]! < to && (next === undefined || next > from)) found.push(i);
  }
  return found;
}

/** One term's postings, decoded: per field, the documents and lunr's field-vector weight in each. */
export interface DecodedTerm {
  term: string;
  fields: { docs: Int32Array; weights: Float64Array }[];
}

/**
 * Decodes a term and computes each posting's weight exactly as lunr's builder does (createFieldVectors:
 * BM25 with lunr's idf, times the field boost, rounded to 3 decimals).
 */
export function decodeTerm(manifest: CompactManifest, [term, ...perField]: CompactTerm): DecodedTerm {
  let documentsWithTerm = 0;
  for (const flat of perField) documentsWithTerm += flat.length / 2;
  const x = (manifest.documentCount - documentsWithTerm + 0.5) / (documentsWithTerm + 0.5);
  const idf = Math.log(1 + Math.abs(x));
  return {
    term,
    fields: manifest.fields.map(({ name, boost }, f) => {
      const flat = perField[f] ?? [];
      const docs = new Int32Array(flat.length / 2);
      const weights = new Float64Array(flat.length / 2);
      const average = manifest.averageFieldLength[name]!;
      let ref = 0;
      for (let i = 0; i < flat.length; i += 2) {
        ref += flat[i]!;
        const code = flat[i + 1]!;
        const tf = code % TF_LIMIT;
        const fieldLength = (code - tf) / TF_LIMIT;
        let score = (idf * ((K1 + 1) * tf)) / (K1 * (1 - B + B * (fieldLength / average)) + tf);
        score *= boost || 1;
        docs[i / 2] = ref;
        weights[i / 2] = Math.round(score * 1000) / 1000;
      }
      return { docs, weights };
    }),
  };
}

/** A lunr token set of sorted terms (for wildcard and edit-distance expansion). */
export function tokenSetOf(sortedTerms: string[]): lunr.TokenSet {
  return lunrInternals.TokenSet.fromArray(sortedTerms);
}

/** lunr's token set of a query term: the term itself, or with a trailing "*" every term it begins. */
export const tokenSetOfTerm = (term: string) => lunrInternals.TokenSet.fromString(term);

/** lunr's token set of the terms within an edit distance of a query term. */
export const tokenSetNear = (term: string, editDistance: number) => lunrInternals.TokenSet.fromFuzzyString(term, editDistance);

/**
 * A lunr index of the given terms (with every posting), scored exactly as lunr's builder scores them
 * for the whole collection described by the manifest.
 */
export function indexOfTerms(manifest: CompactManifest, terms: readonly CompactTerm[]): lunr.Index {
  registerVietnamese();
  const fieldNames = manifest.fields.map((f) => f.name);
  const invertedIndex: Record<string, Record<string, unknown>> = Object.create(null) as Record<string, Record<string, unknown>>;
  const vectors = new Map<string, number[]>();
  terms.forEach(([term, ...perField], termIndex) => {
    const posting: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    posting['_index'] = termIndex;
    const refsPerField = perField.map((flat) => {
      const refs: [ref: number, code: number][] = [];
      let ref = 0;
      for (let i = 0; i < flat.length; i += 2) {
        ref += flat[i]!;
        refs.push([ref, flat[i + 1]!]);
      }
      return refs;
    });
    fieldNames.forEach((name, f) => {
      const docs: Record<string, object> = Object.create(null) as Record<string, object>;
      for (const [ref] of refsPerField[f] ?? []) docs[ref] = Object.create(null) as object;
      posting[name] = docs;
    });
    const idf = lunrInternals.idf(posting, manifest.documentCount);
    manifest.fields.forEach(({ name, boost }, f) => {
      const average = manifest.averageFieldLength[name]!;
      for (const [ref, code] of refsPerField[f] ?? []) {
        const tf = code % TF_LIMIT;
        const fieldLength = (code - tf) / TF_LIMIT;
        let score = (idf * ((K1 + 1) * tf)) / (K1 * (1 - B + B * (fieldLength / average)) + tf);
        score *= boost || 1;
        const fieldRef = `${name}/${ref}`;
        let vector = vectors.get(fieldRef);
        if (!vector) vectors.set(fieldRef, (vector = []));
        vector.push(termIndex, Math.round(score * 1000) / 1000);
      }
    });
    invertedIndex[term] = posting;
  });
  const fieldVectors: Record<string, lunr.Vector> = Object.create(null) as Record<string, lunr.Vector>;
  for (const [fieldRef, elements] of vectors) fieldVectors[fieldRef] = new lunr.Vector(elements);
  const pipeline = new lunr.Pipeline();
  return new lunrInternals.Index({
    invertedIndex,
    fieldVectors,
    tokenSet: lunrInternals.TokenSet.fromArray(terms.map(([term]) => term).sort()),
    fields: fieldNames,
    pipeline,
  });
}
