/**
 * English names (#18.2): products, establishments, organisations and fairs may carry an English name that
 * staff wrote (never invented). English pages show it; where there is none they show the Vietnamese name,
 * marked lang="vi" so that screen readers pronounce it as Vietnamese (nameIn in ./local-text.ts). This module
 * checks an English name before it is stored.
 */
import { stripZeroWidth, textProblem, TEXT_PROBLEM_WORDS } from './safe-text.ts';
import { normalizeText } from './text.ts';

/** The length limits of each English name, the same as its Vietnamese name's. */
export const ENGLISH_NAME_LIMITS = {
  product: { min: 2, max: 300 },
  establishment: { min: 2, max: 200 },
  fair: { min: 4, max: 300 },
  organisation: { min: 2, max: 300 },
} as const;
export type NamedEntity = keyof typeof ENGLISH_NAME_LIMITS;

/** Why an English name cannot be stored, in both languages. */
export interface EnglishNameProblem {
  vi: string;
  en: string;
}

/**
 * An English name as it may be stored: zero-width characters removed, spacing and Unicode normalised,
 * '' → null; or the problem (control or bidi characters, too short, too long).
 * Example: cleanEnglishName('  Oolong   tea ', 'product') → { value: 'Oolong tea' }.
 */
export function cleanEnglishName(
  raw: string | null | undefined,
  entity: NamedEntity,
): { value: string | null } | { problem: EnglishNameProblem } {
  const stripped = stripZeroWidth(raw ?? '');
  const found = textProblem(stripped);
  if (found) {
    const vi = TEXT_PROBLEM_WORDS[found.problem].vi(found.codePoint);
    const en = TEXT_PROBLEM_WORDS[found.problem].en(found.codePoint);
    return { problem: { vi: `Tên tiếng Anh: ${vi}.`, en: `English name: ${en}.` } };
  }
  const value = normalizeText(stripped);
  if (value === '') return { value: null };
  const { min, max } = ENGLISH_NAME_LIMITS[entity];
  if (value.length < min)
    return { problem: { vi: `Tên tiếng Anh cần ít nhất ${min} ký tự.`, en: `the English name needs at least ${min} characters` } };
  if (value.length > max)
    return { problem: { vi: `Tên tiếng Anh dài tối đa ${max} ký tự.`, en: `the English name is at most ${max} characters long` } };
  return { value };
}
