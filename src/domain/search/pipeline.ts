import lunr from 'lunr';
import { foldVietnamese } from '../text.ts';

/** The field that keeps names with their marks, so a query typed with marks ranks exact matches first. */
export const EXACT_FIELD = 'nameExact';

/** Words as the index sees them: NFC, lower case, split on anything that is not a letter or digit. */
export function searchWords(text: string): string[] {
  return text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

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
 * Builds a lunr index with our pipeline only (no English trimmer, stemmer or stop words: they cut "sứ"
 * to "s" and drop "an" of Hội An). Field values are cleaned to words first.
 */
export function buildIndex(docs: readonly Record<string, string>[], fields: readonly SearchField[]): lunr.Index {
  registerVietnamese();
  return lunr(function (this: lunr.Builder) {
    this.pipeline.reset();
    this.searchPipeline.reset();
    this.pipeline.add(foldToken);
    this.searchPipeline.add(foldToken);
    this.ref('id');
    for (const field of fields) this.field(field.name, { boost: field.boost });
    this.metadataWhitelist = [];
    for (const doc of docs)
      this.add(Object.fromEntries(Object.entries(doc).map(([k, v]) => [k, k === 'id' ? v : searchWords(v).join(' ')])));
  });
}

/** Loads an index serialised with `toJSON` at build time. */
export function loadIndex(json: object): lunr.Index {
  registerVietnamese();
  return lunr.Index.load(json);
}
