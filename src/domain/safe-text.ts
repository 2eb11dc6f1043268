/**
 * Invisible characters in stored text (#17.7, decision 022). Every text a form or the importer stores
 * passes here first, so a record that imports can also be saved in the admin and the other way round.
 *
 * - Bidirectional controls (U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates, U+061C) are
 *   refused: an override makes a producer's name display reversed, and nothing in Vietnamese needs one.
 *   The marks U+200E/U+200F (LRM/RLM) are refused too unless the text holds right-to-left letters, the
 *   only place they do anything useful.
 * - Zero-width characters (U+200B space, U+200C ZWNJ, U+200D ZWJ, U+2060 word joiner, U+FEFF, U+180E,
 *   U+00AD soft hyphen) are removed: Vietnamese in Latin script never needs them (ZWJ/ZWNJ shape Indic
 *   and Arabic letters), they only make two equal names differ. A ZWJ inside an emoji sequence is kept.
 *   A byte-order mark at the start of a file is the CSV reader's business (src/domain/import/csv.ts).
 * - Other control characters (C0 and C1 except tab, CR and LF, which spacing rules handle) are refused.
 */

/** Why a text was refused; the words for each are in TEXT_PROBLEM_WORDS. */
export type TextProblem = 'bidi' | 'control';

const BIDI_CONTROLS = /[\u061C\u202A-\u202E\u2066-\u2069]/u;
const DIRECTION_MARKS = /[\u200E\u200F]/u;
/** Hebrew, Arabic, Syriac, Thaana, NKo and their presentation forms: where LRM/RLM have a use. */
const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC]/u;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
/** Zero-width characters, except a ZWJ joining two pictographs (👨‍👩‍👧). */
const ZERO_WIDTH =
  /[\u200B\u200C\u2060\uFEFF\u180E\u00AD]|(?<!\p{Extended_Pictographic}\uFE0F?)\u200D|\u200D(?!\p{Extended_Pictographic})/gu;

/** The text without zero-width characters. stripZeroWidth('Trà\u200b Ô Long') → 'Trà Ô Long' */
export function stripZeroWidth(text: string): string {
  return text.replace(ZERO_WIDTH, '');
}

/** The first problem that makes a text unfit to store, with the offending character, or null. */
export function textProblem(text: string): { problem: TextProblem; codePoint: string } | null {
  const bidi = BIDI_CONTROLS.exec(text) ?? (RIGHT_TO_LEFT.test(text) ? null : DIRECTION_MARKS.exec(text));
  if (bidi) return { problem: 'bidi', codePoint: codePointOf(bidi[0]) };
  const control = CONTROLS.exec(text);
  if (control) return { problem: 'control', codePoint: codePointOf(control[0]) };
  return null;
}

/** "U+202E" for '\u202e'. */
export function codePointOf(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The words for each problem, in both languages (the admin is Vietnamese; the command line English). */
export const TEXT_PROBLEM_WORDS: Record<TextProblem, { vi: (codePoint: string) => string; en: (codePoint: string) => string }> = {
  bidi: {
    vi: (c) => `có ký tự điều khiển hướng chữ ${c}, có thể làm chữ hiển thị đảo ngược; hãy gõ lại hoặc dán dạng chữ thuần`,
    en: (c) => `contains the text-direction control ${c}, which can make the text display reversed; retype it or paste it as plain text`,
  },
  control: {
    vi: (c) => `có ký tự điều khiển ${c} không hiển thị được; hãy gõ lại hoặc dán dạng chữ thuần`,
    en: (c) => `contains the control character ${c}, which cannot be displayed; retype it or paste it as plain text`,
  },
};
