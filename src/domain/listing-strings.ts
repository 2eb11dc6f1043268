/**
 * The words of the phone-first listing controls (the filter button, its "show results" footer, the
 * floor plan's skip link, the combobox's announcement), in both languages, and the small rules that
 * put a number into them. Templates carry `{n}` so the islands can fill them without this module.
 */
import { formatNumber, type Locale } from './i18n.ts';
import { defineStrings, type TableKey } from './strings.ts';

/** The listing controls' strings in one language: listingT('en').showResultsPlain → "Show results". */
export const listingT = defineStrings({
  vi: {
    filtersActive: '{n} đang chọn',
    showResults: 'Xem kết quả ({n})',
    showResultsPlain: 'Xem kết quả',
    skipPlan: 'Bỏ qua sơ đồ, đến ô tìm gian hàng',
  },
  en: {
    filtersActive: '{n} active',
    showResults: 'Show results ({n})',
    showResultsPlain: 'Show results',
    skipPlan: 'Skip the plan, go to the exhibitor search',
  },
});

export type ListingStringKey = TableKey<typeof listingT>;

/** A number as each language writes it (src/domain/i18n.ts formatNumber): formatCount(1234, 'vi') → "1.234". */
export const formatCount = (n: number, locale: Locale): string => formatNumber(n, locale);

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
