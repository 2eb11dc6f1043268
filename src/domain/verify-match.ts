/**
 * What the one box on /verify/ reads a visitor's input as, and what the answer shows: a registry code
 * (with typos caught by its check character), a decision number in any spelling, a certificate number,
 * or a product or establishment name with or without marks. Pure: the database reads live in
 * src/server/verify-data.ts, the wording in src/domain/verify-strings.ts.
 */
import { matchDecisionNumber, parseDecisionNumber, type DecisionNumber } from './decision-number.ts';
import { establishmentKey } from './establishments.ts';
import { ALPHABET, checkCharacter, hasValidCheck, looksLikeRegistryCode, normalizeRegistryCode } from './registry-code-check.ts';
import { compactKey, levenshtein, normalizeText } from './text.ts';
import { certificationStatus, type CertificationStatus } from './validity.ts';

/** The longest input read; anything longer is refused (a name or a number with words around it fits). */
export const MAX_VERIFY_INPUT = 120;
/** The shortest folded name searched for: one or two letters would match half the registry. */
export const MIN_NAME_KEY = 3;

/** One way of reading the input; an input may be read several ways at once ("12/GCN" is a decision number and a certificate number). */
export type VerifyReading =
  | { kind: 'code'; code: string }
  | { kind: 'code-typo'; typed: string; candidates: string[] }
  | { kind: 'decision'; number: DecisionNumber }
  | { kind: 'certificate'; text: string }
  | { kind: 'name'; key: string; establishmentKey: string };

/** Why an input cannot be what it seems to be: shown, with status 400, when nothing matched. */
export type VerifyRefusal = 'too-long' | 'no-text' | 'code-typo' | 'code-length' | 'not-a-decision';

export interface VerifyQuery {
  /** What the visitor typed, trimmed (shown back to them). */
  input: string;
  readings: VerifyReading[];
  /** Why the input cannot be what it seems to be; only shown when nothing matched. */
  refusal: VerifyRefusal | null;
}

/**
 * Reads a visitor's input every way it can be read.
 * classifyVerifyInput('3116 QĐ BCT').readings → [{ kind: 'decision', … key '3116/QD-BCT' }, { kind: 'certificate', … }]
 * classifyVerifyInput('tra o long').readings → [{ kind: 'name', key: 'traolong', establishmentKey: 'traolong' }]
 */
export function classifyVerifyInput(raw: string): VerifyQuery {
  const input = normalizeText(raw);
  if (!input) return { input, readings: [], refusal: null };
  if (input.length > MAX_VERIFY_INPUT) return { input: input.slice(0, MAX_VERIFY_INPUT), readings: [], refusal: 'too-long' };
  if (!/[\p{L}\p{N}]/u.test(input)) return { input, readings: [], refusal: 'no-text' };
  if (looksLikeRegistryCode(input)) {
    const code = normalizeRegistryCode(input);
    return hasValidCheck(code)
      ? { input, readings: [{ kind: 'code', code }], refusal: null }
      : { input, readings: [{ kind: 'code-typo', typed: code, candidates: codesOneEditAway(code) }], refusal: 'code-typo' };
  }
  // "T21-4K7M": the start of a code, too short or too long to be one.
  if (/^[QKTHX][0-9]{2}[\s\-–.]/i.test(input) && !/\p{L}{4,}/u.test(input.normalize('NFD').replace(/[\u0300-\u036f]/g, ''))) {
    return { input, readings: [{ kind: 'certificate', text: input }], refusal: 'code-length' };
  }
  const readings: VerifyReading[] = [];
  let refusal: VerifyRefusal | null = null;
  const decision = parseDecisionNumber(input);
  if (decision.ok) readings.push({ kind: 'decision', number: decision.value });
  const hasDigit = /\p{N}/u.test(input);
  if (hasDigit) readings.push({ kind: 'certificate', text: input });
  const key = compactKey(input);
  const isNumberLike = decision.ok || /^[\p{N}\s/.\-–]+$/u.test(input);
  if (!isNumberLike && /[a-z]/.test(key) && key.length >= MIN_NAME_KEY)
    readings.push({ kind: 'name', key, establishmentKey: establishmentKey(input) });
  if (!decision.ok && decision.problem === 'not-a-decision') refusal = 'not-a-decision';
  if (readings.length === 0) refusal = 'no-text';
  return { input, readings, refusal };
}

/**
 * The valid registry codes one typo away from a code whose check failed: one character replaced, or two
 * neighbours swapped. The check character rules out all but a few, e.g. 10 positions × 31 letters → about 10.
 */
export function codesOneEditAway(code: string): string[] {
  const found = new Set<string>();
  for (let i = 0; i < code.length; i++) {
    for (const ch of ALPHABET) if (ch !== code[i]) found.add(code.slice(0, i) + ch + code.slice(i + 1));
    if (i + 1 < code.length && code[i] !== code[i + 1]) found.add(code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2));
  }
  return [...found].filter((c) => looksLikeRegistryCode(c) && hasValidCheck(c)).sort();
}

/**
 * Well-formed codes near a valid code we do not hold: one character of the body different (the check
 * character then differs too, so these are two characters away). nearbyValidCodes('T214K7M9XQ').length → 186 (six hash characters × 31)
 */
export function nearbyValidCodes(code: string): string[] {
  const body = code.slice(0, -1);
  const found: string[] = [];
  for (let i = 3; i < body.length; i++) {
    for (const ch of ALPHABET) {
      if (ch === body[i]) continue;
      const other = body.slice(0, i) + ch + body.slice(i + 1);
      found.push(other + checkCharacter(other));
    }
  }
  return found;
}

/** A stored decision as the matcher needs it. */
export interface StoredDecisionNumber {
  number: string;
}

/**
 * Splits stored decisions sharing the typed serial into those that match (same issuer, or only a serial
 * typed) and those that only share the serial (close matches).
 */
export function sortDecisionMatches<T extends StoredDecisionNumber>(
  typed: DecisionNumber,
  stored: readonly T[],
): { matches: T[]; sameSerial: T[] } {
  const matches: T[] = [];
  const sameSerial: T[] = [];
  for (const s of stored) {
    const parsed = parseDecisionNumber(s.number);
    if (!parsed.ok || parsed.value.serial !== typed.serial) continue;
    if (matchDecisionNumber(typed, parsed.value)) matches.push(s);
    else sameSerial.push(s);
  }
  return { matches, sameSerial };
}

/** The edit distance from `typed` to the closest start of `key` (a name typed in part, with a typo). */
function prefixDistance(typed: string, key: string, limit: number): number {
  let best = Infinity;
  for (let length = Math.max(1, typed.length - limit); length <= typed.length + limit; length++) {
    best = Math.min(best, levenshtein(typed, key.slice(0, length)));
  }
  return best;
}

/** How far a name may be from the typed one to be offered as a close match: one edit per five letters, at least one. */
export const maxNameDistance = (key: string) => Math.max(1, Math.floor(key.length / 5));

/**
 * Orders named candidates for a typed folded key: exact keys first, then keys starting with it, then by edit
 * distance (within maxNameDistance); others are dropped. rankNames('traolong', [{ key: 'traolongthainguyen' }, { key: 'traolong' }]) → exact first.
 */
export function rankNames<T extends { key: string; name: string }>(typed: string, candidates: readonly T[]): (T & { distance: number })[] {
  const limit = maxNameDistance(typed);
  const collator = new Intl.Collator('vi');
  return candidates
    .map((c) => ({
      ...c,
      distance: c.key === typed ? 0 : c.key.startsWith(typed) ? 0.5 : prefixDistance(typed, c.key, limit),
    }))
    .filter((c) => c.distance <= limit)
    .sort((a, b) => a.distance - b.distance || collator.compare(a.name, b.name));
}

/** How a certification's end date was found: recorded by staff, computed by the validity rule, revoked, or none. */
export type EndDateSource = 'manual' | 'rule' | 'revoked' | 'none';

/** A certification's verdict on a day: its status, the date it ends or ended, and where that date came from. */
export function verdictOn(
  c: { validUntil: string | null; validUntilSource: 'rule' | 'manual'; revokedAt: string | null },
  today: string,
): { status: CertificationStatus; endDate: string | null; endSource: EndDateSource } {
  const status = certificationStatus(c, today);
  if (status === 'revoked') return { status, endDate: c.revokedAt!.slice(0, 10), endSource: 'revoked' };
  if (c.validUntil === null) return { status, endDate: null, endSource: 'none' };
  return { status, endDate: c.validUntil, endSource: c.validUntilSource };
}

/** What the lookups found, reduced to what decides the answer's status. */
export interface VerifyTally {
  matches: number;
}

/** The HTTP status of the answer: 200 when anything matched, 400 for an input that cannot be what it seems, else 404. */
export function answerStatus(query: VerifyQuery, tally: VerifyTally): 200 | 400 | 404 {
  if (query.readings.length === 0 && query.refusal === null) return 200;
  if (tally.matches > 0) return 200;
  return query.refusal !== null ? 400 : 404;
}
