/**
 * The staff pickers (#20.1): what a picker may be asked, how its query is read and limited, and how a
 * record's folded text is matched and ranked. Folding is the site's own (src/domain/text.ts), with the
 * legal words an establishment's name is written with in two ways ("Hợp tác xã" / "HTX") brought to one.
 * Pure: the database side is src/db/queries/admin/picker.ts, the island src/components/admin/Picker.tsx.
 */
import { foldVietnamese } from '#domain/text.ts';

export const PICKER_KINDS = ['establishments', 'products', 'organisations', 'fairs', 'provinces'] as const;
export type PickerKind = (typeof PICKER_KINDS)[number];

/** A query longer than this is refused, not cut: a name is never that long. */
export const PICKER_QUERY_MAX = 80;
/** Answers per page by default, and the most a caller may ask for. */
export const PICKER_PAGE_SIZE = 10;
export const PICKER_PAGE_SIZE_MAX = 50;
/** The highest page number accepted (1-based). */
export const PICKER_PAGE_MAX = 1000;

/** One answer: the id the form posts, the name, and what tells two of the same name apart. */
export interface PickerItem {
  id: number;
  label: string;
  /** Province, level, dates: shown beside the name. */
  detail: string;
  /** What the plain (no-JavaScript) input carries for this record and the server resolves back: its slug. */
  key: string;
}

export interface PickerPage {
  items: PickerItem[];
  page: number;
  size: number;
  total: number;
}

export type PickerProblem = 'unknown-kind' | 'query-too-long' | 'bad-page' | 'bad-size';

export const PICKER_PROBLEM_WORDS: Record<PickerProblem, { vi: string; en: string }> = {
  'unknown-kind': {
    vi: `Không có danh mục này để chọn; chọn một trong: ${PICKER_KINDS.join(', ')}.`,
    en: `There is no such list to pick from; use one of: ${PICKER_KINDS.join(', ')}.`,
  },
  'query-too-long': {
    vi: `Từ tìm dài tối đa ${PICKER_QUERY_MAX} ký tự.`,
    en: `The search text can be at most ${PICKER_QUERY_MAX} characters.`,
  },
  'bad-page': {
    vi: `Số trang là một số nguyên từ 1 đến ${PICKER_PAGE_MAX}.`,
    en: `The page is a whole number from 1 to ${PICKER_PAGE_MAX}.`,
  },
  'bad-size': {
    vi: `Số kết quả mỗi trang là một số nguyên từ 1 đến ${PICKER_PAGE_SIZE_MAX}.`,
    en: `The page size is a whole number from 1 to ${PICKER_PAGE_SIZE_MAX}.`,
  },
};

export function isPickerKind(value: string | undefined): value is PickerKind {
  return value !== undefined && (PICKER_KINDS as readonly string[]).includes(value);
}

export interface PickerQuery {
  q: string;
  page: number;
  size: number;
}

const positive = (raw: string | null, fallback: number, max: number): number | null => {
  if (raw === null || raw === '') return fallback;
  if (!/^\d{1,6}$/.test(raw)) return null;
  const n = Number(raw);
  return n >= 1 && n <= max ? n : null;
};

/**
 * A picker request's parameters (`q`, `page`, `size`), or the problem with them. Length is counted in
 * characters as typed (NFC), so "Hợp tác xã" is 10.
 * readPickerQuery(new URLSearchParams('q=chè')) → { ok: true, query: { q: 'chè', page: 1, size: 10 } }
 */
export function readPickerQuery(params: URLSearchParams): { ok: true; query: PickerQuery } | { ok: false; problem: PickerProblem } {
  const q = (params.get('q') ?? '').normalize('NFC').trim();
  if ([...q].length > PICKER_QUERY_MAX) return { ok: false, problem: 'query-too-long' };
  const page = positive(params.get('page'), 1, PICKER_PAGE_MAX);
  if (page === null) return { ok: false, problem: 'bad-page' };
  const size = positive(params.get('size'), PICKER_PAGE_SIZE, PICKER_PAGE_SIZE_MAX);
  if (size === null) return { ok: false, problem: 'bad-size' };
  return { ok: true, query: { q, page, size } };
}

/** Long and short spellings of legal words, the way establishment names are written both ways. */
const SHORT_FORMS: readonly [RegExp, string][] = [
  [/\bcong ty co phan\b|\bcong ty cp\b/g, 'ctcp'],
  [/\bcong ty trach nhiem huu han\b|\bcong ty tnhh\b|\bcty tnhh\b/g, 'cty tnhh'],
  [/\bhop tac xa\b/g, 'htx'],
  [/\bho kinh doanh\b/g, 'hkd'],
  [/\bmot thanh vien\b/g, 'mtv'],
];

/** Folded words only: marks dropped, đ → d, lower case, anything but letters and digits a single space. */
export function pickerFold(text: string): string {
  return foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The folded text with legal words in their short form: "hop tac xa che" → "htx che". */
export function shortForm(folded: string): string {
  let out = folded;
  for (const [pattern, short] of SHORT_FORMS) out = out.replace(pattern, short);
  return out;
}

/**
 * What a record is searched by: its folded name, its short form and any extra words (province, producer),
 * separated by "|". pickerHaystack('Hợp tác xã Chè', ['Thái Nguyên']) → 'hop tac xa che|htx che|thai nguyen'
 */
export function pickerHaystack(name: string, extra: readonly (string | null | undefined)[] = []): string {
  const folded = pickerFold(name);
  const more = extra
    .filter((e): e is string => !!e)
    .map(pickerFold)
    .join(' ');
  return `${folded}|${shortForm(folded)}|${more}`;
}

/** The words of a query, folded, in its long and short forms: 'Hợp tác xã chè' → [['hop','tac','xa','che'], ['htx','che']]. */
export function pickerTerms(q: string): string[][] {
  const folded = pickerFold(q);
  if (!folded) return [];
  const short = shortForm(folded);
  const forms = [folded.split(' ')];
  if (short !== folded) forms.push(short.split(' '));
  return forms;
}

/**
 * How well a haystack (pickerHaystack) answers the query's terms: 0 when some word is missing, else
 * higher is better — the name starting with the query, the query starting a word of the name, every
 * word starting a word (name or extra words), then anywhere.
 */
export function pickerScore(haystack: string, terms: readonly (readonly string[])[]): number {
  if (terms.length === 0) return 1;
  const names = haystack.split('|', 2);
  let best = 0;
  for (const words of terms) {
    if (!words.every((w) => haystack.includes(w))) continue;
    const phrase = words.join(' ');
    let score = 1;
    if (words.every((w) => haystack.startsWith(w) || haystack.includes(` ${w}`) || haystack.includes(`|${w}`))) score = 2;
    if (names.some((n) => n.includes(` ${phrase}`))) score = 3;
    if (names.some((n) => n.startsWith(phrase))) score = 4;
    best = Math.max(best, score);
  }
  return best;
}

/** What each picker lists, in Vietnamese, for labels and messages. */
export const PICKER_NOUNS: Record<PickerKind, string> = {
  establishments: 'cơ sở',
  products: 'sản phẩm',
  organisations: 'cơ quan',
  fairs: 'hội chợ',
  provinces: 'tỉnh/thành',
};

/** The message beside a plain input whose text names no record. */
export function unknownPickedMessage(kind: PickerKind, text: string): string {
  return `Không tìm thấy “${text.slice(0, PICKER_QUERY_MAX)}” trong danh mục ${PICKER_NOUNS[kind]}; hãy gõ đúng tên đầy đủ hoặc mã của bản ghi.`;
}

/** The message beside a plain input whose text names several records: each with what tells it apart and its key. */
export function ambiguousPickedMessage(kind: PickerKind, text: string, candidates: readonly PickerItem[]): string {
  const listed = candidates.map((c) => `${c.label}${c.detail ? ` (${c.detail})` : ''}: mã ${c.key}`).join('; ');
  return `Có nhiều ${PICKER_NOUNS[kind]} tên “${text.slice(0, PICKER_QUERY_MAX)}”: ${listed}. Hãy gõ mã của bản ghi cần chọn.`;
}

/** The record forms a "create and come back" flow may return to: a new record's form of a section. */
const RETURNABLE = /^\/admin\/(?:establishments|products|certifications|fairs|exhibitors|organisations|decisions)\/new\/(?:\?[^#\s]*)?$/;

/**
 * Where to go after creating a record from a picker's "add a new one": the form it came from, with the
 * new record chosen in its field; null when the return address is not one of the admin's own new-record
 * forms (never an open redirect). pickerReturnUrl('/admin/products/new/', 'establishmentId', 7) → '/admin/products/new/?establishmentId=7'
 */
export function pickerReturnUrl(returnTo: string | null, field: string | null, id: number): string | null {
  if (!returnTo || !field || !RETURNABLE.test(returnTo) || !/^[a-zA-Z]{1,40}$/.test(field)) return null;
  const url = new URL(returnTo, 'http://admin.invalid');
  url.searchParams.set(field, String(id));
  return `${url.pathname}${url.search}`;
}

/** The create form's address for a picker's "add a new one", coming back to `returnTo` with the new id in `field`. */
export function pickerCreateHref(kind: PickerKind, returnTo: string, field: string): string {
  return `/admin/${kind}/new/?${new URLSearchParams({ return: returnTo, field })}`;
}
