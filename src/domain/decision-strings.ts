/** The words of the decision pages (/decisions/, /decisions/<slug>/), in both languages. */
import type { Locale } from './i18n.ts';

const STRINGS = {
  listTitle: { vi: 'Quyết định công nhận', en: 'Recognition decisions' },
  listLead: {
    vi: 'Mỗi đợt bình chọn kết thúc bằng một quyết định công nhận. Mỗi quyết định dưới đây cho biết sổ đăng ký có bao nhiêu sản phẩm trong số sản phẩm mà quyết định công nhận.',
    en: 'Each round of selection ends with a recognition decision. Each decision below shows how many of the products it certified the registry holds.',
  },
  decisionCount: { vi: 'quyết định', en: 'decisions' },
  yearsNav: { vi: 'Theo năm', en: 'By year' },
  round: { vi: 'Đợt', en: 'Round' },
  number: { vi: 'Số quyết định', en: 'Decision number' },
  date: { vi: 'Ngày ký', en: 'Date' },
  dateUnknown: { vi: 'chưa rõ', en: 'not known' },
  issuer: { vi: 'Cơ quan ban hành', en: 'Issued by' },
  level: { vi: 'Cấp', en: 'Level' },
  roundYear: { vi: 'Năm bình chọn', en: 'Round year' },
  held: { vi: 'Sổ đăng ký có / được công nhận', en: 'Held / certified' },
  note: { vi: 'Ghi chú', en: 'Note' },
  source: { vi: 'Nguồn', en: 'Source' },
  document: { vi: 'Văn bản quyết định', en: 'Decision document' },
  documentLink: { vi: 'Tải văn bản (PDF)', en: 'Download the document (PDF)' },
  noDocument: { vi: 'Chưa có bản quét của quyết định.', en: 'No copy of the decision has been uploaded.' },
  decisionWord: { vi: 'Quyết định', en: 'Decision' },
  productsHeading: { vi: 'Sản phẩm trong sổ đăng ký', en: 'Products in the registry' },
  product: { vi: 'Sản phẩm', en: 'Product' },
  establishment: { vi: 'Cơ sở', en: 'Establishment' },
  province: { vi: 'Tỉnh (khi công nhận)', en: 'Province (when certified)' },
  status: { vi: 'Tình trạng', en: 'Status' },
  noProducts: {
    vi: 'Sổ đăng ký chưa có sản phẩm nào của quyết định này.',
    en: 'The registry holds no product of this decision yet.',
  },
  decisionOf: { vi: 'Quyết định của chứng nhận', en: 'The certification’s decision' },
} as const satisfies Record<string, Record<Locale, string>>;

export type DecisionStringKey = keyof typeof STRINGS;

/** The decision pages' strings in one language: decisionT('en').listTitle → "Recognition decisions". */
export function decisionT(locale: Locale): Record<DecisionStringKey, string> {
  return Object.fromEntries(Object.entries(STRINGS).map(([k, v]) => [k, v[locale]])) as Record<DecisionStringKey, string>;
}
