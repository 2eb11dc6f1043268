import lunr from 'lunr';
import { foldVietnamese } from '#domain/text.ts';
import { searchWords } from './words.ts';

export { searchWords };

/** The field that keeps names with their marks, so a query typed with marks ranks exact matches first. */
export const EXACT_FIELD = 'nameExact';

/**
 * lunr pipeline function: folds every token (đ→d, marks dropped) except those of the exact-name field.
 * Registered under one label so a serialised index loads with the same function in the browser.
 */
function foldToken(token: lunr.Token): lunr.Token {
  const { fields } = (token as unknown as { metadata: { fields?: string[] } }).metadata;
  if (fields?.length === 1 && fields[0] === EXACT_FIELD) return token;
  return token.update((s) => foldVietnamese(s));
}

let registered = false;

/** Registers the Vietnamese folding function with lunr (idempotent); call before building or loading. */
export function registerVietnamese(): void {
  if (registered) return;
  lunr.Pipeline.registerFunction(foldToken, 'vi-fold');
  registered = true;
}

/** A field of a search document and how much a match in it counts. */
export interface SearchField {
  name: string;
  boost: number;
}

/**
 * A lunr builder with our pipeline only (no English trimmer, stemmer or stop words: they cut "sứ" to "s"
 * and drop "an" of Hội An). Add documents with `addDocument` so field values are cleaned to words first.
 */
export function newBuilder(fields: readonly SearchField[]): lunr.Builder {
  registerVietnamese();
  const builder = new lunr.Builder();
  builder.pipeline.add(foldToken);
  builder.searchPipeline.add(foldToken);
  builder.ref('id');
  for (const field of fields) builder.field(field.name, { boost: field.boost });
  builder.metadataWhitelist = [];
  return builder;
}

/** Adds a document whose field values are cleaned to words ("(Bản" and "lề," index as words). */
export function addDocument(builder: lunr.Builder, doc: Record<string, string>): void {
  builder.add(Object.fromEntries(Object.entries(doc).map(([k, v]) => [k, k === 'id' ? v : searchWords(v).join(' ')])));
}

/** Builds a whole lunr index in one piece (the reference the compact, chunked form is tested against). */
export function buildIndex(docs: readonly Record<string, string>[], fields: readonly SearchField[]): lunr.Index {
  const builder = newBuilder(fields);
  for (const doc of docs) addDocument(builder, doc);
  return builder.build();
}
