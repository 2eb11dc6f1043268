import { compactKey, foldVietnamese } from './text.ts';

export type LegalForm = 'enterprise' | 'cooperative' | 'cooperative_group' | 'household' | 'other';

export const LEGAL_FORMS: readonly { code: LegalForm; vi: string; en: string }[] = [
  { code: 'enterprise', vi: 'Doanh nghiệp', en: 'Enterprise' },
  { code: 'cooperative', vi: 'Hợp tác xã', en: 'Cooperative' },
  { code: 'cooperative_group', vi: 'Tổ hợp tác', en: 'Cooperative group' },
  { code: 'household', vi: 'Hộ kinh doanh', en: 'Business household' },
  { code: 'other', vi: 'Cơ sở khác', en: 'Other establishment' },
];

/** Words that name a legal form, checked in order on the folded name (tổ hợp tác before hợp tác xã). */
const FORM_PATTERNS: readonly [LegalForm, RegExp][] = [
  ['cooperative_group', /\bto hop tac\b/],
  ['cooperative', /\b(hop tac xa|htx|cooperative)\b/],
  ['household', /\b(ho kinh doanh|hkd|ho gia dinh|household)\b/],
  ['enterprise', /\b(cong ty|doanh nghiep|dntn|xi nghiep|tong cong ty|company|joint[- ]stock|corporation|co\.?,? ltd)\b/],
];

/** Infers the legal form from how the name is written: "HTX chè Hảo Đạt" → cooperative. */
export function inferLegalForm(name: string): LegalForm {
  const folded = foldVietnamese(name);
  return FORM_PATTERNS.find(([, pattern]) => pattern.test(folded))?.[0] ?? 'other';
}

/** Long and short spellings of the same legal words, brought to one form before comparing names. */
const ABBREVIATIONS: readonly [RegExp, string][] = [
  [/\bcong ty co phan\b|\bcong ty cp\b|\bctcp\b/g, 'ctcp'],
  [/\bcong ty trach nhiem huu han\b|\bcong ty tnhh\b|\bcty tnhh\b/g, 'cttnhh'],
  [/\bhop tac xa\b|\bhtx\b/g, 'htx'],
  [/\bho kinh doanh\b|\bhkd\b/g, 'hkd'],
  [/\bmot thanh vien\b/g, 'mtv'],
];

/**
 * The key two spellings of one establishment share: folded, legal words abbreviated, spaces and
 * punctuation dropped, and a trailing province name removed.
 * "Công ty Cổ phần Mac ca & Sa chi Lạng Sơn" and "Công ty CP Macca & Sachi" → "ctcpmaccasachi".
 */
export function establishmentKey(name: string, provinceNames: readonly string[] = []): string {
  let folded = foldVietnamese(name).replace(/[^a-z0-9]+/g, ' ');
  for (const [pattern, short] of ABBREVIATIONS) folded = folded.replace(pattern, short);
  let key = compactKey(folded);
  for (const province of provinceNames) {
    const suffix = compactKey(province);
    if (suffix && key.length > suffix.length + 3 && key.endsWith(suffix)) {
      key = key.slice(0, -suffix.length);
      break;
    }
  }
  return key;
}
