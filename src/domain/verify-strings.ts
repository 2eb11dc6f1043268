/** The wording of the verification answer (/verify/?q=…) in both languages: its own table, beside ui-strings. */
import { describeDecisionNumberProblem } from './decision-number.ts';
import type { Locale } from './i18n.ts';
import type { EndDateSource, VerifyRefusal } from './verify-match.ts';
import type { CertificationStatus } from './validity.ts';

const STRINGS = {
  vi: {
    lead: 'Nhập số quyết định công nhận in trên giấy chứng nhận, số giấy chứng nhận, tên sản phẩm hoặc cơ sở (gõ có dấu hay không dấu đều được), hoặc mã tra cứu in cạnh mã QR.',
    field: 'Số quyết định, tên sản phẩm hoặc mã tra cứu',
    examples: 'Ví dụ:',
    resultsFor: (q: string) => `Kết quả tra cứu “${q}”`,
    decision: 'Quyết định',
    product: 'Sản phẩm',
    establishment: 'Cơ sở',
    code: 'Mã tra cứu',
    certificate: 'Giấy chứng nhận số',
    held: (x: string, y: string) => `Danh bạ có ${x} trong số ${y} sản phẩm quyết định này công nhận.`,
    heldOnly: (x: string) => `Danh bạ có ${x} sản phẩm do quyết định này công nhận.`,
    decisionPage: 'Trang quyết định',
    source: 'Nguồn',
    productsOf: 'Sản phẩm của cơ sở này được liệt kê bên dưới.',
    validUntil: (d: string) => `Còn hiệu lực đến hết ngày ${d}`,
    ended: (d: string) => `Hết hiệu lực sau ngày ${d}`,
    revokedOn: (d: string) => `Đã thu hồi ngày ${d}`,
    noEnd: 'Còn hiệu lực; không ghi ngày hết hiệu lực',
    endSource: {
      manual: 'ngày do cán bộ ghi nhận',
      rule: 'ngày tính theo quy tắc: 31/12 của năm thứ tư, tính cả năm công nhận',
      revoked: 'ghi nhận thu hồi',
      none: '',
    } satisfies Record<EndDateSource, string>,
    province: 'Tỉnh khi công nhận',
    nowIn: (p: string) => `nay thuộc ${p}`,
    viewProduct: 'Xem sản phẩm',
    verifyPage: 'Trang xác minh',
    decisionNo: 'Quyết định',
    producer: 'Cơ sở',
    manyProducts: (n: string) => `${n} sản phẩm khớp; danh sách dưới đây rút gọn.`,
    moreProducts: 'Còn nhiều sản phẩm khác khớp: xem tất cả trong trang tìm kiếm',
    notHeldCode: (c: string) => `Mã ${c} đúng dạng nhưng không có trong danh bạ đã công bố.`,
    notHeldDecision: (n: string) => `Danh bạ chưa có quyết định ${n}.`,
    notHeldName: (q: string) => `Không tìm thấy sản phẩm, cơ sở hay giấy chứng nhận nào khớp với “${q}”.`,
    refusal: {
      'too-long': 'Nội dung tra cứu quá dài: hãy nhập một số quyết định, một tên hoặc một mã.',
      'no-text': 'Hãy nhập chữ hoặc số: số quyết định, tên sản phẩm hoặc mã tra cứu.',
      'code-typo': 'Mã tra cứu này có lỗi gõ: một ký tự bị gõ sai hoặc hai ký tự bị đảo chỗ. Hãy kiểm tra lại.',
      'code-length': 'Mã tra cứu gồm 10 ký tự: chữ cái chỉ cấp, hai số năm và bảy ký tự (dạng T21-XXXX-XXX).',
      'not-a-decision': describeDecisionNumberProblem('not-a-decision', 'vi'),
    } satisfies Record<VerifyRefusal, string>,
    close: 'Có phải bạn muốn tìm:',
    ask: 'Không thấy điều bạn cần? Danh bạ có thể chưa đủ hoặc có sai sót.',
    askLink: 'Báo cho chúng tôi',
    statusAsOf: 'Trạng thái tính đến ngày',
  },
  en: {
    lead: 'Enter the recognition decision number printed on the certificate, the certificate number, a product or producer name (with or without Vietnamese marks), or the registry code printed by the QR code.',
    field: 'Decision number, product name or registry code',
    examples: 'For example:',
    resultsFor: (q: string) => `Results for “${q}”`,
    decision: 'Decision',
    product: 'Product',
    establishment: 'Producer',
    code: 'Registry code',
    certificate: 'Certificate number',
    held: (x: string, y: string) => `The registry holds ${x} of the ${y} products this decision certified.`,
    heldOnly: (x: string) => `The registry holds ${x} products certified by this decision.`,
    decisionPage: 'Decision page',
    source: 'Source',
    productsOf: 'This producer’s products are listed below.',
    validUntil: (d: string) => `Valid through ${d}`,
    ended: (d: string) => `Expired after ${d}`,
    revokedOn: (d: string) => `Revoked on ${d}`,
    noEnd: 'Valid; no end date recorded',
    endSource: {
      manual: 'date recorded by staff',
      rule: 'date computed by the rule: 31 December of the fourth year, counting the award year',
      revoked: 'revocation recorded',
      none: '',
    } satisfies Record<EndDateSource, string>,
    province: 'Province when certified',
    nowIn: (p: string) => `now part of ${p}`,
    viewProduct: 'View the product',
    verifyPage: 'Verification page',
    decisionNo: 'Decision',
    producer: 'Producer',
    manyProducts: (n: string) => `${n} products match; the list below is compact.`,
    moreProducts: 'More products match: see them all in the search',
    notHeldCode: (c: string) => `The code ${c} is well formed but is not in the published registry.`,
    notHeldDecision: (n: string) => `The registry holds no decision ${n}.`,
    notHeldName: (q: string) => `No product, producer or certificate matches “${q}”.`,
    refusal: {
      'too-long': 'This is too long to look up: enter one decision number, one name or one code.',
      'no-text': 'Enter letters or digits: a decision number, a product name or a registry code.',
      'code-typo': 'This registry code has a typo: one character is wrong or two are swapped. Please check it.',
      'code-length': 'A registry code has 10 characters: a level letter, two year digits and seven more (like T21-XXXX-XXX).',
      'not-a-decision': describeDecisionNumberProblem('not-a-decision', 'en'),
    } satisfies Record<VerifyRefusal, string>,
    close: 'Did you mean:',
    ask: 'Not what you were looking for? The registry may be incomplete or wrong.',
    askLink: 'Tell us',
    statusAsOf: 'Status as of',
  },
} as const;

export type VerifyStrings = (typeof STRINGS)[Locale];

/** The verification answer's strings in one language: verifyStrings('en').close → "Did you mean:". */
export function verifyStrings(locale: Locale): VerifyStrings {
  return STRINGS[locale];
}

/** The status with its date: endPhrase('expired', '31/12/2024', 'vi') → "Hết hiệu lực sau ngày 31/12/2024". */
export function endPhrase(status: CertificationStatus, endDate: string | null, locale: Locale): string {
  const s = STRINGS[locale];
  if (endDate === null) return s.noEnd;
  if (status === 'revoked') return s.revokedOn(endDate);
  return status === 'valid' ? s.validUntil(endDate) : s.ended(endDate);
}
