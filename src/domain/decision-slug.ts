import { slugify, uniqueSlug } from './slug.ts';

/**
 * A decision's URL slug: its number folded, then the round year unless the number already carries it.
 * decisionSlugBase('3116/QĐ-BCT', 2023) → '3116-qd-bct-2023'; decisionSlugBase('12/2023/QĐ-UBND', 2023) → '12-2023-qd-ubnd'
 */
export function decisionSlugBase(number: string, roundYear: number): string {
  const folded = slugify(number);
  const year = String(roundYear);
  return folded.split('-').includes(year) ? folded : `${folded}-${year}`;
}

/**
 * The slug a new decision gets: decisionSlugBase, made unique with a suffix ("1493-qd-ubnd-2022-2" for a
 * second province's decision of the same number and year). Slugs never change once published.
 */
export function slugForDecision(number: string, roundYear: number, isTaken: (slug: string) => boolean): string {
  return uniqueSlug(decisionSlugBase(number, roundYear), isTaken);
}
