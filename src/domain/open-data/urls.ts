/**
 * Where the open data and the pages it points at live, as absolute URLs on the site (SITE_URL): one
 * place, so that the records, the manifest, the schemas' $id and the /data/ page agree.
 */
import { localizePath, type Locale } from '#domain/i18n.ts';
import { RESERVED_SLUGS } from '#domain/slug.ts';

/** The files of /data/ are named after their dataset; the per-product documents sit beside the product pages. */
export const DATA_BASE = '/data/';

/**
 * The site path of a product's JSON document: productDocumentPath('tra-o-long') → "/products/tra-o-long.json".
 * Null for a slug a file under /products/ already uses (/products/catalogue.json): new records never get one
 * (RESERVED_SLUGS), but a product slugged so before it was reserved keeps its page and has no document,
 * rather than overwrite the catalogue's data.
 */
export function productDocumentPath(slug: string): string | null {
  return RESERVED_SLUGS.has(slug) ? null : `/products/${slug}.json`;
}

/** Absolute addresses of the site's pages and files, from its base URL. */
export function siteUrls(site: URL) {
  const abs = (path: string) => new URL(path, site).href;
  const page = (path: string, locale: Locale) => abs(localizePath(path, locale));
  return {
    abs,
    dataFile: (name: string) => abs(`${DATA_BASE}${name}`),
    product: (slug: string, locale: Locale = 'vi') => page(`/products/${slug}/`, locale),
    productDocument: (slug: string) => {
      const path = productDocumentPath(slug);
      return path === null ? null : abs(path);
    },
    producer: (slug: string, locale: Locale = 'vi') => page(`/producers/${slug}/`, locale),
    fair: (slug: string, locale: Locale = 'vi') => page(`/fairs/${slug}/`, locale),
    decision: (slug: string, locale: Locale = 'vi') => page(`/decisions/${slug}/`, locale),
    /** A decision's uploaded PDF, served on demand by its content hash. */
    decisionDocument: (hash: string) => abs(`/documents/${hash}.pdf`),
    verify: (code: string) => page(`/verify/${code}/`, 'vi'),
  };
}

export type SiteUrls = ReturnType<typeof siteUrls>;
