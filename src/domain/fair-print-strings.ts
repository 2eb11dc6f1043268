import type { Locale } from './i18n.ts';

/** Interface text of a fair's printable catalogue, booth posters and exhibitor CSV, in Vietnamese and English. */
const STRINGS = {
  catalogueTitle: { vi: 'Danh mục đơn vị trưng bày', en: 'Exhibitor catalogue' },
  postersTitle: { vi: 'Áp phích mã QR theo gian hàng', en: 'Booth QR posters' },
  backToFair: { vi: 'Về trang hội chợ', en: 'Back to the fair' },
  printHint: {
    vi: 'Trang này để in: dùng lệnh In của trình duyệt (Ctrl+P hoặc ⌘P) để in hoặc lưu PDF khổ A4.',
    en: 'This page is made for printing: use your browser’s Print command (Ctrl+P or ⌘P) to print it or save an A4 PDF.',
  },
  postersHint: {
    vi: 'Mỗi gian hàng một trang A4: in rồi dán tại gian để khách quét mã QR xem sản phẩm được chứng nhận.',
    en: 'One A4 page per booth: print them and put each up at its booth so visitors can scan the QR code to see its certified products.',
  },
  dates: { vi: 'Thời gian', en: 'Dates' },
  city: { vi: 'Tỉnh/thành', en: 'City' },
  venue: { vi: 'Địa điểm', en: 'Venue' },
  organiser: { vi: 'Đơn vị tổ chức', en: 'Organiser' },
  booths: { vi: 'Quy mô', en: 'Size' },
  exhibitors: { vi: 'Đơn vị trưng bày', en: 'Exhibitors' },
  noExhibitors: {
    vi: 'Chưa có đơn vị trưng bày nào được ghi nhận cho hội chợ này.',
    en: 'No exhibitors are listed for this fair.',
  },
  booth: { vi: 'Gian', en: 'Booth' },
  hall: { vi: 'Khu', en: 'Hall' },
  noBooth: { vi: 'Chưa xếp gian', en: 'No booth yet' },
  province: { vi: 'Tỉnh/thành', en: 'Province' },
  address: { vi: 'Địa chỉ', en: 'Address' },
  phone: { vi: 'Điện thoại', en: 'Phone' },
  email: { vi: 'Email', en: 'Email' },
  website: { vi: 'Website', en: 'Website' },
  noContacts: { vi: 'Chưa có thông tin liên hệ', en: 'No contact recorded' },
  productsShown: { vi: 'Sản phẩm trưng bày', en: 'Products shown' },
  noProducts: { vi: 'Chưa ghi nhận sản phẩm trưng bày.', en: 'No products recorded.' },
  qrLabel: { vi: 'Mã QR tới trang của {name} trên sổ đăng ký', en: 'QR code to the registry page of {name}' },
  scanToSee: { vi: 'Quét mã để xem sản phẩm được chứng nhận', en: 'Scan to see the certified products' },
  listedOn: { vi: 'Theo sổ đăng ký ngày', en: 'As listed in the registry on' },
  page: { vi: 'Trang', en: 'Page' },
  sampleNote: {
    vi: 'Danh sách gian hàng này được tạo tự động để thử tính năng: cơ sở và sản phẩm là thật, gian hàng và vị trí là giả định. Đây không phải danh sách đơn vị tham gia thực tế.',
    en: 'This booth list was generated to try the features: the producers and products are real, the booths and positions are made up. It is not the fair’s real exhibitor list.',
  },
  sampleColumn: { vi: 'Dữ liệu minh họa', en: 'Sample data' },
  sampleYes: { vi: 'có', en: 'yes' },
} as const satisfies Record<string, Record<Locale, string>>;

export type FairPrintStringKey = keyof typeof STRINGS;

/** The print views' strings in one locale: printStrings('en').noContacts → "No contact recorded". */
export function printStrings(locale: Locale): Record<FairPrintStringKey, string> {
  return Object.fromEntries(Object.entries(STRINGS).map(([key, value]) => [key, value[locale]])) as Record<FairPrintStringKey, string>;
}

/**
 * The sample-data mark, always in both languages so that a printed sheet says it to every reader; each
 * part carries its own language for screen readers.
 */
export const SAMPLE_MARK = [
  { lang: 'vi', text: 'Dữ liệu minh họa' },
  { lang: 'en', text: 'Sample data' },
] as const satisfies readonly { lang: Locale; text: string }[];

/** The sample-data mark as one line of text: "Dữ liệu minh họa / Sample data". */
export const SAMPLE_MARK_TEXT = SAMPLE_MARK.map((part) => part.text).join(' / ');
