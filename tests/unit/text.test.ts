import { describe, expect, it } from 'vitest';
import { compactKey, foldVietnamese, levenshtein, normalizeText } from '#domain/text.ts';

describe('normalizeText', () => {
  it.each([
    ['  Trà\u00a0 Ô   Long ', 'Trà Ô Long'],
    ['Tra\u0300', 'Trà'],
    ['a\n\tb', 'a b'],
    ['', ''],
  ])('turns %j into %j', (input, output) => {
    expect(normalizeText(input)).toBe(output);
  });

  it('returns NFC so that stored text compares equal', () => {
    expect(normalizeText('Hue\u0302\u0301')).toBe('Huế');
  });
});

describe('foldVietnamese', () => {
  it.each([
    ['Đồng Tháp', 'dong thap'],
    ['Trà Ô Long', 'tra o long'],
    ['Huế', 'hue'],
    ['sứ', 'su'],
    ['ĐƯỜNG', 'duong'],
    ['Thừa Thiên Huế', 'thua thien hue'],
    ['Hòa Bình', 'hoa binh'],
    ['Hoà Bình', 'hoa binh'],
    ['ươ ƯƠ ướ ựợ', 'uo uo uo uo'],
    ['D\u0303a\u0300', 'da'],
    ['Hôi An', 'hoi an'],
    ['  ', ''],
  ])('folds %j to %j', (input, output) => {
    expect(foldVietnamese(input)).toBe(output);
  });

  it('folds decomposed and precomposed input the same way', () => {
    expect(foldVietnamese('Tra\u0300 O\u0302 Long')).toBe(foldVietnamese('Trà Ô Long'));
  });
});

describe('compactKey', () => {
  it('drops spaces and punctuation after folding', () => {
    expect(compactKey('Mac ca & Sa chi')).toBe('maccasachi');
    expect(compactKey('Macca&Sachi')).toBe('maccasachi');
    expect(compactKey('Bà Rịa – Vũng Tàu')).toBe('bariavungtau');
  });
});

describe('levenshtein', () => {
  it.each([
    ['', '', 0],
    ['bac giang', 'bac giang', 0],
    ['bac giang', 'bac giangg', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('between %j and %j is %i', (a, b, distance) => {
    expect(levenshtein(a, b)).toBe(distance);
  });
});
