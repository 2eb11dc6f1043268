import { localizePath, type Locale } from '#domain/i18n.ts';

/** The longest page path a report may name. */
export const MAX_PAGE_PATH = 300;

/**
 * True for a path of this site's public pages as a report may name it: root-relative, no scheme, host,
 * query, fragment, backslash, control character or dot segment, not the staff area.
 * isSitePath('/products/tra-o-long/') → true; isSitePath('//evil.example/') → false.
 */
export function isSitePath(path: string): boolean {
  if (path.length === 0 || path.length > MAX_PAGE_PATH) return false;
  if (!/^\/(?!\/)[A-Za-z0-9\-._~%/]*$/.test(path)) return false;
  if (/(^|\/)\.{1,2}(\/|$)/.test(path)) return false;
  return !/^\/(en\/)?(admin|_actions|_astro|report)(\/|$)/.test(path);
}

/** The report form for a page: reportPath('en', '/en/products/x/') → "/en/report/?page=%2Fen%2Fproducts%2Fx%2F". */
export function reportPath(locale: Locale, pagePath: string): string {
  return `${localizePath('/report/', locale)}?page=${encodeURIComponent(pagePath)}`;
}
