/**
 * The sitemap's language alternates (#19.3). @astrojs/sitemap's own `i18n` option finds a page's
 * alternates by scanning every URL of the site for each URL (createGetI18nLinks in
 * node_modules/@astrojs/sitemap/dist/generate-sitemap.js): quadratic, 119 s of CPU at 5,000 products.
 * This gives the same links from a set of the listed pages, in constant time per page.
 */

/** The sitemap's languages and the hreflang of each: Vietnamese at the root, English under /en/. */
export const SITEMAP_LOCALES = { vi: 'vi-VN', en: 'en-GB' } as const;

export interface SitemapLink {
  url: string;
  lang: string;
}

/** @astrojs/sitemap's order of URLs, which its links follow. */
const compareUrls = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/**
 * The alternates of a page among the pages listed (as @astrojs/sitemap's i18n option gives them: every
 * language's URL of the page, itself included, or undefined when it has only one).
 * sitemapAlternates('https://x.vn/en/stats/', set of both) → [{ url: 'https://x.vn/en/stats/', lang: 'en-GB' }, { url: 'https://x.vn/stats/', lang: 'vi-VN' }].
 */
export function sitemapAlternates(url: string, listed: ReadonlySet<string>): SitemapLink[] | undefined {
  const { origin, pathname } = new URL(url);
  const [, first = ''] = pathname.split('/');
  const path = first in SITEMAP_LOCALES ? pathname.slice(1 + first.length) || '/' : pathname;
  const candidates = [
    { url: origin + path, lang: SITEMAP_LOCALES.vi },
    { url: `${origin}/vi${path}`, lang: SITEMAP_LOCALES.vi },
    { url: `${origin}/en${path}`, lang: SITEMAP_LOCALES.en },
  ];
  const links = candidates.filter((link) => listed.has(link.url)).sort((a, b) => compareUrls(a.url, b.url));
  return links.length > 1 ? links : undefined;
}
