import { describe, expect, it } from 'vitest';
// The plugin's own (quadratic) i18n links, the reference ours must equal; not exported by the package.
import { generateSitemap } from '../../node_modules/@astrojs/sitemap/dist/generate-sitemap.js';
import { SITEMAP_LOCALES, sitemapAlternates } from '#domain/sitemap-alternates.ts';

const SITE = 'https://spcnnt.example.vn/';
const paths = [
  '/',
  '/en/',
  '/products/',
  '/en/products/',
  '/products/tra-shan-tuyet-ha-giang/',
  '/en/products/tra-shan-tuyet-ha-giang/',
  '/products/level/provincial/page/2/',
  '/en/products/level/provincial/page/2/',
  '/products/level/provincial/page/10/',
  '/en/products/level/provincial/page/10/',
  '/products/nuoc-mam-phu-quoc/',
  '/en/about/',
  '/about/',
  '/verify/T214K7M9XQ/',
  '/en/verify/T214K7M9XQ/',
  '/stats/dong-thap/',
  '/en/stats/',
  '/enrolment/',
  '/en/enrolment/',
];
const urls = paths.map((p) => new URL(p, SITE).href);

describe('sitemapAlternates', () => {
  it('gives exactly the links @astrojs/sitemap’s i18n option gives, page by page', () => {
    const reference = generateSitemap(urls, SITE, { i18n: { defaultLocale: 'vi', locales: SITEMAP_LOCALES } }) as {
      url: string;
      links?: unknown;
    }[];
    const listed = new Set(urls);
    expect(reference.length).toBe(urls.length);
    for (const item of reference) expect(sitemapAlternates(item.url, listed), item.url).toEqual(item.links);
  });

  it('links a product page to its English page, itself included, and a page in one language to nothing', () => {
    const listed = new Set(urls);
    expect(sitemapAlternates(`${SITE}products/tra-shan-tuyet-ha-giang/`, listed)).toEqual([
      { url: `${SITE}en/products/tra-shan-tuyet-ha-giang/`, lang: 'en-GB' },
      { url: `${SITE}products/tra-shan-tuyet-ha-giang/`, lang: 'vi-VN' },
    ]);
    expect(sitemapAlternates(`${SITE}products/nuoc-mam-phu-quoc/`, listed)).toBeUndefined();
    expect(sitemapAlternates(`${SITE}enrolment/`, listed)?.map((l) => l.lang)).toEqual(['en-GB', 'vi-VN']);
  });
});
