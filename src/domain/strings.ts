/**
 * The one string-table mechanism of the site (#21.3): a table holds every text of one area in Vietnamese
 * and in English, one object per language, and `defineStrings` turns it into the accessor the views call.
 * The compiler refuses a table whose languages differ in their keys or in the `{placeholders}` of a text
 * (a missing translation or a dropped parameter is a type error, not a blank on a page); the unit test
 * tests/unit/strings.test.ts checks the same at run time for every table of the site.
 */
import type { Locale } from './i18n.ts';

/** A word in both languages, for the small tables keyed by a code (levels, statuses, problems). */
export interface Bilingual {
  readonly vi: string;
  readonly en: string;
}

/** The texts of one language, by key. */
type Texts = Readonly<Record<string, string>>;

/** The names of the `{placeholders}` of a text: Placeholders<'{n} of {total}'> is 'n' | 'total'. */
export type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** The keys that one language has and the other lacks, or whose texts take different placeholders. */
type Mismatched<V extends Texts, E extends Texts> =
  | Exclude<keyof V, keyof E>
  | Exclude<keyof E, keyof V>
  | { [K in keyof V & keyof E]: Same<Placeholders<V[K]>, Placeholders<E[K]>> extends true ? never : K }[keyof V & keyof E];

/** `unknown` (no constraint) for a sound table; otherwise a property the table lacks, naming the keys at fault. */
type Sound<V extends Texts, E extends Texts> = [Mismatched<V, E>] extends [never]
  ? unknown
  : { 'these keys differ between vi and en (missing, or other placeholders)': Mismatched<V, E> };

/** A table's accessor: the texts of one language, made once and frozen: words('en').title. */
export interface StringTable<K extends string> {
  (locale: Locale): Readonly<Record<K, string>>;
  /** Both languages as written, for the checks and for marks that show both. */
  readonly texts: Readonly<Record<Locale, Readonly<Record<K, string>>>>;
}

/** The keys of a table: TableKey<typeof aboutStrings> is 'title' | 'lead' | …. */
export type TableKey<T> = T extends StringTable<infer K> ? K : never;

/**
 * A string table from one object per language: defineStrings({ vi: { title: 'Giới thiệu' }, en: { title: 'About' } }).
 * Texts may carry `{name}` placeholders, filled with `fill`.
 */
export function defineStrings<const V extends Texts, const E extends Texts>(
  texts: { vi: V; en: E } & Sound<V, E>,
): StringTable<keyof V & string> {
  type K = keyof V & string;
  const frozen = {
    vi: Object.freeze({ ...texts.vi }) as Readonly<Record<K, string>>,
    en: Object.freeze({ ...texts.en }) as unknown as Readonly<Record<K, string>>,
  };
  const accessor = (locale: Locale) => frozen[locale];
  return Object.assign(accessor, { texts: Object.freeze(frozen) });
}

/** Fills `{name}` placeholders; a name without a value stays as written: fill('{n} of {total}', { n: 3 }) → "3 of {total}". */
export function fill(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** The placeholder names of a text at run time, sorted: placeholdersOf('{b} {a} {b}') → ['a', 'b']. */
export function placeholdersOf(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(/\{(\w+)\}/g), (m) => m[1]!))].sort();
}

/**
 * What is wrong with a table at run time (the compiler checks literal texts; a text built from a
 * constant is only a `string` to it): keys one language lacks, placeholders that differ.
 */
export function tableProblems(texts: Readonly<Record<Locale, Readonly<Record<string, string>>>>): string[] {
  const keys = [...new Set([...Object.keys(texts.vi), ...Object.keys(texts.en)])];
  return keys.flatMap((key) => {
    const vi = texts.vi[key];
    const en = texts.en[key];
    if (vi === undefined || en === undefined) return [`${key}: missing in ${vi === undefined ? 'vi' : 'en'}`];
    if (placeholdersOf(vi).join() === placeholdersOf(en).join()) return [];
    return [`${key}: placeholders differ (vi {${placeholdersOf(vi).join(', ')}}, en {${placeholdersOf(en).join(', ')}})`];
  });
}
