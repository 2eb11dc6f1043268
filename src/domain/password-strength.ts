/**
 * How hard a password is to guess (R02, #17.6), judged by zxcvbn-ts (a maintained TypeScript port of
 * Dropbox's estimator: common passwords, English words and names, keyboard patterns, repeats, sequences,
 * dates, l33t) with a Vietnamese dictionary of our own (password-words.ts). Scores run 0–4; 3 means
 * "safely unguessable: moderate protection from an offline attack" (about 10^8 guesses or more).
 *
 * The dictionaries are large (loading them takes about a second on a busy machine), so they are imported
 * on the first judgement, never at start: the public site never loads them, the admin only when someone
 * sets a password.
 */
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { passwordDictionary } from './password-words.ts';

/** The least score accepted (R02). */
export const PASSWORD_MIN_SCORE = 3;

let estimator: Promise<ZxcvbnFactory> | undefined;

async function loadEstimator(): Promise<ZxcvbnFactory> {
  const [core, common, en] = await Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]);
  return new core.ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary, vietnamese: passwordDictionary() },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  });
}

/** A password without its Vietnamese marks: "Sài Gòn" → "Sai Gon" (an attacker's list has both). */
const withoutMarks = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');

/**
 * The password's score, 0–4: the lower of the scores of the password as typed and without its marks.
 * `related` are words of the account (e-mail parts, name) that count as known to an attacker.
 */
export async function passwordScore(password: string, related: readonly string[] = []): Promise<number> {
  const zxcvbn = await (estimator ??= loadEstimator());
  const inputs = related.filter((w) => w.length >= 3);
  const plain = withoutMarks(password);
  const scores = [zxcvbn.check(password, inputs).score];
  if (plain !== password) scores.push(zxcvbn.check(plain, inputs).score);
  return Math.min(...scores);
}
