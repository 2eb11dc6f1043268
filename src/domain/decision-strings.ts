/** The words of the decision pages (/decisions/, /decisions/<slug>/), in both languages. */
import { defineStrings, type TableKey } from './strings.ts';

/** The decision pages' strings in one language: decisionT('en').listTitle → "Recognition decisions". */
export const decisionT = defineStrings({
  vi: {
    listTitle: 'Quyết định công nhận',
    listLead:
      'Mỗi đợt bình chọn kết thúc bằng một quyết định công nhận. Mỗi quyết định dưới đây cho biết sổ đăng ký có bao nhiêu sản phẩm trong số sản phẩm mà quyết định công nhận.',
    decisionCount: 'quyết định',
    yearsNav: 'Theo năm',
    round: 'Đợt',
    number: 'Số quyết định',
    date: 'Ngày ký',
    dateUnknown: 'chưa rõ',
    issuer: 'Cơ quan ban hành',
    level: 'Cấp',
    roundYear: 'Năm bình chọn',
    held: 'Sổ đăng ký có / được công nhận',
    note: 'Ghi chú',
    source: 'Nguồn',
    document: 'Văn bản quyết định',
    documentLink: 'Tải văn bản (PDF)',
    noDocument: 'Chưa có bản quét của quyết định.',
    decisionWord: 'Quyết định',
    productsHeading: 'Sản phẩm trong sổ đăng ký',
    product: 'Sản phẩm',
    establishment: 'Cơ sở',
    province: 'Tỉnh (khi công nhận)',
    status: 'Tình trạng',
    noProducts: 'Sổ đăng ký chưa có sản phẩm nào của quyết định này.',
    decisionOf: 'Quyết định của chứng nhận',
  },
  en: {
    listTitle: 'Recognition decisions',
    listLead:
      'Each round of selection ends with a recognition decision. Each decision below shows how many of the products it certified the registry holds.',
    decisionCount: 'decisions',
    yearsNav: 'By year',
    round: 'Round',
    number: 'Decision number',
    date: 'Date',
    dateUnknown: 'not known',
    issuer: 'Issued by',
    level: 'Level',
    roundYear: 'Round year',
    held: 'Held / certified',
    note: 'Note',
    source: 'Source',
    document: 'Decision document',
    documentLink: 'Download the document (PDF)',
    noDocument: 'No copy of the decision has been uploaded.',
    decisionWord: 'Decision',
    productsHeading: 'Products in the registry',
    product: 'Product',
    establishment: 'Establishment',
    province: 'Province (when certified)',
    status: 'Status',
    noProducts: 'The registry holds no product of this decision yet.',
    decisionOf: 'The certification’s decision',
  },
});

export type DecisionStringKey = TableKey<typeof decisionT>;
