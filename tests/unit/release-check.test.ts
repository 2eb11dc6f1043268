import { describe, expect, it } from 'vitest';
import { OPEN_DATA_FILES } from '#domain/open-data/catalog.ts';
import { describeProblems, expectedPages, hasProblems, internalLinks, isOnDemand, linkTarget } from '#domain/release-check.ts';

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
  it('leaves a decision’s uploaded document to the server', () => {
    expect(isOnDemand(`/documents/${'a'.repeat(64)}.pdf`)).toBe(true);
    expect(isOnDemand('/documentation/')).toBe(false);
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
    expect(pages).toContain('stats/index.html');
    expect(pages).toContain('en/stats/south/index.html');
    // In each language the home page, five list pages, the statistics and their three regions, and the four
    // records' pages; the data files; the two feeds and the change log; one product document.
    expect(pages).toHaveLength(2 * (10 + 4) + OPEN_DATA_FILES.length + 3 + 1);
  });
  it('expects the decisions list and every published decision’s page in both languages', () => {
    const without = expectedPages({ products: [], producers: [], fairs: [], codes: [] });
    const pages = expectedPages({
      products: [],
      producers: [],
      fairs: [],
      codes: [],
      decisions: ['3116-qd-bct-2023', '1493-qd-ubnd-2022-2'],
    });
    for (const page of [
      'decisions/index.html',
      'en/decisions/index.html',
      'decisions/3116-qd-bct-2023/index.html',
      'en/decisions/3116-qd-bct-2023/index.html',
      'en/decisions/1493-qd-ubnd-2022-2/index.html',
    ])
      expect(pages).toContain(page);
    expect(pages).toHaveLength(without.length + 2 * 3);
  });
  it('expects every open-data file once, for both languages', () => {
    const pages = expectedPages({ products: [], producers: [], fairs: [], codes: [] });
    for (const name of [
      'official-list.csv',
      'official-list.xlsx',
      'certifications.csv',
      'products.json',
      'exhibitors.schema.json',
      'manifest.json',
    ])
      expect(pages).toContain(`data/${name}`);
    expect(pages).not.toContain('en/data/manifest.json');
    expect(pages).toEqual(expect.arrayContaining(['feed.xml', 'en/feed.xml', 'data/changes.json']));
    expect(pages.filter((p) => p.startsWith('data/') && !p.endsWith('.html'))).toHaveLength(OPEN_DATA_FILES.length + 1);
  });
  it('expects the JSON document of every product but one whose slug a file already uses', () => {
    const pages = expectedPages({ products: ['tra-o-long', 'catalogue'], producers: [], fairs: [], codes: [] });
    expect(pages).toContain('products/tra-o-long.json');
    expect(pages).toContain('products/catalogue/index.html');
    expect(pages).not.toContain('products/catalogue.json');
    expect(pages).not.toContain('en/products/tra-o-long.json');
  });
  it('describes problems briefly, in both languages', () => {
    const problems = { missingPages: ['a/index.html'], brokenLinks: [{ page: 'b/index.html', link: '/c/' }], overBudget: null, search: [] };
    expect(hasProblems(problems)).toBe(true);
    expect(describeProblems(problems).join('\n')).toMatch(/missing pages: a\/index.html[\s\S]*broken links: b\/index.html → \/c\//);
    expect(hasProblems({ missingPages: [], brokenLinks: [], overBudget: null, search: [] })).toBe(false);
  });
});
