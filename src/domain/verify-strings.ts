/** The wording of the verification answer (/verify/?q=…) in both languages: its own table, beside ui-strings. */
import { describeDecisionNumberProblem } from './decision-number.ts';
import type { Locale } from './i18n.ts';
import { defineStrings, fill, type TableKey } from './strings.ts';
import type { EndDateSource, VerifyRefusal } from './verify-match.ts';
import type { CertificationStatus } from './validity.ts';

const WORDS = defineStrings({
  vi: {
    lead: 'Nhập số quyết định công nhận in trên giấy chứng nhận, số giấy chứng nhận, tên sản phẩm hoặc cơ sở (gõ có dấu hay không dấu đều được), hoặc mã tra cứu in cạnh mã QR.',
    field: 'Số quyết định, tên sản phẩm hoặc mã tra cứu',
    examples: 'Ví dụ:',
    resultsFor: 'Kết quả tra cứu “{q}”',
    decision: 'Quyết định',
    product: 'Sản phẩm',
    establishment: 'Cơ sở',
    code: 'Mã tra cứu',
    certificate: 'Giấy chứng nhận số',
    held: 'Danh bạ có {x} trong số {y} sản phẩm quyết định này công nhận.',
    heldOnly: 'Danh bạ có {x} sản phẩm do quyết định này công nhận.',
    decisionPage: 'Trang quyết định',
    source: 'Nguồn',
    productsOf: 'Sản phẩm của cơ sở này được liệt kê bên dưới.',
    validUntil: 'Còn hiệu lực đến hết ngày {d}',
    ended: 'Hết hiệu lực sau ngày {d}',
    revokedOn: 'Đã thu hồi ngày {d}',
    noEnd: 'Còn hiệu lực; không ghi ngày hết hiệu lực',
    endSourceManual: 'ngày do cán bộ ghi nhận',
    endSourceRule: 'ngày tính theo quy tắc: 31/12 của năm thứ tư, tính cả năm công nhận',
    endSourceRevoked: 'ghi nhận thu hồi',
    province: 'Tỉnh khi công nhận',
    nowIn: 'nay thuộc {p}',
    viewProduct: 'Xem sản phẩm',
    verifyPage: 'Trang xác minh',
    decisionNo: 'Quyết định',
    producer: 'Cơ sở',
    manyProducts: '{n} sản phẩm khớp; danh sách dưới đây rút gọn.',
    moreProducts: 'Còn nhiều sản phẩm khác khớp: xem tất cả trong trang tìm kiếm',
    notHeldCode: 'Mã {c} đúng dạng nhưng không có trong danh bạ đã công bố.',
    notHeldDecision: 'Danh bạ chưa có quyết định {n}.',
    notHeldName: 'Không tìm thấy sản phẩm, cơ sở hay giấy chứng nhận nào khớp với “{q}”.',
    refusalTooLong: 'Nội dung tra cứu quá dài: hãy nhập một số quyết định, một tên hoặc một mã.',
    refusalNoText: 'Hãy nhập chữ hoặc số: số quyết định, tên sản phẩm hoặc mã tra cứu.',
    refusalCodeTypo: 'Mã tra cứu này có lỗi gõ: một ký tự bị gõ sai hoặc hai ký tự bị đảo chỗ. Hãy kiểm tra lại.',
    refusalCodeLength: 'Mã tra cứu gồm 10 ký tự: chữ cái chỉ cấp, hai số năm và bảy ký tự (dạng T21-XXXX-XXX).',
    refusalNotADecision: describeDecisionNumberProblem('not-a-decision', 'vi'),
    close: 'Có phải bạn muốn tìm:',
    ask: 'Không thấy điều bạn cần? Danh bạ có thể chưa đủ hoặc có sai sót.',
    askLink: 'Báo cho chúng tôi',
    statusAsOf: 'Trạng thái tính đến ngày',
  },
  en: {
    lead: 'Enter the recognition decision number printed on the certificate, the certificate number, a product or producer name (with or without Vietnamese marks), or the registry code printed by the QR code.',
    field: 'Decision number, product name or registry code',
    examples: 'For example:',
    resultsFor: 'Results for “{q}”',
    decision: 'Decision',
    product: 'Product',
    establishment: 'Producer',
    code: 'Registry code',
    certificate: 'Certificate number',
    held: 'The registry holds {x} of the {y} products this decision certified.',
    heldOnly: 'The registry holds {x} products certified by this decision.',
    decisionPage: 'Decision page',
    source: 'Source',
    productsOf: 'This producer’s products are listed below.',
    validUntil: 'Valid through {d}',
    ended: 'Expired after {d}',
    revokedOn: 'Revoked on {d}',
    noEnd: 'Valid; no end date recorded',
    endSourceManual: 'date recorded by staff',
    endSourceRule: 'date computed by the rule: 31 December of the fourth year, counting the award year',
    endSourceRevoked: 'revocation recorded',
    province: 'Province when certified',
    nowIn: 'now part of {p}',
    viewProduct: 'View the product',
    verifyPage: 'Verification page',
    decisionNo: 'Decision',
    producer: 'Producer',
    manyProducts: '{n} products match; the list below is compact.',
    moreProducts: 'More products match: see them all in the search',
    notHeldCode: 'The code {c} is well formed but is not in the published registry.',
    notHeldDecision: 'The registry holds no decision {n}.',
    notHeldName: 'No product, producer or certificate matches “{q}”.',
    refusalTooLong: 'This is too long to look up: enter one decision number, one name or one code.',
    refusalNoText: 'Enter letters or digits: a decision number, a product name or a registry code.',
    refusalCodeTypo: 'This registry code has a typo: one character is wrong or two are swapped. Please check it.',
    refusalCodeLength: 'A registry code has 10 characters: a level letter, two year digits and seven more (like T21-XXXX-XXX).',
    refusalNotADecision: describeDecisionNumberProblem('not-a-decision', 'en'),
    close: 'Did you mean:',
    ask: 'Not what you were looking for? The registry may be incomplete or wrong.',
    askLink: 'Tell us',
    statusAsOf: 'Status as of',
  },
});

type Text = TableKey<typeof WORDS>;
/** The texts that take a value, with their placeholder names in order: held(x, y) fills {x} and {y}. */
const FILLED = {
  resultsFor: ['q'],
  held: ['x', 'y'],
  heldOnly: ['x'],
  validUntil: ['d'],
  ended: ['d'],
  revokedOn: ['d'],
  nowIn: ['p'],
  manyProducts: ['n'],
  notHeldCode: ['c'],
  notHeldDecision: ['n'],
  notHeldName: ['q'],
} as const satisfies Partial<Record<Text, readonly string[]>>;
type Filled = keyof typeof FILLED;
/** One string argument per placeholder name: Args<readonly ['x', 'y']> is [string, string]. */
type Args<Names extends readonly string[]> = { -readonly [I in keyof Names]: string };

/** The verification answer's words in one language: the plain texts, the filled ones as functions, two lists by code. */
export type VerifyStrings = Readonly<Record<Exclude<Text, Filled | `endSource${string}` | `refusal${string}`>, string>> & {
  readonly [K in Filled]: (...values: Args<(typeof FILLED)[K]>) => string;
} & {
  readonly endSource: Readonly<Record<EndDateSource, string>>;
  readonly refusal: Readonly<Record<VerifyRefusal, string>>;
};

function build(locale: Locale): VerifyStrings {
  const w = WORDS(locale);
  const filled = Object.fromEntries(
    Object.entries(FILLED).map(([key, names]) => [
      key,
      (...values: string[]) => fill(w[key as Filled], Object.fromEntries(names.map((name, i) => [name, values[i] ?? '']))),
    ]),
  );
  return Object.freeze({
    ...w,
    ...filled,
    endSource: { manual: w.endSourceManual, rule: w.endSourceRule, revoked: w.endSourceRevoked, none: '' },
    refusal: {
      'too-long': w.refusalTooLong,
      'no-text': w.refusalNoText,
      'code-typo': w.refusalCodeTypo,
      'code-length': w.refusalCodeLength,
      'not-a-decision': w.refusalNotADecision,
    },
  }) as unknown as VerifyStrings;
}

const BUILT = { vi: build('vi'), en: build('en') };

/** The verification answer's strings in one language: verifyStrings('en').close → "Did you mean:". */
export function verifyStrings(locale: Locale): VerifyStrings {
  return BUILT[locale];
}

/** The table behind verifyStrings, for the checks of every table. */
export const verifyWords = WORDS;

/** The status with its date: endPhrase('expired', '31/12/2024', 'vi') → "Hết hiệu lực sau ngày 31/12/2024". */
export function endPhrase(status: CertificationStatus, endDate: string | null, locale: Locale): string {
  const s = BUILT[locale];
  if (endDate === null) return s.noEnd;
  if (status === 'revoked') return s.revokedOn(endDate);
  return status === 'valid' ? s.validUntil(endDate) : s.ended(endDate);
}
