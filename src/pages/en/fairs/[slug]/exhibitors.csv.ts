import type { APIRoute, GetStaticPaths } from 'astro';
import { exhibitorCsvRows } from '../../../../domain/exhibitors';
import { writeCsv } from '../../../../domain/csv-write';
import { withSampleColumn } from '../../../../domain/fair-print';
import { localizePath } from '../../../../domain/i18n';
import { getFairDirectory, listFairSummaries } from '../../../../server/fair-data';

export const getStaticPaths = (async () =>
  (await listFairSummaries()).map(({ fair }) => ({ params: { slug: fair.slug } }))) satisfies GetStaticPaths;

/** The fair's exhibitors in booth order as CSV (UTF-8 with BOM), sample rows marked as such. */
export const GET: APIRoute = async ({ params, site }) => {
  const directory = await getFairDirectory(params['slug']!, 'en');
  if (!directory) return new Response(null, { status: 404 });
  const pageUrl = (producerSlug: string) => new URL(localizePath(`/producers/${producerSlug}/`, 'en'), site).href;
  const rows = withSampleColumn(exhibitorCsvRows(directory.entries, 'en', pageUrl), directory.entries, 'en');
  return new Response(writeCsv(rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
