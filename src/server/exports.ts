/**
 * Downloads of records as CSV or XLSX (issue #8): a staff list with its current search and filters. The
 * tables are built in src/domain/export; this file reads the records and answers with the file. The
 * published official list of /data/ is made with the rest of the open data (src/server/open-data.ts).
 */
import { recordKind } from '#db/queries/admin/kinds.ts';
import { loadOptions } from '#db/queries/admin/options.ts';
import { filterRecords } from '#db/queries/admin/records.ts';
import { listCertificationsForExport } from '#db/queries/export.ts';
import type { DbOrTx } from '#db/client.ts';
import { writeCsv } from '#domain/csv-write.ts';
import { adminListTable } from '#domain/export/admin-list.ts';
import { officialListTable } from '#domain/export/official-list.ts';
import { exportFileName, type SheetFormat, type SheetTable } from '#domain/export/sheet.ts';
import { contentTypeOf } from '#domain/static-paths.ts';
import { todayIso } from '#domain/validity.ts';
import { notFound, readListQuery } from './admin-pages.ts';
import { writeXlsx } from './xlsx-write.ts';

/** A table as the bytes of a file: CSV with BOM and escaped formulas, or an XLSX workbook of typed cells (dated `date`, else now). */
export async function encodeSheet(table: SheetTable, format: SheetFormat, date?: Date): Promise<Uint8Array<ArrayBuffer>> {
  if (format === 'xlsx') return writeXlsx(table, date);
  return new TextEncoder().encode(writeCsv([table.header, ...table.rows]));
}

/** The Content-Type of a format, as the static server sends it too. */
const sheetContentType = (format: SheetFormat) => contentTypeOf(`file.${format}`);

/** The rows of a staff list: every record its search and filters find, the certifications in the import format. */
async function adminTable(db: DbOrTx, section: string | undefined, params: URLSearchParams) {
  const kind = recordKind(section);
  if (!kind) return null;
  // A download holds every page: a page number in the address means nothing here.
  const withoutPage = new URLSearchParams(params);
  withoutPage.delete('page');
  const { query, problems } = readListQuery(withoutPage, kind.filters, await loadOptions(db, kind.filters));
  if (problems.length > 0) return { problems };
  const rows = await filterRecords(db, kind, query);
  if (kind.section !== 'certifications') return { kind, table: adminListTable(kind.noun.plural, kind.columnsHeadings, rows) };
  // Certifications download as an official list, so that staff can correct one in Excel and import it again.
  const byId = new Map((await listCertificationsForExport(db, { publishedOnly: false })).map((c) => [c.id, c]));
  const records = rows.flatMap((r) => byId.get(r.id) ?? []);
  return { kind, table: officialListTable(records, 'vi') };
}

/**
 * /admin/<section>/export.<format>: the records the list shows with the same search and filters (all its
 * pages), as `<section>-YYYY-MM-DD.<format>`. An unknown section is 404; a filter value the list does not
 * offer is 400 (a download must not quietly hold more than was asked for, as the list page would).
 */
export async function adminExport(
  db: DbOrTx,
  section: string | undefined,
  format: SheetFormat,
  params: URLSearchParams,
): Promise<Response> {
  const found = await adminTable(db, section, params);
  if (!found) return notFound();
  if ('problems' in found) {
    const heading = 'Không tạo tệp tải về: bộ lọc có giá trị không hợp lệ. / No file made: a filter has a value the list does not offer.';
    const text = [heading, ...found.problems].join('\n');
    return new Response(`${text}\n`, { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  const bytes = await encodeSheet(found.table, format);
  return new Response(bytes, {
    headers: {
      'Content-Type': sheetContentType(format),
      'Content-Disposition': `attachment; filename="${exportFileName(found.kind.section, todayIso(), format)}"`,
      'Cache-Control': 'no-store',
    },
  });
}
