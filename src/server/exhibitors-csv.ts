/** The exhibitors of a fair as CSV, for the Vietnamese and the English route (fairs/<slug>/exhibitors.csv). */
import { writeCsv } from '../domain/csv-write.ts';
import { exhibitorCsvRows } from '../domain/exhibitors.ts';
import { withSampleColumn } from '../domain/fair-print.ts';
import { localizePath, type Locale } from '../domain/i18n.ts';
import { getFairDirectory, listFairSummaries } from './fair-data.ts';

/** One static path per published fair. */
export async function fairSlugPaths(): Promise<{ params: { slug: string } }[]> {
  return (await listFairSummaries()).map(({ fair }) => ({ params: { slug: fair.slug } }));
}

/** The fair's exhibitors in booth order as CSV (UTF-8 with BOM), sample rows marked as such; 404 for an unknown fair. */
export async function exhibitorsCsvResponse(slug: string, locale: Locale, site: URL | undefined): Promise<Response> {
  const directory = await getFairDirectory(slug, locale);
  if (!directory) return new Response(null, { status: 404 });
  const pageUrl = (producerSlug: string) => new URL(localizePath(`/producers/${producerSlug}/`, locale), site).href;
  const rows = withSampleColumn(exhibitorCsvRows(directory.entries, locale, pageUrl), directory.entries, locale);
  return new Response(writeCsv(rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
}
