import { describe, expect, it } from 'vitest';
import type { GlossaryEntry } from '#domain/glossary.ts';
import { MISS_WORDS, suggestionNote } from '#domain/search/miss-strings.ts';
import { MISS_SUGGESTIONS, missHelp } from '#domain/search/misses.ts';
import { emptyProvincesIn, type MissData } from '#domain/search/province-mentions.ts';
import { searchWords } from '#domain/search/words.ts';
import { foldVietnamese } from '#domain/text.ts';

/** A tiny catalogue: a query counts the products holding every one of its words (folded). */
const catalogue = (...products: string[]) => {
  const docs = products.map((p) => new Set(searchWords(foldVietnamese(p))));
  return (query: string) => {
    const words = searchWords(foldVietnamese(query));
    return Promise.resolve(docs.filter((doc) => words.length > 0 && words.every((w) => doc.has(w))).length);
  };
};

const data: MissData = {
  provinces: [
    { name: 'Bắc Kạn', successor: 'Thái Nguyên', isCity: false },
    { name: 'Thái Nguyên', successor: 'Thái Nguyên', isCity: false },
    { name: 'Thái Nguyên', successor: null, isCity: false },
    { name: 'Bắc Giang', successor: 'Bắc Ninh', isCity: false },
    { name: 'Bắc Ninh', successor: 'Bắc Ninh', isCity: false },
    { name: 'Bắc Ninh', successor: null, isCity: false },
    { name: 'Cao Bằng', successor: 'Cao Bằng', isCity: false },
    { name: 'Cao Bằng', successor: null, isCity: false },
    { name: 'Hải Phòng', successor: null, isCity: true },
  ],
  withProducts: ['Thái Nguyên', 'Bắc Giang', 'Bắc Ninh'],
};

const glossary: GlossaryEntry[] = [
  { vi: ['nước mắm'], en: ['fish sauce'] },
  { vi: ['mật ong'], en: ['honey'] },
  { vi: ['trà'], en: ['tea'] },
  { vi: ['chè'], en: ['tea'] },
];

const queriesOf = async (q: string, count: (q: string) => Promise<number>) =>
  (await missHelp(q, data, count, glossary)).suggestions.map((s) => s.query);

describe('missHelp', () => {
  it('offers the query with one word dropped, only where that finds something', async () => {
    const { suggestions } = await missHelp('trà ô long xanh', data, catalogue('Trà Ô Long'), glossary);
    expect(suggestions).toEqual([{ kind: 'dropped', query: 'trà ô long', word: 'xanh', count: 1 }]);
  });

  it('offers nothing when no near query finds anything', async () => {
    expect(await queriesOf('xe đạp điện', catalogue('Trà Ô Long'))).toEqual([]);
  });

  it('offers nothing for a one-word query with no glossary or province word', async () => {
    expect(await queriesOf('xyzzy', catalogue('Trà Ô Long'))).toEqual([]);
  });

  it('says an English product word in Vietnamese: "fish sauce" → "nước mắm"', async () => {
    const { suggestions } = await missHelp('fish sauce', data, catalogue('Nước mắm Thành Công'), glossary);
    expect(suggestions).toEqual([{ kind: 'glossary', query: 'nước mắm', from: 'fish sauce', to: 'nước mắm', count: 1 }]);
  });

  it('says a Vietnamese product word in English, typed with or without marks: "mat ong" → "honey"', async () => {
    expect(await queriesOf('mat ong', catalogue('forest honey'))).toEqual(['honey']);
    expect(await queriesOf('MẬT ONG', catalogue('forest honey'))).toEqual(['honey']);
  });

  it('offers every Vietnamese word an English word stands for: "tea" → trà and chè', async () => {
    expect(await queriesOf('tea', catalogue('Trà Ô Long', 'Chè móc câu'))).toEqual(['trà', 'chè']);
  });

  it('keeps the rest of the query around a translated word: "honey Tắc" → "mật ong tắc"', async () => {
    expect(await queriesOf('honey Tắc', catalogue('Tắc mật ong'))).toContain('mật ong tắc');
  });

  it('offers an old province under its new name: "chè Bắc Kạn" → "chè thái nguyên"', async () => {
    const { suggestions } = await missHelp('chè Bắc Kạn', data, catalogue('Chè móc câu Thái Nguyên'), glossary);
    expect(suggestions[0]).toEqual({ kind: 'province', query: 'chè Thái Nguyên', oldName: 'Bắc Kạn', newName: 'Thái Nguyên', count: 1 });
  });

  it('offers a new province under each old name merged into it: "vải Bắc Ninh" → "vải Bắc Giang"', async () => {
    expect(await queriesOf('vải Bắc Ninh', catalogue('Vải thiều Bắc Giang'))).toContain('vải Bắc Giang');
  });

  it('offers the query without a province, as is and in the other language: "fish sauce Bắc Kạn" → "nước mắm"', async () => {
    const count = catalogue('Nước mắm Thành Công', 'Chè Thái Nguyên Bắc Kạn', 'fish sauce');
    const { suggestions } = await missHelp('fish sauce Bắc Kạn', data, count, glossary);
    expect(suggestions).toEqual(
      expect.arrayContaining([
        { kind: 'dropped', query: 'fish sauce', word: 'bắc kạn', count: 1 },
        { kind: 'glossary', query: 'nước mắm', from: 'fish sauce', to: 'nước mắm', count: 1 },
      ]),
    );
  });

  it('reads province names typed without marks, in capitals or decomposed', async () => {
    const count = catalogue('Chè móc câu Thái Nguyên');
    expect(await queriesOf('che bac kan', count)).toContain('che Thái Nguyên');
    expect(await queriesOf('CHÈ BẮC KẠN', count)).toContain('chè Thái Nguyên');
    expect(await queriesOf('che\u0300 Ba\u0306\u0301c Ka\u0323n', count)).toContain('chè Thái Nguyên');
  });

  it('never offers the query itself, nor the same query twice', async () => {
    const queries = await queriesOf('tea tea', catalogue('Trà Ô Long', 'Chè móc câu', 'tea'));
    expect(queries).not.toContain('tea tea');
    expect(new Set(queries).size).toBe(queries.length);
  });

  it(`offers at most ${MISS_SUGGESTIONS} suggestions`, async () => {
    const many = await queriesOf('a b c d e f g h', () => Promise.resolve(1));
    expect(many).toHaveLength(MISS_SUGGESTIONS);
  });

  it('offers nothing for an empty query', async () => {
    expect(await missHelp('  ', data, () => Promise.resolve(1), glossary)).toEqual({ suggestions: [], emptyProvinces: [] });
  });
});

describe('emptyProvincesIn', () => {
  it('names a province no product carries yet: "Cao Bằng"', () => {
    expect(emptyProvincesIn('cao bang', data)).toEqual([{ name: 'Cao Bằng', isCity: false }]);
  });

  it('names an old province whose own products are none, though its new province has some: "Bắc Kạn"', () => {
    expect(emptyProvincesIn('Chè Bắc Kạn', data)).toEqual([{ name: 'Bắc Kạn', isCity: false }]);
  });

  it('says nothing of a province with products, old or new', () => {
    expect(emptyProvincesIn('Thái Nguyên', data)).toEqual([]);
    expect(emptyProvincesIn('bac giang', data)).toEqual([]);
  });

  it('marks a city as a city', () => {
    expect(emptyProvincesIn('Hải Phòng', data)).toEqual([{ name: 'Hải Phòng', isCity: true }]);
  });

  it('finds no province in a query of product words only', () => {
    expect(emptyProvincesIn('trà ô long', data)).toEqual([]);
  });
});

describe('MISS_WORDS and suggestionNote', () => {
  it.each([
    ['vi', { name: 'Cao Bằng', isCity: false }, 'Tỉnh Cao Bằng chưa có sản phẩm nào trong sổ đăng ký.'],
    ['vi', { name: 'Hải Phòng', isCity: true }, 'Thành phố Hải Phòng chưa có sản phẩm nào trong sổ đăng ký.'],
    ['en', { name: 'Cao Bằng', isCity: false }, 'Cao Bằng has no products in the registry yet.'],
  ] as const)('in %s says of %j: %s', (locale, province, text) => {
    expect(MISS_WORDS[locale].emptyProvince(province)).toBe(text);
  });

  it.each([
    ['vi', { kind: 'dropped', query: 'trà ô long', word: 'xanh', count: 2 }, 'bỏ từ “xanh” · 2 sản phẩm'],
    ['en', { kind: 'dropped', query: 'tra o long', word: 'xanh', count: 1 }, 'without “xanh” · 1 product'],
    [
      'vi',
      { kind: 'glossary', query: 'nước mắm', from: 'fish sauce', to: 'nước mắm', count: 4 },
      '“fish sauce” nghĩa là “nước mắm” · 4 sản phẩm',
    ],
    ['en', { kind: 'glossary', query: 'honey', from: 'mat ong', to: 'honey', count: 5 }, '“mat ong” means “honey” · 5 products'],
    [
      'vi',
      { kind: 'province', query: 'Thái Nguyên', oldName: 'Bắc Kạn', newName: 'Thái Nguyên', count: 3 },
      'Bắc Kạn nay thuộc Thái Nguyên · 3 sản phẩm',
    ],
    [
      'en',
      { kind: 'province', query: 'Thái Nguyên', oldName: 'Bắc Kạn', newName: 'Thái Nguyên', count: 3 },
      'Bắc Kạn is now part of Thái Nguyên · 3 products',
    ],
  ] as const)('in %s explains %j as %j', (locale, suggestion, note) => {
    expect(suggestionNote(suggestion, locale)).toBe(note);
  });
});
