import type { Locale } from '../i18n.ts';
import type { ReportProblem } from './form.ts';

/** Text of the report-a-mistake link, form and thank-you page, in Vietnamese and English. */
const STRINGS = {
  linkText: { vi: 'Báo lỗi trên trang này', en: 'Report a mistake on this page' },
  title: { vi: 'Báo lỗi', en: 'Report a mistake' },
  lead: {
    vi: 'Bạn thấy thông tin sai hoặc thiếu? Hãy cho chúng tôi biết. Không cần tài khoản; cán bộ quản lý danh bạ đọc từng báo lỗi.',
    en: 'Spotted something wrong or missing? Tell us. No account is needed; the registry’s staff read every report.',
  },
  aboutPage: { vi: 'Trang được báo', en: 'Page reported' },
  generalPage: { vi: 'Không gắn với trang cụ thể', en: 'Not about one page' },
  message: { vi: 'Điều gì chưa đúng?', en: 'What is wrong?' },
  messageHint: {
    vi: 'Ví dụ: tên cơ sở, năm công nhận, số quyết định đúng là gì, và nguồn nếu bạn có. Tối đa {max} ký tự.',
    en: 'For example the right producer name, year or decision number, and a source if you have one. At most {max} characters.',
  },
  contact: { vi: 'Cách liên hệ với bạn (không bắt buộc)', en: 'How to reach you (optional)' },
  contactHint: {
    vi: 'Thư điện tử hoặc số điện thoại, nếu bạn muốn được trả lời. Chỉ cán bộ xem được.',
    en: 'An e-mail address or phone number, if you would like an answer. Only staff see it.',
  },
  honeypot: { vi: 'Để trống ô này', en: 'Leave this empty' },
  send: { vi: 'Gửi báo lỗi', en: 'Send the report' },
  privacy: { vi: 'Danh bạ lưu gì khi bạn gửi', en: 'What the registry keeps when you send' },
  errorsHeading: { vi: 'Chưa gửi được báo lỗi', en: 'The report was not sent' },
  thanksTitle: { vi: 'Cảm ơn bạn', en: 'Thank you' },
  thanks: {
    vi: 'Báo lỗi của bạn đã được ghi nhận. Cán bộ sẽ kiểm tra và sửa dữ liệu nếu cần; trang sẽ được cập nhật ở lần phát hành sau.',
    en: 'Your report has been recorded. Staff will check it and correct the data if needed; the page changes at the next publication.',
  },
  backToPage: { vi: 'Quay lại trang', en: 'Back to the page' },
  home: { vi: 'Về trang chủ', en: 'Home' },
} as const;

/** The words of each problem a report can have, by its code. */
const PROBLEMS: Record<ReportProblem, { vi: string; en: string }> = {
  'message-missing': { vi: 'Hãy viết điều chưa đúng.', en: 'Please say what is wrong.' },
  'message-too-long': { vi: 'Nội dung dài quá {max} ký tự.', en: 'The message is longer than {max} characters.' },
  'contact-too-long': { vi: 'Thông tin liên hệ dài quá {max} ký tự.', en: 'The contact is longer than {max} characters.' },
  'page-invalid': {
    vi: 'Địa chỉ trang được báo không phải một trang của danh bạ.',
    en: 'The page reported is not a page of this registry.',
  },
  'body-too-large': { vi: 'Báo lỗi quá lớn.', en: 'The report is too large.' },
  'form-unsupported': { vi: 'Hãy gửi báo lỗi bằng biểu mẫu trên trang này.', en: 'Please send the report with the form on this page.' },
  'rate-limited-source': {
    vi: 'Bạn đã gửi nhiều báo lỗi trong một giờ qua. Vui lòng thử lại sau khoảng {minutes} phút.',
    en: 'You have sent many reports in the past hour. Please try again in about {minutes} minutes.',
  },
  'rate-limited-site': {
    vi: 'Hôm nay danh bạ đã nhận quá nhiều báo lỗi. Vui lòng thử lại vào ngày mai.',
    en: 'The registry has received too many reports today. Please try again tomorrow.',
  },
};

export type ReportStringKey = keyof typeof STRINGS;

/** The report pages' strings in one language. */
export function reportStrings(locale: Locale): Readonly<Record<ReportStringKey, string>> {
  return Object.fromEntries(Object.entries(STRINGS).map(([k, v]) => [k, v[locale]])) as Record<ReportStringKey, string>;
}

/** A problem's words in a language, placeholders filled: problemText('message-too-long', 'en', { max: 2000 }). */
export function problemText(code: ReportProblem, locale: Locale, values: Record<string, number> = {}): string {
  return PROBLEMS[code][locale].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
