/**
 * Text tagged with its language (#18.2). English pages show many Vietnamese proper names — producers,
 * addresses, provinces, fairs, organisations — and a screen reader pronounces them right only inside an
 * element with lang="vi". Views render these parts with src/components/LocalText.astro (server) or
 * src/scripts/local-text.ts (browser), which put a lang attribute on every part not in the page's language.
 */
import type { Locale } from './i18n.ts';

/** A piece of text and the language it is written in. */
export interface LocalText {
  text: string;
  lang: Locale;
}

/** A Vietnamese proper name as a part: vi('Bát Tràng') → { text: 'Bát Tràng', lang: 'vi' }. */
export const vi = (text: string): LocalText => ({ text, lang: 'vi' });

/** Words of the page's own language as a part. */
export const own = (text: string, locale: Locale): LocalText => ({ text, lang: locale });

/** The parts as plain text (titles, attributes, feeds): joinText([vi('Bắc Giang'), own(' (now…', 'en')]) → "Bắc Giang (now…". */
export const joinText = (parts: readonly LocalText[]): string => parts.map((p) => p.text).join('');

/**
 * A province with the unit it became part of in 2025, as parts: on English pages
 * [vi('Bắc Giang'), ' (now part of ', vi('Bắc Ninh'), ')']; the name alone when it did not change.
 */
export function provinceParts(name: string, currentName: string | null, locale: Locale): LocalText[] {
  if (!currentName || currentName === name) return [vi(name)];
  const [before, after] = locale === 'en' ? [' (now part of ', ')'] : [' (nay thuộc ', ')'];
  return [vi(name), own(before, locale), vi(currentName), own(after, locale)];
}

/** Parts joined by a separator in the page's language, empty values left out: "HTX Tân Cương · Thái Nguyên". */
export function joinParts(groups: readonly (readonly LocalText[] | null)[], separator: string, locale: Locale): LocalText[] {
  return groups
    .filter((g): g is readonly LocalText[] => g !== null && g.length > 0)
    .flatMap((g, i) => (i === 0 ? [...g] : [own(separator, locale), ...g]));
}

/** The name of a record in a locale: its English name on English pages where staff recorded one, else its Vietnamese name. */
export function nameIn(locale: Locale, name: string, nameEn: string | null | undefined): LocalText {
  const english = nameEn?.trim();
  return locale === 'en' && english ? { text: english, lang: 'en' } : vi(name);
}

/** A product card's title and meta line ("producer · province") as parts, for the server and the islands alike. */
export function cardParts(
  item: {
    name: string;
    nameEn?: string | null;
    establishmentName: string | null;
    establishmentNameEn?: string | null;
    provinceName: string;
    currentProvinceName: string | null;
  },
  locale: Locale,
  unknownProducer: string,
): { title: LocalText; meta: LocalText[] } {
  const producer = item.establishmentName ? nameIn(locale, item.establishmentName, item.establishmentNameEn) : own(unknownProducer, locale);
  return {
    title: nameIn(locale, item.name, item.nameEn),
    meta: joinParts([[producer], provinceParts(item.provinceName, item.currentProvinceName, locale)], ' · ', locale),
  };
}

/**
 * A province facet label (src/domain/facet-labels.ts provinceFacetLabel) as parts: the names Vietnamese,
 * the joining word in the page's language. "Bắc Ninh (incl. Bắc Giang)" → [vi('Bắc Ninh'), ' (incl. ', vi('Bắc Giang'), ')'].
 */
export function provinceLabelParts(label: string, locale: Locale): LocalText[] {
  const word = locale === 'vi' ? 'gồm' : 'incl.';
  const match = new RegExp(`^(.*?) \\(${word.replace('.', '\\.')} (.*)\\)$`).exec(label);
  if (!match) return [vi(label)];
  return [vi(match[1]!), own(` (${word} `, locale), vi(match[2]!), own(')', locale)];
}
