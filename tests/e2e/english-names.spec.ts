import { expect, test, type Page } from '@playwright/test';
import { unmarkedVietnamese } from '../support/lang-scan.ts';
import { STAFF_SITE } from './support/sites.ts';
import { signInAs } from './support/staff.ts';

/** The first link on a page whose address starts with `prefix` (and is more than the listing itself). */
async function firstLink(page: Page, path: string, prefix: string): Promise<string> {
  await page.goto(path);
  const hrefs = await page.locator(`main a[href^="${prefix}"]`).evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  // A record's own page (/en/products/<slug>/), not a facet listing (/en/products/level/national/).
  const href = hrefs.find((h) => new RegExp(`^${prefix}[^/?#]+/$`).test(h));
  expect(href, `a link under ${prefix} on ${path}`).toBeTruthy();
  return href!;
}

test.describe('English pages mark Vietnamese names lang="vi" (#18.2)', () => {
  test('no Vietnamese text sits outside a lang="vi" element on the English listings and records', async ({ page }) => {
    test.setTimeout(120_000);
    const product = await firstLink(page, '/en/products/', '/en/products/');
    const producer = await firstLink(page, '/en/producers/', '/en/producers/');
    const fair = await firstLink(page, '/en/fairs/', '/en/fairs/');
    const decision = await firstLink(page, '/en/decisions/', '/en/decisions/');
    const code = await firstLink(page, product, '/en/verify/');
    const pages = ['/en/', '/en/products/', product, '/en/producers/', producer, '/en/fairs/', fair, '/en/decisions/', decision, code];
    pages.push(`/en/verify/?q=${encodeURIComponent('3116/QĐ-BCT')}`);
    const found: Record<string, string[]> = {};
    for (const path of pages) {
      await page.goto(path);
      const unmarked = await page.evaluate(unmarkedVietnamese);
      if (unmarked.length > 0) found[path] = unmarked.slice(0, 5);
    }
    expect(found).toEqual({});
  });

  test('search results drawn in the browser mark their Vietnamese names too', async ({ page }) => {
    await page.goto('/en/search/?q=tra');
    await expect(page.locator('[data-products-results] li').first()).toBeVisible();
    expect(await page.locator('[data-products-results]').evaluate((el) => el.querySelectorAll('[lang="vi"]').length)).toBeGreaterThan(0);
    expect(await page.evaluate(unmarkedVietnamese)).toEqual([]);
  });
});

test.describe('staff record English names (#18.2)', () => {
  // The story saves a record: it runs on the staff site (tests/e2e/support/sites.ts).
  test.use({ baseURL: STAFF_SITE.url });
  test('an editor gives a product an English name, and a name with a hidden control character is refused beside the field', async ({
    page,
    isMobile,
  }) => {
    test.skip(isMobile, 'one project is enough: the form is the same');
    await signInAs(page, 'editor');
    await page.goto('/admin/');
    await expect(page.getByRole('heading', { level: 1, name: 'Tổng quan' })).toBeVisible();

    await page.goto('/admin/products/');
    await page.locator('main table a[href^="/admin/products/"]').first().click();
    const english = page.getByLabel('Tên tiếng Anh');
    await english.fill('Test \u202Eoolong tea');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await expect(page.locator('#nameEn-error')).toContainText('U+202E');

    await page.getByLabel('Tên tiếng Anh').fill('  Oolong   tea ');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Đã lưu' })).toContainText('Đã lưu');
    await expect(page.getByLabel('Tên tiếng Anh')).toHaveValue('Oolong tea');
  });
});
