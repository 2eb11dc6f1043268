/**
 * What a fair's printable catalogue, booth posters and exhibitor CSV say, decided here so that the three
 * agree and tests reach it without a browser. Pure: no Astro, no database.
 */
import type { ExhibitorEntry } from './exhibitors.ts';
import { printStrings } from './fair-print-strings.ts';
import { formatFairDates } from './fair-dates.ts';
import { formatNumber, type Locale } from './i18n.ts';

/** The parts of a fair the print header states. */
export interface PrintedFair {
  startDate: string | null;
  endDate: string | null;
  city: string | null;
  venue: string | null;
  organiserText: string | null;
  boothCount: number | null;
  boothCountIsMinimum: boolean;
}

/** The fair's facts as label/value pairs, in print order, leaving out what the registry does not hold. */
export function fairFacts(fair: PrintedFair, locale: Locale): { label: string; value: string }[] {
  const s = printStrings(locale);
  const dates = formatFairDates(fair.startDate, fair.endDate, locale);
  const booths =
    fair.boothCount === null
      ? ''
      : locale === 'vi'
        ? `${fair.boothCountIsMinimum ? 'trên ' : ''}${formatNumber(fair.boothCount, 'vi')} gian hàng`
        : `${fair.boothCountIsMinimum ? 'over ' : ''}${formatNumber(fair.boothCount, 'en')} booth${fair.boothCount === 1 ? '' : 's'}`;
  return [
    { label: s.dates, value: dates },
    { label: s.city, value: fair.city ?? '' },
    { label: s.venue, value: fair.venue ?? '' },
    { label: s.organiser, value: fair.organiserText ?? '' },
    { label: s.booths, value: booths },
  ].filter((fact) => fact.value.trim() !== '');
}

/** How the hall is written beside a booth: "Khu A" / "Hall A"; null when there is none. */
export function hallLabel(hall: string | null, locale: Locale): string | null {
  return hall ? `${printStrings(locale).hall} ${hall}` : null;
}

export type ContactKind = 'address' | 'phone' | 'email' | 'website';

/** One recorded way to reach an exhibitor; href is null where the value is not safe to link. */
export interface ContactLine {
  kind: ContactKind;
  value: string;
  href: string | null;
}

/**
 * The contacts the registry holds for an exhibitor, in print order; empty when none is recorded (the page
 * then says so, and never fills in anything). Phones link as tel: with digits and "+" only; websites link
 * only over https, as the producer page does.
 */
export function exhibitorContacts(entry: Pick<ExhibitorEntry, 'address' | 'phone' | 'email' | 'website'>): ContactLine[] {
  const lines: ContactLine[] = [];
  const present = (value: string | null): value is string => value !== null && value.trim() !== '';
  if (present(entry.address)) lines.push({ kind: 'address', value: entry.address.trim(), href: null });
  if (present(entry.phone)) {
    const dial = entry.phone.replace(/[^\d+]/g, '');
    lines.push({ kind: 'phone', value: entry.phone.trim(), href: dial ? `tel:${dial}` : null });
  }
  if (present(entry.email)) {
    const email = entry.email.trim();
    lines.push({ kind: 'email', value: email, href: /^[^\s@<>"]+@[^\s@<>"]+$/.test(email) ? `mailto:${email}` : null });
  }
  if (present(entry.website)) {
    const website = entry.website.trim();
    lines.push({ kind: 'website', value: website, href: website.startsWith('https://') ? website : null });
  }
  return lines;
}

/**
 * The exhibitor CSV with a last column saying which rows are sample data, when any is:
 * header + "Dữ liệu minh họa", and "có" on each sample row. Rows are returned unchanged when no
 * exhibitor is a sample. `rows` is exhibitorCsvRows' output for the same `entries` (header first).
 */
export function withSampleColumn(
  rows: readonly string[][],
  entries: readonly Pick<ExhibitorEntry, 'isSample'>[],
  locale: Locale,
): string[][] {
  if (rows.length !== entries.length + 1) throw new RangeError(`expected a header and ${entries.length} rows, got ${rows.length} rows`);
  if (!entries.some((e) => e.isSample)) return rows.map((row) => [...row]);
  const s = printStrings(locale);
  const [header = [], ...data] = rows;
  return [[...header, s.sampleColumn], ...data.map((row, i) => [...row, entries[i]!.isSample ? s.sampleYes : ''])];
}

/** Text as a quoted CSS string, safe inside a style element: cssString('say "hi"') → `"say \"hi\""`. */
export function cssString(text: string): string {
  return `"${text
    .replace(/[\\"]/g, '\\$&')
    .replace(/[\n\r\f]/g, ' ')
    .replace(/</g, '\\3c ')}"`;
}

/**
 * The running footer of every printed page (CSS page-margin boxes): `left` at the bottom left, "Trang 2 / 7"
 * at the bottom right.
 */
export function pageFooterCss(left: string, locale: Locale): string {
  const page = cssString(`${printStrings(locale).page} `);
  return `@page{@bottom-left{content:${cssString(left)}}@bottom-right{content:${page} counter(page) " / " counter(pages)}}`;
}
