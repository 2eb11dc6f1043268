import { describe, expect, it } from 'vitest';
import { aboutStrings } from '#domain/about/strings.ts';
import { decisionT } from '#domain/decision-strings.ts';
import { printStrings } from '#domain/fair-print-strings.ts';
import { homeT } from '#domain/home-strings.ts';
import { listingT } from '#domain/listing-strings.ts';
import { openDataStrings } from '#domain/open-data/strings.ts';
import { reportStrings } from '#domain/report/strings.ts';
import { statsT } from '#domain/stats/strings.ts';
import { defineStrings, fill, placeholdersOf, tableProblems, type StringTable } from '#domain/strings.ts';
import { t } from '#domain/ui-strings.ts';
import { verifyStrings, verifyWords } from '#domain/verify-strings.ts';
import { importProblems } from '#domain/import/problems.ts';

/** Every string table of the site: a new one belongs here. */
const TABLES: Record<string, StringTable<string>> = {
  'ui-strings': t,
  'about/strings': aboutStrings,
  'open-data/strings': openDataStrings,
  'stats/strings': statsT,
  'report/strings': reportStrings,
  'decision-strings': decisionT,
  'fair-print-strings': printStrings,
  'home-strings': homeT,
  'listing-strings': listingT,
  'verify-strings': verifyWords,
  'import/problems': importProblems,
};

describe('defineStrings', () => {
  const words = defineStrings({ vi: { title: 'Giới thiệu', count: '{n} sản phẩm' }, en: { title: 'About', count: '{n} products' } });

  it('gives the texts of the language asked for', () => {
    expect(words('vi').title).toBe('Giới thiệu');
    expect(words('en').count).toBe('{n} products');
  });

  it('makes each language once and freezes it', () => {
    expect(words('en')).toBe(words('en'));
    expect(Object.isFrozen(words('vi'))).toBe(true);
  });

  it('keeps both languages as written for the checks', () => {
    expect(words.texts.vi.count).toBe('{n} sản phẩm');
    expect(words.texts.en.title).toBe('About');
  });

  it('refuses at compile time a key that one language lacks', () => {
    // @ts-expect-error: 'lead' is missing in en
    const missing = defineStrings({ vi: { title: 'Giới thiệu', lead: 'Danh bạ' }, en: { title: 'About' } });
    expect(tableProblems(missing.texts)).toEqual(['lead: missing in en']);
  });

  it('refuses at compile time a text whose placeholders differ between the languages', () => {
    // @ts-expect-error: the English text lost {max}
    const dropped = defineStrings({ vi: { hint: 'Tối đa {max} ký tự.' }, en: { hint: 'At most 2000 characters.' } });
    expect(tableProblems(dropped.texts)).toEqual(['hint: placeholders differ (vi {max}, en {})']);
  });
});

describe('fill', () => {
  it.each([
    ['{n} of {total}', { n: 3, total: 10 }, '3 of 10'],
    ['Xem kết quả ({n})', { n: '1.234' }, 'Xem kết quả (1.234)'],
    ['{n} and {n}', { n: 2 }, '2 and 2'],
    ['{n} of {total}', { n: 3 }, '3 of {total}'],
    ['no placeholder', { n: 1 }, 'no placeholder'],
  ])('fills %j with %j as %j', (text, values, expected) => {
    expect(fill(text, values)).toBe(expected);
  });
});

describe('placeholdersOf', () => {
  it('names each placeholder once, sorted', () => {
    expect(placeholdersOf('{b} {a} {b}')).toEqual(['a', 'b']);
    expect(placeholdersOf('none')).toEqual([]);
  });
});

describe('tableProblems', () => {
  it('finds nothing wrong in a sound table', () => {
    expect(tableProblems({ vi: { a: '{x} cái' }, en: { a: '{x} items' } })).toEqual([]);
  });

  it('names a key missing in Vietnamese', () => {
    expect(tableProblems({ vi: {}, en: { a: 'A' } })).toEqual(['a: missing in vi']);
  });
});

describe('the string tables of the site', () => {
  it.each(Object.entries(TABLES))('%s has every key and every placeholder in both languages', (_, table) => {
    expect(tableProblems(table.texts)).toEqual([]);
  });

  it.each(Object.entries(TABLES))('%s has no empty text and writes Vietnamese in NFC', (_, table) => {
    for (const locale of ['vi', 'en'] as const) for (const text of Object.values(table(locale))) expect(text.trim()).not.toBe('');
    const vietnamese = Object.values(table('vi')).join('\n');
    expect(vietnamese).toBe(vietnamese.normalize('NFC'));
  });
});

describe('verifyStrings', () => {
  it.each(['vi', 'en'] as const)('fills every placeholder of its sentences in %s', (locale) => {
    const values: unknown[] = Object.values(verifyStrings(locale));
    const sentences = values.filter((value): value is (...v: string[]) => string => typeof value === 'function');
    expect(sentences.length).toBeGreaterThan(10);
    for (const sentence of sentences) expect(sentence('A', 'B')).not.toMatch(/\{\w+\}/);
  });

  it('puts the values where each language wants them', () => {
    expect(verifyStrings('en').held('3', '10')).toBe('The registry holds 3 of the 10 products this decision certified.');
    expect(verifyStrings('vi').held('3', '10')).toBe('Danh bạ có 3 trong số 10 sản phẩm quyết định này công nhận.');
    expect(verifyStrings('en').refusal['code-typo']).toMatch(/^This registry code has a typo/);
    expect(verifyStrings('vi').endSource.none).toBe('');
  });
});
