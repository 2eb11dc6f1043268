import type { APIRoute, GetStaticPaths } from 'astro';
import { exhibitorCsvRows } from '../../../domain/exhibitors';
import { writeCsv } from '../../../domain/csv-write';
import { withSampleColumn } from '../../../domain/fair-print';
import { localizePath } from '../../../domain/i18n';
import { getFairDirectory, listFairSummaries } from '../../../server/fair-data';

export const getStaticPaths = (async () =>
  (await listFairSummaries()).map(({ fair }) => ({ params: { slug: fair.slug } }))) satisfies GetStaticPaths;

/** The fair's exhibitors in booth order as CSV (UTF-8 with BOM), sample rows marked as such. */
export const GET: APIRoute = async ({ params, site }) => {
  const directory = await getFairDirectory(params['slug']!, 'vi');
  if (!directory) return new Response(null, { status: 404 });
  const pageUrl = (producerSlug: string) => new URL(localizePath(`/producers/${producerSlug}/`, 'vi'), site).href;
  const rows = withSampleColumn(exhibitorCsvRows(directory.entries, 'vi', pageUrl), directory.entries, 'vi');
  return new Response(writeCsv(rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
