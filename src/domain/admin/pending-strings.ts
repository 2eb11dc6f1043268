/**
 * The words of pending changes and release summaries (#20.3): what a change is called, the record nouns,
 * where a record stands, and one line that counts records per kind ("2 chứng nhận, 1 sản phẩm").
 */
import { formatNumber } from '#domain/i18n.ts';
import { PUBLIC_ENTITIES, SIGN_INS, type PendingChange, type PendingSummary, type Publication, type PublicEntity } from './pending.ts';

export const CHANGE_WORDS: Record<PendingChange, string> = {
  created: 'Mới',
  changed: 'Đã sửa',
  renamed: 'Đổi tên',
  restored: 'Khôi phục bản cũ',
  deleted: 'Đã xóa',
};

export const PUBLIC_ENTITY_NOUNS: Record<PublicEntity, string> = {
  establishments: 'cơ sở',
  products: 'sản phẩm',
  certifications: 'chứng nhận',
  fairs: 'hội chợ',
  fair_exhibitors: 'đơn vị tham gia',
  organisations: 'cơ quan',
  decisions: 'quyết định',
};

/** Staff-only entities as a summary names them; an unknown one keeps its table name. */
const STAFF_NOUNS: Record<string, string> = {
  users: 'tài khoản',
  sessions: 'phiên',
  error_reports: 'báo lỗi',
  images: 'ảnh không dùng',
  import_mappings: 'cách đọc cột',
  [SIGN_INS]: 'lần đăng nhập',
};

/** Where a record stands against the served release: a short label and a sentence for its page. */
export const PUBLICATION_WORDS: Record<Publication, { label: string; sentence: string }> = {
  live: { label: 'Đang công khai', sentence: 'Bản phát hành đang phục vụ đã có mọi thay đổi của bản ghi này.' },
  changed: {
    label: 'Đã sửa sau lần xuất bản gần nhất',
    sentence: 'Trang công khai vẫn hiện bản cũ cho đến lần xuất bản tới.',
  },
  never: { label: 'Chưa từng xuất bản', sentence: 'Bản ghi này chưa có trong bản phát hành nào đang phục vụ.' },
};

const join = (parts: string[]) => parts.join(', ');

/**
 * The public part of a summary as one line, records per kind in a fixed order, imports after them:
 * e.g. "2 chứng nhận, 1 sản phẩm; 3 chứng nhận cập nhật khi nhập tệp"; "không có" when nothing is public.
 */
export function describePublicChanges(summary: PendingSummary): string {
  const records = PUBLIC_ENTITIES.flatMap((e) => {
    const n = summary.byEntity[e];
    return n ? [`${formatNumber(n, 'vi')} ${PUBLIC_ENTITY_NOUNS[e]}`] : [];
  });
  const imports = [
    ...(summary.importUpdates > 0 ? [`${formatNumber(summary.importUpdates, 'vi')} chứng nhận cập nhật khi nhập tệp`] : []),
    ...(summary.importBatches > 0 ? [`${formatNumber(summary.importBatches, 'vi')} lần nhập dữ liệu`] : []),
  ];
  const parts = [records.length > 0 ? join(records) : '', imports.length > 0 ? join(imports) : ''].filter(Boolean);
  return parts.length > 0 ? parts.join('; ') : 'không có';
}

/** The staff-only part: "chỉ nội bộ: 5 lần đăng nhập, 2 tài khoản"; empty when there is none. */
export function describeStaffOnlyChanges(summary: PendingSummary): string {
  const parts = Object.entries(summary.staffOnly)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([entity, n]) => `${formatNumber(n, 'vi')} ${STAFF_NOUNS[entity] ?? entity}`);
  return parts.length > 0 ? `chỉ nội bộ: ${join(parts)}` : '';
}
