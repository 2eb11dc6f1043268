import { describe, expect, it } from 'vitest';
import { describeProblems, expectedPages, hasProblems, internalLinks, isOnDemand, linkTarget } from '../../src/domain/release-check.ts';

describe('internal links of a page', () => {
  it('finds root-relative href, src and srcset targets without query or fragment, and skips external ones', () => {
    const html = `<a href="/products/tra-o-long/?from=home#top">x</a><img src="/media/ab-320.avif" srcset="/media/ab-320.webp 320w, /media/ab-640.webp 640w, https://cdn.example/x.webp 1w">
      <a href="https://moit.gov.vn/">ext</a><a href="//cdn.example/x">proto</a><link href="/_astro/a.css" rel="stylesheet"><a href="/?q=a&amp;b=c">home</a>`;
    expect(internalLinks(html).sort()).toEqual([
      '/',
      '/_astro/a.css',
      '/media/ab-320.avif',
      '/media/ab-320.webp',
      '/media/ab-640.webp',
      '/products/tra-o-long/',
    ]);
  });
  it('maps links to the files a release must hold', () => {
    expect(linkTarget('/')).toBe('index.html');
    expect(linkTarget('/products/tra-o-long/')).toBe('products/tra-o-long/index.html');
    expect(linkTarget('/feed.xml')).toBe('feed.xml');
    expect(linkTarget('/products')).toBe('products/index.html');
    expect(linkTarget('/media/tr%C3%A0.avif')).toBe('media/trà.avif');
    expect(linkTarget('/bad%E0%A4%A')).toBe('bad%E0%A4%A/index.html');
  });
  it('leaves the on-demand pages to the server', () => {
    expect(isOnDemand('/admin/')).toBe(true);
    expect(isOnDemand('/admin/products/1/')).toBe(true);
    expect(isOnDemand('/verify/')).toBe(true);
    expect(isOnDemand('/en/verify/')).toBe(true);
    expect(isOnDemand('/verify/T19-W768-QM8/')).toBe(false);
    expect(isOnDemand('/administration/')).toBe(false);
  });
});

describe('the pages a release must have', () => {
  it('lists every published entity in both languages', () => {
    const pages = expectedPages({ products: ['tra'], producers: ['htx'], fairs: ['hoi-cho'], codes: ['T19-W768-QM8'] });
    expect(pages).toContain('products/tra/index.html');
    expect(pages).toContain('en/producers/htx/index.html');
    expect(pages).toContain('fairs/hoi-cho/index.html');
    expect(pages).toContain('en/verify/T19-W768-QM8/index.html');
    expect(pages).toContain('index.html');
    expect(pages).toContain('en/data/index.html');
    expect(pages).toContain('data/certifications.xlsx');
    expect(pages).toHaveLength(2 * (6 + 4) + 2);
  });
  it('describes problems briefly, in both languages', () => {
    const problems = { missingPages: ['a/index.html'], brokenLinks: [{ page: 'b/index.html', link: '/c/' }], overBudget: null, search: [] };
    expect(hasProblems(problems)).toBe(true);
    expect(describeProblems(problems).join('\n')).toMatch(/missing pages: a\/index.html[\s\S]*broken links: b\/index.html → \/c\//);
    expect(hasProblems({ missingPages: [], brokenLinks: [], overBudget: null, search: [] })).toBe(false);
  });
});
