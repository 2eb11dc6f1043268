/**
 * The words the staff forms share (#21.3): one place for each label, hint and message that more than one
 * form says. The admin speaks Vietnamese only (staff work in it; DESIGN.md), so this table has one
 * language; the public site's tables, in two, are built with src/domain/strings.ts.
 */
export const ADMIN_WORDS = {
  status: 'Trạng thái',
  source: 'Nguồn',
  webUrlHint: 'Bắt đầu bằng http:// hoặc https://',
  level: 'Cấp',
  region: 'Khu vực',
  regionHint: 'Chỉ với cấp khu vực.',
  roundYear: 'Năm công nhận',
  descriptionVi: 'Giới thiệu (tiếng Việt)',
  descriptionEn: 'Giới thiệu (tiếng Anh)',
  chooseLevel: 'Chọn cấp.',
  chooseRegion: 'Chọn khu vực.',
  chooseProvince: 'Chọn tỉnh/thành.',
  yearRequired: 'Năm là bắt buộc.',
  yearDigits: 'Năm gồm 4 chữ số.',
  /** {max}: next year, the latest a round may be recorded for. */
  yearRange: 'Năm từ 2000 đến {max}.',
  /** {record}: what is recorded (chứng nhận, quyết định); {Record}: the same with a capital. */
  regionMissing: '{Record} cấp khu vực cần chọn khu vực.',
  regionNotAllowed: 'Chỉ {record} cấp khu vực mới có khu vực.',
} as const;
