import { describe, expect, it } from 'vitest';
import { buildIndex, EXACT_FIELD, searchWords } from '#domain/search/pipeline.ts';
import { highlight } from '#domain/search/highlight.ts';
import { searchIndex } from '#domain/search/query.ts';

const fields = [
  { name: 'name', boost: 10 },
  { name: EXACT_FIELD, boost: 10 },
  { name: 'province', boost: 2 },
];
const doc = (id: string, name: string, province = '') => ({ id, name, [EXACT_FIELD]: name, province });
const index = buildIndex(
  [
    doc('tra', 'Trà Ô Long', 'Lạng Sơn'),
    doc('su', 'Bình sứ Bát Tràng', 'Hà Nội'),
    doc('dong', 'Trống đồng Đông Sơn', 'Thanh Hóa'),
    doc('hoian', 'Hội An chiều thu', 'Quảng Nam Đà Nẵng'),
    doc('hue', 'Mè xửng Huế', 'Thừa Thiên Huế Huế'),
    doc('la', 'Nón lá', 'Huế'),
  ],
  fields,
);
const names = fields.map((f) => f.name);
const refs = (q: string) => searchIndex(index, q, names).map((h) => h.ref);

describe('searchWords', () => {
  it.each([
    ['Trà Ô Long', ['trà', 'ô', 'long']],
    ['Bản lề (100×2.4-201; C127)', ['bản', 'lề', '100', '2', '4', '201', 'c127']],
    ['Tra\u0300 O\u0302', ['trà', 'ô']],
    ['  ', []],
  ])('splits %j into %j', (text, words) => {
    expect(searchWords(text)).toEqual(words);
  });
});

describe('searchIndex', () => {
  it.each([
    ['trà', 'tra'],
    ['tra', 'tra'],
    ['TRÀ Ô LONG', 'tra'],
    ['sứ', 'su'],
    ['su', 'su'],
    ['đồng', 'dong'],
    ['dong', 'dong'],
    ['hội an', 'hoian'],
    ['hue', 'hue'],
    ['lá', 'la'],
    ['la', 'la'],
  ])('finds %j (the stock lunr pipeline loses toned vowels, đ and "an")', (query, ref) => {
    expect(refs(query)).toContain(ref);
  });

  it('requires every word', () => {
    expect(refs('tra long')).toEqual(['tra']);
    expect(refs('tra hue')).toEqual([]);
  });

  it('completes the last word as a prefix, but not the others', () => {
    expect(refs('tra o lo')).toEqual(['tra']);
    expect(refs('tr o long')).toEqual([]);
  });

  it('forgives one typo (a swap counts as one) in words of four letters or more', () => {
    expect(refs('tra o loong')).toEqual(['tra']);
    expect(refs('trong dogn')).toEqual(['dong']);
    expect(refs('trong dabg')).toEqual([]);
    expect(refs('trong dong')).toEqual(['dong']);
  });

  it('finds a record by its old or its new province', () => {
    expect(refs('quang nam')).toEqual(['hoian']);
    expect(refs('da nang')).toEqual(['hoian']);
  });

  it('returns nothing for an empty query', () => {
    expect(refs('  ')).toEqual([]);
  });
});

describe('highlight', () => {
  it('marks words matched on folded text, keeping the marks of the original', () => {
    expect(highlight('Trà Ô Long', 'tra o lo')).toEqual([
      { text: 'Trà', match: true },
      { text: ' ', match: false },
      { text: 'Ô', match: true },
      { text: ' ', match: false },
      { text: 'Lo', match: true },
      { text: 'ng', match: false },
    ]);
  });

  it('matches at word starts only and handles đ', () => {
    expect(highlight('Đường phèn', 'duong')).toEqual([
      { text: 'Đường', match: true },
      { text: ' phèn', match: false },
    ]);
    expect(highlight('Bản lề', 'an')).toEqual([{ text: 'Bản lề', match: false }]);
  });
});
