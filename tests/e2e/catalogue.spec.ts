import { expect, test, type Page } from '@playwright/test';
import { readSeedCsv } from '#db/reference.ts';
import { PAGE_SIZE } from '#domain/listing.ts';
import { foldVietnamese } from '#domain/text.ts';
import { openListingFilters } from '../support/filter-panel.ts';
import { axeScan, WCAG_AND_BEST_PRACTICE } from './support/axe.ts';

const seedRows = readSeedCsv('certified-products.csv');
/** How many of the seed's products a filter keeps: its rows' distinct product names, folded (the seed has no two products of one name). */
const seedProducts = (keep: (row: Record<string, string>) => boolean = () => true) =>
  new Set(seedRows.filter(keep).map((r) => foldVietnamese(r['product_name']!))).size;

const timeline = (page: Page) => page.getByRole('list', { name: /Chứng nhận|Certifications/ });

/** Opens a folded facet group the way a visitor would: by its summary, if it is not open yet. */
async function openFacet(page: Page, name: string) {
  await openListingFilters(page);
  const group = page.locator('details.facet').filter({ has: page.getByText(name, { exact: true }) });
  if (!(await group.evaluate((d: HTMLDetailsElement) => d.open))) await group.getByText(name, { exact: true }).click();
}

test.describe('a visitor browsing the catalogue', () => {
  test('browses by level, opens a product certified twice, checks its code, and reads it in English', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Sản phẩm công nghiệp nông thôn tiêu biểu' })).toBeVisible();
    // The seed's products: no story writes to the public site (tests/e2e/support/sites.ts).
    const figures = (await page.getByRole('list', { name: 'Sổ đăng ký hiện có' }).textContent()) ?? '';
    expect(Number(/([\d.]+) sản phẩm/.exec(figures)?.[1]?.replaceAll('.', ''))).toBe(seedProducts());

    await page.getByRole('navigation', { name: 'Chính' }).getByRole('link', { name: 'Sản phẩm' }).click();
    await expect(page).toHaveURL(/\/products\/$/);
    await openListingFilters(page);
    await page.getByRole('link', { name: /^Cấp quốc gia \d+$/ }).click();
    await expect(page.getByRole('status').filter({ hasText: 'sản phẩm phù hợp' })).toHaveText(
      `${seedProducts((r) => r['level'] === 'national')} sản phẩm phù hợp`,
    );

    await page.getByRole('link', { name: 'Trà Ô Long' }).click();
    await expect(page).toHaveURL(/\/products\/tra-o-long\/$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Trà Ô Long' })).toBeVisible();
    const entries = timeline(page).getByRole('listitem');
    await expect(entries).toHaveCount(2);
    await expect(entries.first()).toContainText('2019 · Cấp tỉnh');
    await expect(entries.first()).toContainText('UBND tỉnh Lạng Sơn');
    await expect(entries.last()).toContainText('2021 · Cấp quốc gia');
    await expect(entries.last()).toContainText('1997/QĐ-BCT');
    await expect(entries.last()).toContainText('Hết hiệu lực');

    const code = (await entries.last().getByRole('link', { name: /^Q21-/ }).textContent())!.trim();
    await entries.last().getByRole('link', { name: code }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(code);
    await expect(page.getByRole('status')).toContainText('Hết hiệu lực');
    await expect(page.getByText('Bộ Công Thương')).toBeVisible();

    await page.getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(new RegExp(`/en/verify/${code.replaceAll('-', '')}/$`));
    await expect(page.getByRole('status')).toContainText('Expired');
    await page.getByRole('link', { name: 'Trà Ô Long' }).click();
    await expect(timeline(page).getByRole('listitem').last()).toContainText('2021 · National');
  });

  test('combines facets, and the combination survives a reload through the URL', async ({ page }) => {
    await page.goto('/products/');
    await openListingFilters(page);
    await page.getByRole('link', { name: /^Cấp tỉnh \d+$/ }).click();
    await openFacet(page, 'Năm');
    await page.getByRole('link', { name: /^2021 \d+$/ }).click();
    await expect(page).toHaveURL(/\/products\/\?level=provincial&year=2021$/);
    const count = page.getByRole('status').filter({ hasText: 'sản phẩm phù hợp' });
    const expected = `${seedProducts((r) => r['level'] === 'provincial' && r['year'] === '2021')} sản phẩm phù hợp`;
    await expect(count).toHaveText(expected);
    await page.getByLabel('Sắp xếp').selectOption('name');
    await expect(page).toHaveURL(/sort=name/);
    await page.reload();
    await expect(count).toHaveText(expected);
    await expect(page.getByLabel('Sắp xếp')).toHaveValue('name');
    await openListingFilters(page);
    await expect(page.getByRole('link', { name: /^2021 \d+$/ })).toHaveAttribute('aria-current', 'true');
  });

  test('finds a product filed under an old province by its new province', async ({ page }) => {
    await page.goto('/products/');
    await openFacet(page, 'Tỉnh/thành (hiện nay)');
    await page.getByRole('link', { name: /^Bắc Ninh \(gồm Bắc Giang\) \d+$/ }).click();
    await expect(page.getByRole('link', { name: 'lychee in syrup' })).toBeVisible();
    await page.getByRole('link', { name: 'lychee in syrup' }).click();
    await expect(page.getByText('Bắc Giang (nay thuộc Bắc Ninh)').first()).toBeVisible();
  });

  test('browses without JavaScript through prerendered facet pages', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/products/');
    await openFacet(page, 'Năm');
    await page.getByRole('link', { name: /^2023 \d+$/ }).click();
    await expect(page).toHaveURL(/\/products\/year\/2023\/$/);
    await expect(page.locator('[data-results] > li')).toHaveCount(
      Math.min(
        PAGE_SIZE,
        seedProducts((r) => r['year'] === '2023'),
      ),
    );
    await context.close();
  });
});

test.describe('a visitor checking a certificate', () => {
  test('gets a clear message for a mistyped code and the certificate for a good one', async ({ page }) => {
    await page.goto('/products/tra-o-long/');
    const code = (await timeline(page).getByRole('listitem').first().getByRole('link', { name: /^T19-/ }).textContent())!.trim();
    const typo = code.slice(0, 5) + (code[5] === 'A' ? 'B' : 'A') + code.slice(6);

    const box = page.getByRole('textbox', { name: 'Số quyết định, tên sản phẩm hoặc mã tra cứu' });
    await page.goto('/verify/');
    await box.fill(typo.toLowerCase());
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await expect(page.getByRole('alert')).toContainText('lỗi gõ');
    await expect(box).toHaveValue(typo.toLowerCase());
    // The check character narrows the typo down to a few codes, the real one among them.
    await expect(page.getByRole('link', { name: `Mã tra cứu ${code}` })).toBeVisible();

    await box.fill(code.toLowerCase().replaceAll('-', ' '));
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await expect(page.getByRole('heading', { level: 2, name: `Mã tra cứu ${code}` })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Trà Ô Long' })).toBeVisible();
    await page.getByRole('link', { name: code }).click();
    await expect(page).toHaveURL(new RegExp(`/verify/${code.replaceAll('-', '')}/$`));
  });
});

test.describe('machine-readable data', () => {
  test('the JSON-LD of a product page parses and names its certifications', async ({ page }) => {
    await page.goto('/products/tra-o-long/');
    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
    const product = blocks.map((b) => JSON.parse(b) as Record<string, unknown>).find((d) => d['@type'] === 'Product') as {
      name: string;
      hasCertification: { certificationIdentification: string; certificationStatus: string }[];
    };
    expect(product.name).toBe('Trà Ô Long');
    expect(product.hasCertification).toHaveLength(2);
    expect(product.hasCertification.map((c) => c.certificationIdentification)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Q21-/), expect.stringMatching(/^T19-/)]),
    );
  });

  test('product, producer and verification pages load only the search box loader, and no index, until the box is used', async ({
    page,
  }) => {
    const scripts: number[] = [];
    const json: string[] = [];
    page.on('response', async (response) => {
      const type = response.request().resourceType();
      if (type === 'script') scripts.push((await response.body()).length);
      if (response.url().endsWith('.json')) json.push(response.url());
    });
    for (const path of ['/products/tra-o-long/', '/en/producers/', '/verify/']) await page.goto(path);
    // The search box loader (about 2 KB, 1 KB brotli, mostly Vite's dynamic-import helper) is the only script.
    expect(scripts.every((bytes) => bytes <= 2560)).toBe(true);
    expect(json).toEqual([]);
    expect(await page.locator('script:not([type="application/ld+json"])').count()).toBeLessThanOrEqual(1);
  });

  test('the Atom change feed names its releases and the sitemap lists the pages in both languages', async ({ request }) => {
    const feed = await request.get('/feed.xml');
    expect(feed.headers()['content-type']).toContain('application/atom+xml');
    const xml = await feed.text();
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">');
    expect(xml).toMatch(/<entry>\s*<id>tag:[^<]+<\/id>\s*<title>Bản phát hành \d{2}\/\d{2}\/\d{4} \d\d:\d\d: /);
    expect(await (await request.get('/en/feed.xml')).text()).toMatch(/<title>Release \d+ \w+ \d{4} \d\d:\d\d: /);
    const sitemap = await (await request.get('/sitemap-0.xml')).text();
    expect(sitemap).toContain('/en/products/tra-o-long/');
    expect(sitemap).toMatch(/hreflang="en-GB"/);
  });

  test('an unknown page is a 404 in both languages', async ({ page }) => {
    const response = await page.goto('/products/khong-co-san-pham-nay/');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Không tìm thấy trang' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Page not found' })).toBeVisible();
  });
});

test.describe('accessibility', () => {
  const pages = [
    '/',
    '/en/',
    '/products/',
    '/products/level/national/',
    '/products/tra-o-long/',
    '/en/products/tra-o-long/',
    '/producers/',
    '/verify/',
    '/404/',
  ];
  for (const path of pages) {
    test(`${path} has no axe violations`, async ({ page }) => {
      await page.goto(path);
      const results = await axeScan(page, WCAG_AND_BEST_PRACTICE);
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
});
