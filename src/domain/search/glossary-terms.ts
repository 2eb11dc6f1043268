/**
 * The glossary (src/domain/glossary.ts) applied to text: which entries a product name holds, and the English
 * words and Vietnamese spelling variants the index adds for them (index-time expansion: the browser downloads
 * a few more terms, no glossary code). Matching is on whole phrases of marked words, longest phrase first, so
 * "chè" never matches "chế" and "nước mắm" is fish sauce rather than water.
 */
import { GLOSSARY, type GlossaryEntry } from '#domain/glossary.ts';
import type { Locale } from '#domain/i18n.ts';
import { foldVietnamese } from '#domain/text.ts';
import type { SearchField } from './pipeline.ts';
import { searchWords } from './words.ts';

/** The index field that holds the glossary's words: below the name, so a name match still ranks first. */
export const GLOSSARY_FIELD: SearchField = { name: 'glossary', boost: 3 };

/** One way an entry can be written, as words. */
interface Form {
  words: string[];
  entry: number;
  lang: 'vi' | 'en';
  /** A folded Vietnamese form: matches only text written wholly without marks. */
  isFolded: boolean;
}

/** One glossary phrase found in a text. */
export interface GlossaryMatch {
  entry: GlossaryEntry;
  lang: 'vi' | 'en';
  /** The form as the glossary writes it (for a folded match, the folded form). */
  form: string;
  /** The first word's position in the text's words. */
  at: number;
}

const compiled = new WeakMap<readonly GlossaryEntry[], Form[]>();

/** Every form of every entry, longest first (equal lengths keep glossary order). */
function formsOf(glossary: readonly GlossaryEntry[]): Form[] {
  let forms = compiled.get(glossary);
  if (forms) return forms;
  forms = glossary.flatMap((entry, n) => [
    ...entry.vi.map((form) => ({ words: searchWords(form), entry: n, lang: 'vi' as const, isFolded: false })),
    ...(entry.foldSafe
      ? entry.vi.map((form) => ({ words: searchWords(foldVietnamese(form)), entry: n, lang: 'vi' as const, isFolded: true }))
      : []),
    ...entry.en.map((form) => ({ words: searchWords(form), entry: n, lang: 'en' as const, isFolded: false })),
  ]);
  forms = forms
    .map((form, i) => ({ form, i }))
    .sort((a, b) => b.form.words.length - a.form.words.length || a.i - b.i)
    .map(({ form }) => form);
  compiled.set(glossary, forms);
  return forms;
}

const occursAt = (words: readonly string[], phrase: readonly string[], at: number) => phrase.every((w, k) => words[at + k] === w);

/** Whether one of the entry's `notIn` phrases covers words [at, at + length) of the text. */
function isExcepted(entry: GlossaryEntry, words: readonly string[], at: number, length: number, fold: boolean): boolean {
  return (entry.notIn ?? []).some((text) => {
    const phrase = searchWords(fold ? foldVietnamese(text) : text);
    for (let start = Math.max(0, at + length - phrase.length); start <= at && start + phrase.length <= words.length; start++)
      if (occursAt(words, phrase, start)) return true;
    return false;
  });
}

/**
 * The glossary phrases a text holds, longest first, each word used once. Marked Vietnamese forms match the
 * marked words; a text written wholly without marks also matches the folded forms of `foldSafe` entries.
 * "Chè tôm nõn" → chè (tea), tôm nõn (tea buds); "Chế biến" → nothing.
 */
export function findGlossaryPhrases(text: string, glossary: readonly GlossaryEntry[] = GLOSSARY): GlossaryMatch[] {
  const words = searchWords(text);
  const isUnmarked = words.every((w) => foldVietnamese(w) === w);
  const taken = new Array<boolean>(words.length).fill(false);
  const matches: GlossaryMatch[] = [];
  for (const form of formsOf(glossary)) {
    if (form.isFolded && !isUnmarked) continue;
    const entry = glossary[form.entry]!;
    const n = form.words.length;
    for (let at = 0; at + n <= words.length; at++) {
      if (taken.slice(at, at + n).some(Boolean) || !occursAt(words, form.words, at)) continue;
      if (form.lang === 'vi' && isExcepted(entry, words, at, n, form.isFolded)) continue;
      taken.fill(true, at, at + n);
      matches.push({ entry, lang: form.lang, form: form.words.join(' '), at });
    }
  }
  return matches;
}

/**
 * The words the glossary adds for a text: English meanings and the other Vietnamese spellings of the
 * Vietnamese phrases it holds, and the Vietnamese for the English phrases it holds.
 * "Hạt macca sấy nứt vỏ" → en: macadamia…, vi: mắc ca, mác ca…
 */
export function glossaryTerms(text: string, glossary: readonly GlossaryEntry[] = GLOSSARY): { vi: string[]; en: string[] } {
  const vi = new Set<string>();
  const en = new Set<string>();
  for (const match of findGlossaryPhrases(text, glossary)) {
    const entries = match.lang === 'en' ? glossary.filter((e) => e.en.some((f) => searchWords(f).join(' ') === match.form)) : [match.entry];
    for (const entry of entries) {
      for (const form of entry.vi) if (form !== match.form) vi.add(form);
      for (const form of entry.en) if (form !== match.form) en.add(form);
    }
  }
  return { vi: [...vi], en: [...en] };
}

/**
 * The glossary field of a product's index entry in one language: Vietnamese spellings on both sites, English
 * words only on the English one (Vietnamese queries keep a Vietnamese vocabulary to match against).
 */
export function glossaryFieldText(name: string, locale: Locale): string {
  const { vi, en } = glossaryTerms(name);
  return (locale === 'en' ? [...en, ...vi] : vi).join(' ');
}
