/**
 * The open data of one build (issue #9): every file of /data/ and every product's document, made from
 * the published records once per build. Each endpoint answers with the bytes made here, and the manifest
 * hashes those same bytes: a checksum can only match if nothing is made twice (the XLSX, for one, holds
 * the time it was written).
 */
import { getDatabase, type DbOrTx } from '#db/client.ts';
import { listProductSlugs } from '#db/queries/product-records.ts';
import { listPublishedDecisions } from '#db/queries/decision-pages.ts';
import { listCertificationsForExport } from '#db/queries/export.ts';
import {
  listOpenCertifications,
  listOpenEstablishments,
  listOpenExhibitors,
  listOpenFairs,
  listOpenPhotos,
  listOpenProducts,
} from '#db/queries/open-data.ts';
import { officialListTable } from '#domain/export/official-list.ts';
import { DATASET_NAMES, OPEN_DATA_FILES, registryLicence, type DatasetName, type OpenDataFileSpec } from '#domain/open-data/catalog.ts';
import {
  datasetCsv,
  datasetJson,
  manifestJson,
  prettyJson,
  productDocumentJson,
  type BuiltFile,
  type CompanionFile,
  type PublicationContext,
} from '#domain/open-data/documents.ts';
import { datasetJsonSchema, manifestJsonSchema, productDocumentJsonSchema } from '#domain/open-data/json-schema.ts';
import {
  certificationRecord,
  compareCertifications,
  decisionRecord,
  compareExhibitors,
  compareKeys,
  establishmentRecord,
  exhibitorRecord,
  fairRecord,
  photoRecord,
  productFairs,
  productRecord,
} from '#domain/open-data/records.ts';
import type { Release } from '#domain/open-data/schemas.ts';
import { productDocumentPath, siteUrls } from '#domain/open-data/urls.ts';
import { contentTypeOf } from '#domain/static-paths.ts';
import { todayIso } from '#domain/validity.ts';
import { oncePerBuild } from './build-memo.ts';
import { encodeSheet } from './exports.ts';
import { certificationFeed, changeLogFile } from './feed-responses.ts';
import { currentReleaseInfo } from './release-info.ts';

export interface OpenData {
  release: Release;
  /** Every file of /data/ by name, the manifest among them. */
  files: ReadonlyMap<string, BuiltFile>;
  /** Record counts of the five datasets. */
  counts: Readonly<Record<DatasetName, number>>;
  /** The products that have a document, by slug. */
  documentSlugs: readonly string[];
  /** A product's document (/products/<slug>.json), or null when it has none. */
  productDocument(slug: string): Uint8Array<ArrayBuffer> | null;
}

const encode = (text: string) => new TextEncoder().encode(text);

/** Builds every file from the published records of `db`, as of `release`. */
export async function buildOpenData(
  db: DbOrTx,
  options: { site: URL; release: Release; companions?: readonly CompanionFile[] },
): Promise<OpenData> {
  const { site, release, companions = [] } = options;
  const ctx: PublicationContext = { site, release, licence: registryLicence(site) };
  const urls = siteUrls(site);
  const releaseDay = todayIso(new Date(release.date));
  const [certSources, productSources, establishmentSources, fairSources, exhibitorSources, photos, officialList, decisionSources] =
    await Promise.all([
      listOpenCertifications(db),
      listOpenProducts(db),
      listOpenEstablishments(db),
      listOpenFairs(db),
      listOpenExhibitors(db),
      listOpenPhotos(db),
      listCertificationsForExport(db, { publishedOnly: true }),
      listPublishedDecisions(db),
    ]);

  // Newest first, as the sources come: a product's figures read its newest certification first.
  const certsNewestFirst = certSources.map((c) => certificationRecord(c, urls, releaseDay));
  const certsOf = Map.groupBy(certsNewestFirst, (c) => c.product_slug);
  const certifications = [...certsNewestFirst].sort(compareCertifications);
  const timelineOf = Map.groupBy(certifications, (c) => c.product_slug);
  const products = productSources.map((p) => productRecord(p, certsOf.get(p.slug) ?? [], urls)).sort((a, b) => compareKeys(a.slug, b.slug));
  const establishments = establishmentSources.map((e) => establishmentRecord(e, urls)).sort((a, b) => compareKeys(a.slug, b.slug));
  const exhibitors = exhibitorSources.map(exhibitorRecord).sort(compareExhibitors);
  const listed = Map.groupBy(exhibitors, (x) => x.fair_slug);
  const fairs = fairSources.map((f) => fairRecord(f, listed.get(f.slug)?.length ?? 0, urls)).sort((a, b) => compareKeys(a.slug, b.slug));
  const heldOf = Map.groupBy(
    certifications.filter((c) => c.decision_slug !== null),
    (c) => c.decision_slug!,
  );
  const decisions = decisionSources
    .map((d) => decisionRecord(d, heldOf.get(d.slug)?.length ?? 0, urls))
    .sort((a, b) => compareKeys(a.slug, b.slug));
  const records: Record<DatasetName, readonly Record<string, unknown>[]> = {
    establishments,
    products,
    certifications,
    decisions,
    fairs,
    exhibitors,
  };

  const built = new Map<string, BuiltFile>();
  const add = (spec: OpenDataFileSpec, bytes: Uint8Array<ArrayBuffer>, count: number | null) =>
    built.set(spec.name, { ...spec, bytes, records: count });
  for (const spec of OPEN_DATA_FILES) {
    const { dataset, format } = spec;
    if (isDataset(dataset)) {
      const rows = records[dataset];
      if (format === 'csv') add(spec, encode(datasetCsv(dataset, rows)), rows.length);
      else if (format === 'json') add(spec, encode(datasetJson(dataset, rows, ctx)), rows.length);
      else add(spec, encode(prettyJson(datasetJsonSchema(dataset, site))), null);
    } else if (dataset === 'official-list') {
      add(
        spec,
        await encodeSheet(officialListTable(officialList, 'en'), format === 'xlsx' ? 'xlsx' : 'csv', new Date(release.date)),
        officialList.length,
      );
    } else if (dataset === 'product') {
      add(spec, encode(prettyJson(productDocumentJsonSchema(site))), null);
    } else if (format === 'schema') {
      add(spec, encode(prettyJson(manifestJsonSchema(site))), null);
    }
  }
  const documentSlugs = products.filter((p) => p.json_url !== null).map((p) => p.slug);
  // Last: the manifest hashes every other file exactly as it is served.
  const manifest = OPEN_DATA_FILES.find((f) => f.dataset === 'manifest' && f.format === 'json')!;
  add(manifest, encode(manifestJson([...built.values()], companions, documentSlugs.length, ctx)), null);

  const productBySlug = new Map(products.map((p) => [p.slug, p]));
  const establishmentBySlug = new Map(establishments.map((e) => [e.slug, e]));
  const fairBySlug = new Map(fairs.map((f) => [f.slug, f]));
  const idBySlug = new Map(productSources.map((p) => [p.slug, p.id]));
  return {
    release,
    files: built,
    counts: {
      establishments: establishments.length,
      products: products.length,
      certifications: certifications.length,
      decisions: decisions.length,
      fairs: fairs.length,
      exhibitors: exhibitors.length,
    },
    documentSlugs,
    productDocument(slug) {
      const product = productBySlug.get(slug);
      if (!product || product.json_url === null) return null;
      const establishment = product.establishment_slug === null ? undefined : establishmentBySlug.get(product.establishment_slug);
      const document = {
        product,
        establishment: establishment ?? null,
        certifications: timelineOf.get(slug) ?? [],
        fairs: productFairs(slug, exhibitors, fairBySlug),
        photos: (photos.get(idBySlug.get(slug)!) ?? []).map((p) => photoRecord(p, urls)),
      };
      return encode(productDocumentJson(document, ctx));
    },
  };
}

const isDataset = (name: string): name is DatasetName => (DATASET_NAMES as readonly string[]).includes(name);

/**
 * The change log and feeds as their own endpoints answer (src/pages/data/changes.json.ts, feed.xml.ts):
 * made from the build's one change log, so the bytes hashed here are the bytes served.
 */
async function companionFiles(prerendering: boolean, site: URL): Promise<CompanionFile[]> {
  const bytes = async (response: Promise<Response>) => new Uint8Array(await (await response).arrayBuffer());
  return [
    { path: '/data/changes.json', dataset: 'changes', format: 'json', bytes: await bytes(changeLogFile(prerendering)) },
    { path: '/feed.xml', dataset: 'changes', format: 'atom', bytes: await bytes(certificationFeed('vi', site, prerendering)) },
    { path: '/en/feed.xml', dataset: 'changes', format: 'atom', bytes: await bytes(certificationFeed('en', site, prerendering)) },
  ];
}

/** The open data of the build being made (read once per build; afresh on each on-demand request). */
export function getOpenData(prerendering: boolean, site: URL): Promise<OpenData> {
  return oncePerBuild(prerendering, `open-data:${site.href}`, async () => {
    const { db } = await getDatabase();
    return buildOpenData(db, { site, release: currentReleaseInfo(), companions: await companionFiles(prerendering, site) });
  });
}

/** The slugs of the products that get /products/<slug>.json (all published products but a reserved slug). */
export async function listProductDocumentSlugs(): Promise<string[]> {
  const { db } = await getDatabase();
  return (await listProductSlugs(db)).filter((slug) => productDocumentPath(slug) !== null);
}

const notFound = () => new Response(null, { status: 404 });

/** /data/<name>: the file's bytes as the manifest hashed them. */
export async function openDataFileResponse(name: string | undefined, prerendering: boolean, site: URL): Promise<Response> {
  const file = name === undefined ? undefined : (await getOpenData(prerendering, site)).files.get(name);
  if (!file) return notFound();
  return new Response(file.bytes, { headers: { 'Content-Type': contentTypeOf(file.name) } });
}

/** /products/<slug>.json. */
export async function productDocumentResponse(slug: string | undefined, prerendering: boolean, site: URL): Promise<Response> {
  const bytes = slug === undefined ? null : (await getOpenData(prerendering, site)).productDocument(slug);
  if (!bytes) return notFound();
  return new Response(bytes, { headers: { 'Content-Type': contentTypeOf(`${slug}.json`) } });
}
