import { expect, test } from '@playwright/test';

test.describe('a visitor searching in their own words', () => {
  test('finds Vietnamese products on /en/search/ with English product words and other spellings', async ({ page }) => {
    await page.goto('/en/search/?q=oolong');
    const products = page.getByRole('region', { name: /Products/ });
    await expect(products.getByRole('link', { name: 'Trà Ô Long' })).toBeVisible();
    await expect(products.getByRole('link', { name: 'Trà Oolong', exact: true })).toBeVisible();

    await page.getByRole('searchbox', { name: /Search/ }).fill('fish sauce');
    await expect(products.getByRole('link', { name: 'Nước mắm Thành Công' })).toBeVisible();
    await expect(products.getByRole('link', { name: 'Mắm tôm đặc biệt Tác Huy' })).toHaveCount(0);

    await page.getByRole('searchbox', { name: /Search/ }).fill('mac ca');
    await expect(products.getByRole('link', { name: 'Hạt macca sấy nứt vỏ' }).first()).toBeVisible();
  });

  test('whose words find nothing is offered near queries that do', async ({ page }) => {
    await page.goto('/search/?q=fish+sauce');
    const help = page.locator('[data-no-results]');
    await expect(help.getByText('Không tìm thấy kết quả cho “fish sauce”.')).toBeVisible();
    await expect(help.getByText('“fish sauce” nghĩa là “nước mắm”', { exact: false })).toBeVisible();
    await help.getByRole('link', { name: 'nước mắm', exact: true }).click();
    await expect(page).toHaveURL(/\/search\/\?q=n%C6%B0%E1%BB%9Bc\+m%E1%BA%AFm$/);
    const products = page.getByRole('region', { name: /Sản phẩm/ });
    await expect(products.getByRole('link', { name: 'Nước mắm Thành Công' })).toBeVisible();
  });

  test('is told when a province has no products in the registry yet, in both languages', async ({ page }) => {
    await page.goto('/en/search/?q=cao+bang');
    await expect(page.getByText('Cao Bằng has no products in the registry yet.')).toBeVisible();

    // Beside results its other words find ("Công ty Cổ phần Chè Thái Bình"), the province itself has none.
    await page.goto('/search/?q=Th%C3%A1i+B%C3%ACnh');
    await expect(page.getByText('Tỉnh Thái Bình chưa có sản phẩm nào trong sổ đăng ký.')).toBeVisible();
  });
});
