import { expect, test } from '@playwright/test';
import { openListingFilters } from '../support/filter-panel.ts';
import { axeScan, WCAG_AND_BEST_PRACTICE } from './support/axe.ts';

test.describe('a visitor searching', () => {
  test('types "tra o long" in the header box and opens the product', async ({ page }) => {
    await page.goto('/products/bun-ngo/');
    await page.getByRole('combobox', { name: 'Tìm sản phẩm, cơ sở, tỉnh' }).fill('tra o long');
    await page.getByRole('combobox', { name: 'Tìm sản phẩm, cơ sở, tỉnh' }).press('Enter');
    await expect(page).toHaveURL(/\/search\/\?q=tra\+o\+long$/);
    const products = page.getByRole('region', { name: /Sản phẩm/ });
    await expect(products.getByRole('link', { name: 'Trà Ô Long' })).toBeVisible();
    await expect(products.locator('mark').first()).toHaveText('Trà');
    await products.getByRole('link', { name: 'Trà Ô Long' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Trà Ô Long' })).toBeVisible();
  });

  test('searches "bac ninh" and finds a product certified in 2021 under Bắc Giang', async ({ page }) => {
    await page.goto('/search/?q=bac+ninh');
    const products = page.getByRole('region', { name: /Sản phẩm/ });
    await expect(products.getByRole('link', { name: 'lychee in syrup' })).toBeVisible();
    await expect(products.getByText('Bắc Giang (nay thuộc Bắc Ninh)').first()).toBeVisible();
  });

  test('combines a query with a level facet, and the combination survives a reload', async ({ page }) => {
    await page.goto('/search/?q=tra');
    const products = page.getByRole('region', { name: /Sản phẩm/ });
    await expect(products.getByRole('link', { name: 'Chè Tây Sơn' })).toHaveCount(0);
    await openListingFilters(page);
    await page.getByRole('link', { name: /^Cấp quốc gia \d+$/ }).click();
    await expect(page).toHaveURL(/\/search\/\?level=national&q=tra$/);
    await expect(products.getByRole('link', { name: 'Trà Ô Long' })).toBeVisible();
    await expect(products.getByRole('link', { name: 'Bộ sản phẩm Trà Hoa vàng An Bình' })).toHaveCount(0);
    await page.reload();
    await expect(products.getByRole('link', { name: 'Trà Ô Long' })).toBeVisible();
    await openListingFilters(page);
    await expect(page.getByRole('link', { name: /^Cấp quốc gia \d+$/ })).toHaveAttribute('aria-current', 'true');
  });

  test('gets help when nothing matches', async ({ page }) => {
    await page.goto('/search/?q=tra+o+lonng+xanh');
    await expect(page.getByText('Không tìm thấy kết quả cho “tra o lonng xanh”.')).toBeVisible();
    await expect(page.getByText('Có phải bạn muốn tìm:')).toBeVisible();
  });

  test('without JavaScript is told so and offered the catalogue facets', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/search/?q=tra');
    await expect(page.getByText('Tìm kiếm cần JavaScript.', { exact: false })).toBeVisible();
    await page.locator('[data-no-js]').getByRole('link', { name: 'Cấp quốc gia', exact: true }).click();
    await expect(page).toHaveURL(/\/products\/level\/national\/$/);
    await context.close();
  });

  test('uses the header combobox with the keyboard only', async ({ page }) => {
    await page.goto('/producers/');
    const indexRequest = page.waitForRequest(/\/search\/products\/manifest\.json$/);
    const box = page.getByRole('combobox', { name: 'Tìm sản phẩm, cơ sở, tỉnh' });
    // Skip link, brand, then the search box.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    await expect(box).toBeFocused();
    await indexRequest;
    await page.keyboard.type('tra o lo');
    const listbox = page.getByRole('listbox', { name: 'Tìm sản phẩm, cơ sở, tỉnh' });
    await expect(listbox.getByRole('option').first()).toContainText('Trà Ô Long');
    await expect(box).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('ArrowDown');
    await expect(listbox.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
    await expect(box).toHaveAttribute('aria-activedescendant', 'site-search-option-0');
    await page.keyboard.press('Escape');
    await expect(box).toHaveAttribute('aria-expanded', 'false');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Trà Ô Long' })).toBeVisible();
  });

  test('the search page has no axe violations', async ({ page }) => {
    await page.goto('/search/?q=tra');
    await expect(
      page
        .getByRole('region', { name: /Sản phẩm/ })
        .getByRole('link')
        .first(),
    ).toBeVisible();
    const results = await axeScan(page, WCAG_AND_BEST_PRACTICE);
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
