import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test.describe('a visitor browsing the registry', () => {
  test('goes from the home page to the products and sees a product’s certifications', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Sản phẩm công nghiệp nông thôn tiêu biểu' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Số liệu' })).toContainText('53 sản phẩm');

    await page.getByRole('navigation', { name: 'Chính' }).getByRole('link', { name: 'Sản phẩm' }).click();
    await expect(page).toHaveURL(/\/products\/$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Sản phẩm' })).toBeVisible();
    await expect(page.locator('.cards > li')).toHaveCount(53);

    await page.getByRole('link', { name: 'Trà Ô Long' }).click();
    await expect(page).toHaveURL(/\/products\/tra-o-long\/$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Trà Ô Long' })).toBeVisible();
    const timeline = page.getByRole('list').filter({ hasText: 'Mã tra cứu' });
    await expect(timeline.getByRole('listitem')).toHaveCount(2);
    await expect(timeline.getByRole('listitem').first()).toContainText('2019 · Cấp tỉnh');
    await expect(timeline.getByRole('listitem').last()).toContainText('2021 · Cấp quốc gia');
    await expect(timeline.getByRole('listitem').last()).toContainText('1997/QĐ-BCT');
    await expect(timeline.getByRole('listitem').last()).toContainText('Hết hiệu lực');
  });

  test('sees the old province of a product certified before the merger with its current one', async ({ page }) => {
    await page.goto('/products/lychee-in-syrup/');
    await expect(page.getByText('Bắc Giang (nay thuộc Bắc Ninh)')).toBeVisible();
  });

  test('gets a helpful page for an address that does not exist', async ({ page }) => {
    const response = await page.goto('/products/khong-co-san-pham-nay/');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Không tìm thấy trang' })).toBeVisible();
  });
});

test.describe('accessibility', () => {
  for (const path of ['/', '/products/', '/products/tra-o-long/', '/404/']) {
    test(`${path} has no axe violations`, async ({ page }) => {
      await page.goto(path);
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
});
