/** R02: the password policy of staff accounts, pure so tests reach it without a server. */
import { PASSWORD_MIN_SCORE, passwordScore } from './password-strength.ts';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

export type PasswordProblem = 'too-short' | 'too-long' | 'contains-email' | 'weak';

/**
 * R02: 8–128 characters (counted as the user sees them, so "mậtkhẩu" is 7), never truncated, not the
 * e-mail's name, and hard to guess: a zxcvbn-ts score of at least 3 (password-strength.ts), which refuses
 * "aaaaaaaa", eight spaces, "Aa123456", "Matkhau123" or "Hanoi2024". Null when the password is acceptable.
 */
export async function passwordProblem(password: string, email = ''): Promise<PasswordProblem | null> {
  const length = [...password.normalize('NFC')].length;
  if (length < PASSWORD_MIN) return 'too-short';
  if (length > PASSWORD_MAX) return 'too-long';
  const address = email.trim().toLowerCase();
  const name = address.split('@')[0] ?? '';
  if (name.length >= 4 && password.toLowerCase().includes(name)) return 'contains-email';
  // The account's own words count as known to an attacker: the address, its parts and its domain.
  const related = [address, name, ...name.split(/[._+-]/), ...(address.split('@')[1]?.split('.') ?? [])];
  return (await passwordScore(password, related)) < PASSWORD_MIN_SCORE ? 'weak' : null;
}

export const PASSWORD_MESSAGES: Record<PasswordProblem, { vi: string; en: string }> = {
  'too-short': { vi: `Mật khẩu cần ít nhất ${PASSWORD_MIN} ký tự.`, en: `The password needs at least ${PASSWORD_MIN} characters.` },
  'too-long': { vi: `Mật khẩu dài tối đa ${PASSWORD_MAX} ký tự.`, en: `The password can be at most ${PASSWORD_MAX} characters.` },
  'contains-email': { vi: 'Mật khẩu không được chứa tên e-mail.', en: 'The password must not contain the e-mail name.' },
  weak: {
    vi: 'Mật khẩu này quá dễ đoán (mật khẩu phổ biến, từ thông dụng, tên, địa danh, ngày tháng hay ký tự lặp). Hãy dùng một cụm vài từ ít gặp, có thể thêm số hoặc ký hiệu.',
    en: 'This password is too easy to guess (a common password, word, name, place, date or repeated characters). Use a phrase of a few uncommon words, perhaps with digits or symbols.',
  },
};
