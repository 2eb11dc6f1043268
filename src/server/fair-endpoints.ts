/**
 * The files beside each fair page, in either language: its exhibitors as CSV, its search index and its
 * offline pack. The routes under src/pages/fairs/[slug]/ and src/pages/en/fairs/[slug]/ hand off here.
 */
import { writeCsv } from '#domain/csv-write.ts';
import { exhibitorCsvRows } from '#domain/exhibitors.ts';
import { withSampleColumn } from '#domain/fair-print.ts';
import { localizePath, type Locale } from '#domain/i18n.ts';
import { offlinePack } from '#domain/offline-pack.ts';
import { fairSearchData, getFairDirectory } from './fair-data.ts';

/** The fair's exhibitors in booth order as CSV (UTF-8 with BOM), sample rows marked as such. */
export async function exhibitorsCsvResponse(slug: string, locale: Locale, site: URL | undefined): Promise<Response> {
  const directory = await getFairDirectory(slug, locale);
  if (!directory) return new Response(null, { status: 404 });
  const pageUrl = (producerSlug: string) => new URL(localizePath(`/producers/${producerSlug}/`, locale), site).href;
  const rows = withSampleColumn(exhibitorCsvRows(directory.entries, locale, pageUrl), directory.entries, locale);
  return new Response(writeCsv(rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
}

/** The fair's exhibitor search index (one compact chunk) and the exhibitor id of each document. */
export async function directoryIndexResponse(slug: string, locale: Locale): Promise<Response> {
  return Response.json(await fairSearchData(slug, locale));
}

/** The fair's offline pack: the URLs the service worker keeps after one visit to the fair page. */
export async function offlinePackResponse(slug: string, locale: Locale): Promise<Response> {
  const directory = await getFairDirectory(slug, locale);
  if (!directory) return new Response('Not found', { status: 404 });
  return Response.json(offlinePack({ slug: directory.fair.slug, entries: directory.entries }, locale));
}
