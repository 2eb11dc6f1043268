import { formatDate, formatDateRange, type Locale } from './i18n.ts';

/** Words for a fair's dates and its note, in Vietnamese and English. */
const WORDS = {
  opening: { vi: 'khai mạc', en: 'opening day' },
  closing: { vi: 'bế mạc', en: 'closing day' },
  note: { vi: 'Ghi chú', en: 'Note' },
  /** Notes are written by staff in Vietnamese only; English pages say so rather than pass them off as English. */
  noteLanguage: { vi: '', en: 'in Vietnamese' },
} as const;

/** The label of a fair's note in the locale: "Ghi chú", "Note (in Vietnamese)". */
export function fairNoteLabel(locale: Locale): string {
  return locale === 'vi' ? WORDS.note.vi : `${WORDS.note.en} (${WORDS.noteLanguage.en})`;
}

/**
 * A fair's dates as the source gave them, never one date as if it were the span: both dates → the span
 * ("16/05/2024 – 19/05/2024"); only the start → "khai mạc 11/12/2013" / "opening day 11 Dec 2013"; only the
 * end → "bế mạc 04/10/2014" / "closing day 4 Oct 2014"; neither → ''.
 */
export function formatFairDates(start: string | null, end: string | null, locale: Locale): string {
  const hasStart = start !== null && start !== '';
  const hasEnd = end !== null && end !== '';
  if (hasStart && !hasEnd) return `${WORDS.opening[locale]} ${formatDate(start, locale)}`;
  if (hasEnd && !hasStart) return `${WORDS.closing[locale]} ${formatDate(end, locale)}`;
  return formatDateRange(start, end, locale);
}
