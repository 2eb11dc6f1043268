import type { Locale } from '#domain/i18n.ts';
import { defineStrings, fill, type StringTable, type TableKey } from '#domain/strings.ts';
import type { ReportProblem } from './form.ts';

/** Text of the report-a-mistake link, form and thank-you page in one language: reportStrings('en').title → "Report a mistake". */
export const reportStrings = defineStrings({
  vi: {
    linkText: 'Báo lỗi trên trang này',
    title: 'Báo lỗi',
    lead: 'Bạn thấy thông tin sai hoặc thiếu? Hãy cho chúng tôi biết. Không cần tài khoản; cán bộ quản lý danh bạ đọc từng báo lỗi.',
    aboutPage: 'Trang được báo',
    generalPage: 'Không gắn với trang cụ thể',
    message: 'Điều gì chưa đúng?',
    messageHint: 'Ví dụ: tên cơ sở, năm công nhận, số quyết định đúng là gì, và nguồn nếu bạn có. Tối đa {max} ký tự.',
    contact: 'Cách liên hệ với bạn (không bắt buộc)',
    contactHint: 'Thư điện tử hoặc số điện thoại, nếu bạn muốn được trả lời. Chỉ cán bộ xem được.',
    honeypot: 'Để trống ô này',
    send: 'Gửi báo lỗi',
    privacy: 'Danh bạ lưu gì khi bạn gửi',
    errorsHeading: 'Chưa gửi được báo lỗi',
    thanksTitle: 'Cảm ơn bạn',
    thanks: 'Báo lỗi của bạn đã được ghi nhận. Cán bộ sẽ kiểm tra và sửa dữ liệu nếu cần; trang sẽ được cập nhật ở lần phát hành sau.',
    backToPage: 'Quay lại trang',
    home: 'Về trang chủ',
  },
  en: {
    linkText: 'Report a mistake on this page',
    title: 'Report a mistake',
    lead: 'Spotted something wrong or missing? Tell us. No account is needed; the registry’s staff read every report.',
    aboutPage: 'Page reported',
    generalPage: 'Not about one page',
    message: 'What is wrong?',
    messageHint: 'For example the right producer name, year or decision number, and a source if you have one. At most {max} characters.',
    contact: 'How to reach you (optional)',
    contactHint: 'An e-mail address or phone number, if you would like an answer. Only staff see it.',
    honeypot: 'Leave this empty',
    send: 'Send the report',
    privacy: 'What the registry keeps when you send',
    errorsHeading: 'The report was not sent',
    thanksTitle: 'Thank you',
    thanks: 'Your report has been recorded. Staff will check it and correct the data if needed; the page changes at the next publication.',
    backToPage: 'Back to the page',
    home: 'Home',
  },
});

/** The words of each problem a report can have, by its code. */
const PROBLEMS: StringTable<ReportProblem> = defineStrings({
  vi: {
    'message-missing': 'Hãy viết điều chưa đúng.',
    'message-too-long': 'Nội dung dài quá {max} ký tự.',
    'contact-too-long': 'Thông tin liên hệ dài quá {max} ký tự.',
    'page-invalid': 'Địa chỉ trang được báo không phải một trang của danh bạ.',
    'body-too-large': 'Báo lỗi quá lớn.',
    'form-unsupported': 'Hãy gửi báo lỗi bằng biểu mẫu trên trang này.',
    'rate-limited-source': 'Bạn đã gửi nhiều báo lỗi trong một giờ qua. Vui lòng thử lại sau khoảng {minutes} phút.',
    'rate-limited-site': 'Hôm nay danh bạ đã nhận quá nhiều báo lỗi. Vui lòng thử lại vào ngày mai.',
  },
  en: {
    'message-missing': 'Please say what is wrong.',
    'message-too-long': 'The message is longer than {max} characters.',
    'contact-too-long': 'The contact is longer than {max} characters.',
    'page-invalid': 'The page reported is not a page of this registry.',
    'body-too-large': 'The report is too large.',
    'form-unsupported': 'Please send the report with the form on this page.',
    'rate-limited-source': 'You have sent many reports in the past hour. Please try again in about {minutes} minutes.',
    'rate-limited-site': 'The registry has received too many reports today. Please try again tomorrow.',
  },
});

export type ReportStringKey = TableKey<typeof reportStrings>;

/** A problem's words in a language, placeholders filled: problemText('message-too-long', 'en', { max: 2000 }). */
export function problemText(code: ReportProblem, locale: Locale, values: Record<string, number> = {}): string {
  return fill(PROBLEMS(locale)[code], values);
}
