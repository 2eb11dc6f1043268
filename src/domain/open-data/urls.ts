/**
 * Where the open data and the pages it points at live, as absolute URLs on the site (SITE_URL): one
 * place, so that the records, the manifest, the schemas' $id and the /data/ page agree.
 */
import { localizePath, type Locale } from '../i18n.ts';

/** The files of /data/ are named after their dataset; the per-product documents sit beside the product pages. */
export const DATA_BASE = '/data/';

/**
 * Product slugs that a file under /products/ already uses (src/pages/products/catalogue.json.ts): such a
 * product cannot have /products/<slug>.json. Slugs are made from names (src/domain/slug.ts), so a product
 * named "Catalogue" would get one; its document is left out rather than overwrite the catalogue's data.
 */
export const RESERVED_PRODUCT_SLUGS: ReadonlySet<string> = new Set(['catalogue']);

/** The site path of a product's JSON document, or null for a reserved slug: productDocumentPath('tra-o-long') → "/products/tra-o-long.json". */
export function productDocumentPath(slug: string): string | null {
  return RESERVED_PRODUCT_SLUGS.has(slug) ? null : `/products/${slug}.json`;
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
    verify: (code: string) => page(`/verify/${code}/`, 'vi'),
  };
}

export type SiteUrls = ReturnType<typeof siteUrls>;
