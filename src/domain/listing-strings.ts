/**
 * The words of the phone-first listing controls (the filter button, its "show results" footer, the
 * floor plan's skip link, the combobox's announcement), in both languages, and the small rules that
 * put a number into them. Templates carry `{n}` so the islands can fill them without this module.
 */
import type { Locale } from './i18n.ts';

const STRINGS = {
  filtersActive: { vi: '{n} đang chọn', en: '{n} active' },
  showResults: { vi: 'Xem kết quả ({n})', en: 'Show results ({n})' },
  showResultsPlain: { vi: 'Xem kết quả', en: 'Show results' },
  skipPlan: { vi: 'Bỏ qua sơ đồ, đến ô tìm gian hàng', en: 'Skip the plan, go to the exhibitor search' },
} as const satisfies Record<string, Record<Locale, string>>;

export type ListingStringKey = keyof typeof STRINGS;

/** The listing controls' strings in one language: listingT('en').showResultsPlain → "Show results". */
export function listingT(locale: Locale): Record<ListingStringKey, string> {
  return Object.fromEntries(Object.entries(STRINGS).map(([k, v]) => [k, v[locale]])) as Record<ListingStringKey, string>;
}

/** A number as each language writes it: formatCount(1234, 'vi') → "1.234", formatCount(1234, 'en') → "1,234". */
export function formatCount(n: number, locale: Locale): string {
  return n.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB');
}

/** A `{n}` template filled with a number: fillCount('Xem kết quả ({n})', 1234, 'vi') → "Xem kết quả (1.234)". */
export function fillCount(template: string, n: number, locale: Locale): string {
  return template.replaceAll('{n}', formatCount(n, locale));
}

/**
 * What a screen reader hears when the search box's suggestions change: suggestionsAnnouncement(3, 'vi')
 * → "3 gợi ý", suggestionsAnnouncement(1, 'en') → "1 suggestion", 0 → "Không có gợi ý" / "No suggestions".
 */
export function suggestionsAnnouncement(n: number, locale: Locale): string {
  if (locale === 'vi') return n === 0 ? 'Không có gợi ý' : `${formatCount(n, locale)} gợi ý`;
  return n === 0 ? 'No suggestions' : `${formatCount(n, locale)} ${n === 1 ? 'suggestion' : 'suggestions'}`;
}
