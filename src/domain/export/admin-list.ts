/**
 * A staff list (/admin/<section>/) as a table: the columns the page shows, with the same headings, so
 * that a download holds what was on the screen (every page of it).
 */
import { formatVietnamTime, VIETNAM_ZONE } from '#domain/i18n.ts';
import type { SheetCell, SheetTable } from './sheet.ts';

/** A record as a staff list shows it (the part of src/db/queries/admin/records.ts ListRow a table needs). */
export interface AdminListRow {
  title: string;
  /** The cells after the title; null where the record has no value (the page shows "—"). */
  cells: readonly SheetCell[];
  status: 'draft' | 'published';
  updatedAt: string;
}

/** The headings of a list: the name, the kind's own columns, the status and the last change. */
export function adminListHeader(columnsHeadings: readonly string[]): string[] {
  return ['Tên', ...columnsHeadings, 'Trạng thái', `Sửa lần cuối (${VIETNAM_ZONE.vi})`];
}

/** "Bản nháp" or "Đã công bố". */
export function recordStatusLabel(status: AdminListRow['status']): string {
  return status === 'draft' ? 'Bản nháp' : 'Đã công bố';
}

/** A stored timestamp to the minute in Vietnam time (the heading names the zone): "2026-05-16T08:30:12.345Z" → "16/05/2026 15:30". */
export function formatUpdatedAt(iso: string): string {
  return formatVietnamTime(iso, { zone: false });
}

/** Every row of a list, cells in the order of adminListHeader. */
export function adminListTable(name: string, columnsHeadings: readonly string[], rows: readonly AdminListRow[]): SheetTable {
  return {
    name,
    header: adminListHeader(columnsHeadings),
    rows: rows.map((r) => [r.title, ...r.cells, recordStatusLabel(r.status), formatUpdatedAt(r.updatedAt)]),
  };
}
