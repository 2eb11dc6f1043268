/**
 * The words staff see for each record kind (issue #21): what a record is called, its list's column
 * headings and filter labels, and the refusals only the database can decide. The queries in
 * `src/db/queries/admin/kinds/` take their words from here, so the db layer holds no Vietnamese.
 */
import type { RecordSection } from '#domain/auth.ts';
import { LEGAL_FORMS } from '#domain/establishments.ts';
import { LEVELS, REGIONS } from '#domain/levels.ts';
import { FAIR_LEVEL_OPTIONS } from './fair-form.ts';
import { ORGANISATION_KINDS } from './organisation-form.ts';

/** How a kind names one record, its list and the button that adds one. */
export interface KindNoun {
  one: string;
  plural: string;
  add: string;
}

/** A kind's words: its noun, its list's column headings after the title, and its filters' labels by name. */
export interface KindLabels {
  noun: KindNoun;
  columnsHeadings: readonly string[];
  filters: Readonly<Record<string, string>>;
}

const STATUS = 'Trạng thái';

/** Every kind's words, by URL section. */
export const KIND_LABELS = {
  establishments: {
    noun: { one: 'cơ sở', plural: 'Cơ sở sản xuất', add: 'Thêm cơ sở' },
    columnsHeadings: ['Tỉnh/thành', 'Loại hình'],
    filters: { legalForm: 'Loại hình', status: STATUS },
  },
  products: {
    noun: { one: 'sản phẩm', plural: 'Sản phẩm', add: 'Thêm sản phẩm' },
    columnsHeadings: ['Cơ sở', 'Nhóm', 'Loại', 'Chứng nhận'],
    filters: { groupId: 'Nhóm', kind: 'Loại', status: STATUS },
  },
  certifications: {
    noun: { one: 'chứng nhận', plural: 'Chứng nhận', add: 'Thêm chứng nhận' },
    columnsHeadings: ['Cấp', 'Năm', 'Tỉnh/thành', 'Mã tra cứu'],
    filters: { level: 'Cấp', status: STATUS },
  },
  fairs: {
    noun: { one: 'hội chợ', plural: 'Hội chợ', add: 'Thêm hội chợ' },
    columnsHeadings: ['Ngày', 'Nơi tổ chức', 'Cấp', 'Đơn vị tham gia'],
    filters: { level: 'Cấp', status: STATUS },
  },
  exhibitors: {
    noun: { one: 'đơn vị tham gia', plural: 'Đơn vị tham gia hội chợ', add: 'Thêm đơn vị tham gia' },
    columnsHeadings: ['Hội chợ', 'Gian hàng', 'Khu', 'Sản phẩm trưng bày'],
    filters: { fairId: 'Hội chợ', status: STATUS },
  },
  organisations: {
    noun: { one: 'cơ quan', plural: 'Cơ quan công nhận và tổ chức', add: 'Thêm cơ quan' },
    columnsHeadings: ['Loại', 'Tỉnh/thành', 'Tên trước đây'],
    filters: { kind: 'Loại', status: STATUS },
  },
  decisions: {
    noun: { one: 'quyết định', plural: 'Quyết định công nhận', add: 'Thêm quyết định' },
    columnsHeadings: ['Ngày', 'Cơ quan ban hành', 'Cấp', 'Năm', 'Chứng nhận trong sổ', 'PDF'],
    filters: { level: 'Cấp', document: 'Văn bản PDF', status: STATUS },
  },
} as const satisfies Record<RecordSection, KindLabels>;

/** Refusals a save meets only once the database is consulted, shown beside the field. */
export const KIND_MESSAGES = {
  unknownProvince: 'Tỉnh/thành không có trong danh mục.',
  certificationTwin: 'Sản phẩm này đã có một chứng nhận cùng cấp trong năm này; hãy sửa chứng nhận đó.',
  exhibitorTwin: 'Cơ sở này đã có trong danh sách của hội chợ.',
  exhibitorForeignProduct: 'Chỉ chọn được sản phẩm của chính cơ sở này.',
  decisionTwin: 'Đã có quyết định cùng số, cùng năm của cơ quan này; hãy sửa quyết định đó.',
} as const;

/** Words inside list cells and titles. */
export const KIND_WORDS = {
  productSet: 'Bộ sản phẩm',
  productSingle: 'Đơn',
  sampleExhibitor: 'mẫu',
  decision: 'Quyết định',
  hasDocument: 'Có',
} as const;

const label = (table: readonly { value: string; label: string }[]) => {
  const byValue = new Map(table.map((o) => [o.value, o.label]));
  return (value: string): string => byValue.get(value) ?? value;
};

/** The Vietnamese name of a certification level code, or the code itself: levelLabel('provincial') → 'Cấp tỉnh'. */
export const levelLabel = label(LEVELS.map((l) => ({ value: l.code, label: l.vi })));
/** The Vietnamese name of a region code, or the code itself. */
export const regionLabel = label(REGIONS.map((r) => ({ value: r.code, label: r.vi })));
/** The Vietnamese name of an establishment's legal form, or the code itself. */
export const legalFormLabel = label(LEGAL_FORMS.map((f) => ({ value: f.code, label: f.vi })));
/** The Vietnamese name of a fair's level, or the code itself. */
export const fairLevelLabel = label(FAIR_LEVEL_OPTIONS);
/** The Vietnamese name of an organisation's kind, or the code itself. */
export const organisationKindLabel = label(ORGANISATION_KINDS);

/** A level with its region when it has one: levelWithRegion('regional', 'north') → 'Cấp khu vực – Khu vực phía Bắc'. */
export function levelWithRegion(level: string, regionCode: string | null): string {
  return `${levelLabel(level)}${regionCode ? ` – ${regionLabel(regionCode)}` : ''}`;
}
