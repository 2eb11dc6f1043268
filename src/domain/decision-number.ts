/**
 * Recognition decision numbers (số quyết định) as people type them. A decision is printed as
 * "3116/QĐ-BCT": a serial, the document type QĐ (quyết định), and the issuer's code (BCT = the ministry,
 * UBND = a People's Committee, CTĐP = the local-industry department), sometimes with the year
 * ("12/2023/QĐ-UBND") or a suffix ("1302/QĐ-UBND-HC"). Visitors type it with or without marks, with spaces
 * instead of separators, or only "QĐ 3116". This module reads every such spelling into one canonical key.
 */
import type { Locale } from './i18n.ts';

export interface DecisionNumber {
  /** The serial without leading zeros: "3116". */
  serial: string;
  /** The year written inside the number ("12/2023/QĐ-UBND"), or a trailing year the visitor added. */
  year: number | null;
  /** The issuer's code folded, parts joined by "-": "BCT", "UBND-HC", "CTDP"; null when not typed. */
  issuer: string | null;
  /** Canonical folded form: "3116/QD-BCT", "12/2023/QD-UBND", "3116/QD" (issuer unknown). */
  key: string;
}

export type DecisionNumberProblem = 'empty' | 'too-long' | 'no-number' | 'not-a-decision' | 'malformed';

export type DecisionNumberParse = { ok: true; value: DecisionNumber } | { ok: false; problem: DecisionNumberProblem };

/** The longest input read: a decision number with words around it fits easily. */
export const MAX_DECISION_NUMBER_LENGTH = 80;

/** Codes of other legal document types: a number of one of these is not a recognition decision. */
const OTHER_DOCUMENT_TYPES = new Set(['TT', 'ND', 'NQ', 'CT', 'KH', 'TB', 'CV', 'BC', 'HD', 'TTR', 'VBHN', 'L', 'PL']);

/** Upper-case, marks dropped, đ → D: "Qđ-bct" → "QD-BCT". */
function foldUpper(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toUpperCase();
}

/** Alphanumeric tokens with letters and digits split apart: "QD3116/BCT" → ["QD", "3116", "BCT"]. */
function tokens(folded: string): string[] {
  return folded.match(/[A-Z]+|[0-9]+/g) ?? [];
}

const isDigits = (t: string) => /^[0-9]+$/.test(t);
const isYear = (t: string) => /^(19|20)[0-9]{2}$/.test(t);

/**
 * Reads a decision number in any common spelling: "3116/QĐ-BCT", "3116/QD-BCT", "3116 QĐ BCT", "QĐ 3116",
 * "Quyết định số 3116/QĐ-BCT"; "BCT 3116" is refused (the serial comes first, or right after QĐ).
 * parseDecisionNumber('3116 qđ bct') → { ok: true, value: { serial: '3116', issuer: 'BCT', key: '3116/QD-BCT', … } }
 */
export function parseDecisionNumber(input: string): DecisionNumberParse {
  const text = input.normalize('NFC').trim();
  if (!text) return { ok: false, problem: 'empty' };
  if (text.length > MAX_DECISION_NUMBER_LENGTH) return { ok: false, problem: 'too-long' };
  let folded = foldUpper(text);
  // "Quyết định số 3116/QĐ-BCT", "QĐ số 3116": the words only name what follows.
  folded = folded.replace(/\bQUYET\s*DINH\b/g, ' QD ').replace(/\bSO\b/g, ' ');
  // A trailing "ngày 01/12/2023" is the decision's date, not part of its number.
  folded = folded.replace(/\bNGAY\b.*$/, ' ');
  // "QDBCT" typed without a separator: QĐ followed by the issuer.
  const parts = tokens(folded).flatMap((t) => (t.length > 2 && t.startsWith('QD') && !isDigits(t) ? ['QD', t.slice(2)] : [t]));
  if (parts.length === 0) return { ok: false, problem: 'no-number' };
  // Letters before the serial: only "QĐ" may stand there ("QĐ 3116").
  let i = 0;
  let hasType = false;
  if (parts[0] === 'QD') {
    hasType = true;
    i = 1;
  }
  const serialToken = parts[i];
  if (serialToken === undefined) return { ok: false, problem: 'no-number' };
  if (!isDigits(serialToken)) {
    return { ok: false, problem: parts.some(isDigits) ? 'malformed' : 'no-number' };
  }
  if (serialToken.length > 6) return { ok: false, problem: 'malformed' };
  const serial = String(Number(serialToken));
  if (serial === '0') return { ok: false, problem: 'malformed' };
  i += 1;
  // "12/2023/QĐ-UBND": a year inside the number, before the type.
  let yearInNumber: number | null = null;
  if (!hasType && parts[i] !== undefined && isYear(parts[i]!)) {
    yearInNumber = Number(parts[i]);
    i += 1;
  }
  let rest = parts.slice(i);
  // The type after the serial ("Quyết định số 3116/QĐ-BCT" names it twice); another type is another document.
  if (rest[0] === 'QD') rest = rest.slice(1);
  else if (!hasType && rest[0] !== undefined && OTHER_DOCUMENT_TYPES.has(rest[0])) return { ok: false, problem: 'not-a-decision' };
  // Otherwise the type was left out ("3116 BCT"): what follows is the issuer.
  // A year typed after the number ("3116/QĐ-BCT 2023") narrows the search; it is not part of the number.
  let trailingYear: number | null = null;
  const last = rest[rest.length - 1];
  if (last !== undefined && isDigits(last) && isYear(last) && yearInNumber === null) {
    trailingYear = Number(last);
    rest = rest.slice(0, -1);
  }
  if (rest.some(isDigits) || rest.length > 4) return { ok: false, problem: 'malformed' };
  const issuer = rest.length > 0 ? rest.join('-') : null;
  const key = `${serial}${yearInNumber !== null ? `/${yearInNumber}` : ''}/QD${issuer ? `-${issuer}` : ''}`;
  return { ok: true, value: { serial, year: yearInNumber ?? trailingYear, issuer, key } };
}

/**
 * The key a stored decision number is matched by: the canonical form when it parses, else the number folded
 * to its letters and digits. decisionNumberKey('3116/QĐ-BCT') → '3116/QD-BCT'
 */
export function decisionNumberKey(number: string): string {
  const parsed = parseDecisionNumber(number);
  if (parsed.ok) return parsed.value.key;
  return tokens(foldUpper(number)).join('-');
}

export type DecisionNumberMatch = 'exact' | 'serial';

/**
 * How a typed number matches a stored one: 'exact' when serial and issuer agree (a typed "UBND" also matches a
 * stored "UBND-HC"), 'serial' when only the serial was typed ("QĐ 3116"), null when they differ. A year, where both
 * carry one, must agree.
 */
export function matchDecisionNumber(typed: DecisionNumber, stored: DecisionNumber): DecisionNumberMatch | null {
  if (typed.serial !== stored.serial) return null;
  if (typed.year !== null && stored.year !== null && typed.year !== stored.year) return null;
  if (typed.issuer === null) return 'serial';
  if (stored.issuer === null) return 'serial';
  if (stored.issuer === typed.issuer || stored.issuer.startsWith(`${typed.issuer}-`)) return 'exact';
  return null;
}

const PROBLEMS: Record<DecisionNumberProblem, Record<Locale, string>> = {
  empty: { vi: 'Hãy nhập số quyết định, ví dụ 3116/QĐ-BCT.', en: 'Enter a decision number, e.g. 3116/QĐ-BCT.' },
  'too-long': {
    vi: `Số quyết định dài tối đa ${MAX_DECISION_NUMBER_LENGTH} ký tự.`,
    en: `A decision number has at most ${MAX_DECISION_NUMBER_LENGTH} characters.`,
  },
  'no-number': {
    vi: 'Số quyết định bắt đầu bằng số thứ tự, ví dụ 3116/QĐ-BCT.',
    en: 'A decision number starts with its serial, e.g. 3116/QĐ-BCT.',
  },
  'not-a-decision': {
    vi: 'Đây là số của một loại văn bản khác (thông tư, nghị định…), không phải quyết định công nhận.',
    en: 'This is the number of another kind of document (circular, decree…), not a recognition decision.',
  },
  malformed: {
    vi: 'Không đọc được số quyết định này; số quyết định có dạng 3116/QĐ-BCT.',
    en: 'This does not read as a decision number; they look like 3116/QĐ-BCT.',
  },
};

/** Why a typed decision number was refused, in the visitor's language. */
export function describeDecisionNumberProblem(problem: DecisionNumberProblem, locale: Locale): string {
  return PROBLEMS[problem][locale];
}
