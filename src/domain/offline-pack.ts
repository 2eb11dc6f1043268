/**
 * The offline fair pack: which pages a buyer's phone keeps after one visit to a fair page, so the
 * directory, the shortlist and the exhibitors' pages still open when the hall's network fails.
 * Pure: the pack's JSON endpoints build from it, the service worker (public/sw.js) only fetches the list.
 */
import { localizePath, type Locale } from './i18n.ts';

/** What a pack is built from: a fair's slug and, for each exhibitor, its producer and shown products. */
export interface PackDirectory {
  slug: string;
  entries: readonly { producerSlug: string; products: readonly { slug: string }[] }[];
}

/** What /fairs/<slug>/offline.json serves: the pack's name and the URLs to keep. */
export interface OfflinePack {
  pack: string;
  urls: string[];
}

/** The name of a fair's pack in one language: offlinePackName('hoi-cho-ha-noi', 'en') → "en:hoi-cho-ha-noi". */
export function offlinePackName(slug: string, locale: Locale): string {
  return `${locale}:${slug}`;
}

/**
 * The URLs of a fair's pack in one language, each once, in the order they matter on the hall floor:
 * the fair page, its directory data, its print view, then every exhibitor's page, then every product
 * they show, then the favicon.
 */
export function offlinePackUrls(directory: PackDirectory, locale: Locale): string[] {
  const fair = `/fairs/${directory.slug}/`;
  const urls = new Set([fair, `${fair}directory.json`, `${fair}print/`].map((path) => localizePath(path, locale)));
  for (const entry of directory.entries) urls.add(localizePath(`/producers/${entry.producerSlug}/`, locale));
  for (const entry of directory.entries) {
    for (const product of entry.products) urls.add(localizePath(`/products/${product.slug}/`, locale));
  }
  urls.add('/favicon.svg');
  return [...urls];
}

/** A fair's whole pack in one language. */
export function offlinePack(directory: PackDirectory, locale: Locale): OfflinePack {
  return { pack: offlinePackName(directory.slug, locale), urls: offlinePackUrls(directory, locale) };
}
