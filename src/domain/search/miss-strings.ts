/**
 * The words of the zero-result help (src/domain/search/misses.ts), in both languages: why each suggestion
 * is offered, how many it finds, and the plain word for a province with nothing in the registry yet.
 */
import type { Locale } from '#domain/i18n.ts';
import type { MissSuggestion } from './misses.ts';
import type { EmptyProvince } from './province-mentions.ts';

interface MissWords {
  emptyProvince: (p: EmptyProvince) => string;
  dropped: (word: string) => string;
  glossary: (from: string, to: string) => string;
  province: (oldName: string, newName: string) => string;
  count: (n: number) => string;
}

export const MISS_WORDS: Record<Locale, MissWords> = {
  vi: {
    emptyProvince: (p) => `${p.isCity ? 'Thành phố' : 'Tỉnh'} ${p.name} chưa có sản phẩm nào trong sổ đăng ký.`,
    dropped: (word) => `bỏ từ “${word}”`,
    glossary: (from, to) => `“${from}” nghĩa là “${to}”`,
    province: (oldName, newName) => `${oldName} nay thuộc ${newName}`,
    count: (n) => `${n} sản phẩm`,
  },
  en: {
    emptyProvince: (p) => `${p.name} has no products in the registry yet.`,
    dropped: (word) => `without “${word}”`,
    glossary: (from, to) => `“${from}” means “${to}”`,
    province: (oldName, newName) => `${oldName} is now part of ${newName}`,
    count: (n) => (n === 1 ? '1 product' : `${n} products`),
  },
};

/** Why a suggestion is offered and what it finds: "“fish sauce” nghĩa là “nước mắm” · 4 sản phẩm". */
export function suggestionNote(suggestion: MissSuggestion, locale: Locale): string {
  const words = MISS_WORDS[locale];
  const why =
    suggestion.kind === 'dropped'
      ? words.dropped(suggestion.word)
      : suggestion.kind === 'glossary'
        ? words.glossary(suggestion.from, suggestion.to)
        : words.province(suggestion.oldName, suggestion.newName);
  return `${why} · ${words.count(suggestion.count)}`;
}
