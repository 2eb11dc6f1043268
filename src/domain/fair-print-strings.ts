import type { Locale } from './i18n.ts';
import { defineStrings, type TableKey } from './strings.ts';

/**
 * Interface text of a fair's printable catalogue, booth posters and exhibitor CSV in one language:
 * printStrings('en').noContacts → "No contact recorded".
 */
export const printStrings = defineStrings({
  vi: {
    catalogueTitle: 'Danh mục đơn vị trưng bày',
    postersTitle: 'Áp phích mã QR theo gian hàng',
    backToFair: 'Về trang hội chợ',
    printHint: 'Trang này để in: dùng lệnh In của trình duyệt (Ctrl+P hoặc ⌘P) để in hoặc lưu PDF khổ A4.',
    postersHint: 'Mỗi gian hàng một trang A4: in rồi dán tại gian để khách quét mã QR xem sản phẩm được chứng nhận.',
    dates: 'Thời gian',
    city: 'Tỉnh/thành',
    venue: 'Địa điểm',
    organiser: 'Đơn vị tổ chức',
    booths: 'Quy mô',
    exhibitors: 'Đơn vị trưng bày',
    noExhibitors: 'Chưa có đơn vị trưng bày nào được ghi nhận cho hội chợ này.',
    booth: 'Gian',
    hall: 'Khu',
    noBooth: 'Chưa xếp gian',
    province: 'Tỉnh/thành',
    address: 'Địa chỉ',
    phone: 'Điện thoại',
    email: 'Email',
    website: 'Website',
    noContacts: 'Chưa có thông tin liên hệ',
    productsShown: 'Sản phẩm trưng bày',
    noProducts: 'Chưa ghi nhận sản phẩm trưng bày.',
    qrLabel: 'Mã QR tới trang của {name} trên sổ đăng ký',
    scanToSee: 'Quét mã để xem sản phẩm được chứng nhận',
    listedOn: 'Theo sổ đăng ký ngày',
    page: 'Trang',
    sampleNote:
      'Danh sách gian hàng này được tạo tự động để thử tính năng: cơ sở và sản phẩm là thật, gian hàng và vị trí là giả định. Đây không phải danh sách đơn vị tham gia thực tế.',
    sampleColumn: 'Dữ liệu minh họa',
    sampleYes: 'có',
  },
  en: {
    catalogueTitle: 'Exhibitor catalogue',
    postersTitle: 'Booth QR posters',
    backToFair: 'Back to the fair',
    printHint: 'This page is made for printing: use your browser’s Print command (Ctrl+P or ⌘P) to print it or save an A4 PDF.',
    postersHint:
      'One A4 page per booth: print them and put each up at its booth so visitors can scan the QR code to see its certified products.',
    dates: 'Dates',
    city: 'City',
    venue: 'Venue',
    organiser: 'Organiser',
    booths: 'Size',
    exhibitors: 'Exhibitors',
    noExhibitors: 'No exhibitors are listed for this fair.',
    booth: 'Booth',
    hall: 'Hall',
    noBooth: 'No booth yet',
    province: 'Province',
    address: 'Address',
    phone: 'Phone',
    email: 'Email',
    website: 'Website',
    noContacts: 'No contact recorded',
    productsShown: 'Products shown',
    noProducts: 'No products recorded.',
    qrLabel: 'QR code to the registry page of {name}',
    scanToSee: 'Scan to see the certified products',
    listedOn: 'As listed in the registry on',
    page: 'Page',
    sampleNote:
      'This booth list was generated to try the features: the producers and products are real, the booths and positions are made up. It is not the fair’s real exhibitor list.',
    sampleColumn: 'Sample data',
    sampleYes: 'yes',
  },
});

export type FairPrintStringKey = TableKey<typeof printStrings>;

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
