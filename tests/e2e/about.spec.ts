import { expect, test, type Page } from '@playwright/test';
import { PUBLIC_SITE } from './support/sites.ts';
import { signInAs } from './support/staff.ts';
import { axeScan, WCAG_AND_BEST_PRACTICE } from './support/axe.ts';

async function expectNoAxeViolations(page: Page) {
  const results = await axeScan(page, WCAG_AND_BEST_PRACTICE);
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** The first link of a listing whose address matches, as a visitor would pick one. */
async function firstHref(page: Page, listing: string, pattern: RegExp): Promise<string> {
  await page.goto(listing);
  const hrefs = await page.locator('main a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  const found = hrefs.find((h) => pattern.test(h));
  if (!found) throw new Error(`no link matching ${pattern} on ${listing}`);
  return found;
}

test.describe('who stands behind the registry', () => {
  test('the About page is linked from the footer of every page type', async ({ page }) => {
    const product = await firstHref(page, '/products/', /^\/products\/[a-z0-9-]+\/$/);
    const producer = await firstHref(page, '/producers/', /^\/producers\/[a-z0-9-]+\/$/);
    const fair = await firstHref(page, '/fairs/', /^\/fairs\/[a-z0-9-]+\/$/);
    const code = await firstHref(page, product, /^\/verify\/[A-Z0-9-]+\/$/);
    const decision = await firstHref(page, '/decisions/', /^\/decisions\/[a-z0-9-]+\/$/);
    const pages = [
      '/',
      '/products/',
      product,
      '/producers/',
      producer,
      '/fairs/',
      fair,
      code,
      '/decisions/',
      decision,
      '/verify/',
      '/verify/?q=3116%2FQ%C4%90-BCT',
      '/search/?q=tra',
      '/stats/',
      '/data/',
      '/en/',
      `/en${product}`,
    ];
    for (const path of pages) {
      await page.goto(path);
      const about = page
        .getByRole('contentinfo')
        .getByRole('link', { name: path.startsWith('/en/') ? 'About this registry' : 'Giới thiệu' });
      await expect(about, path).toHaveAttribute('href', path.startsWith('/en/') ? '/en/about/' : '/about/');
    }
    await page.getByRole('contentinfo').getByRole('link', { name: 'About this registry' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'About this registry' })).toBeVisible();
  });

  test('a visitor reads who runs it, the rules, the legal basis and how complete the data are', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('contentinfo').getByRole('link', { name: 'Giới thiệu' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Giới thiệu' })).toBeVisible();
    // No agency is configured on the test site: the page says so instead of naming one.
    await expect(page.locator('[data-agency-missing]')).toContainText('chưa được cấu hình');
    await expect(page.getByRole('listitem').filter({ hasText: /^Thông tư 26\/2014\/TT-BCT quy định/ })).toBeVisible();
    await expect(page.getByText(/46\/VBHN-BCT/)).toBeVisible();
    await expect(page.locator('[data-validity-rule]')).toContainText('chứng nhận năm 2023 có hiệu lực đến 31/12/2026');
    const rounds = page.getByRole('table', { name: 'Mức độ đầy đủ theo kỳ bình chọn' });
    await expect(rounds.getByRole('rowheader', { name: 'Quốc gia 2023' })).toBeVisible();
    await page.getByRole('link', { name: 'Quyền riêng tư' }).click();
    await expect(page.locator('#privacy')).toContainText('không dùng cookie');
    await expectNoAxeViolations(page);
  });
});

test.describe('reporting a mistake', () => {
  test('a visitor reports a mistake on a product page, and an editor closes it with a note', async ({ page, isMobile }) => {
    test.skip(isMobile, 'stores a report: once per run, so the per-address limit is never in the way');
    const product = await firstHref(page, '/products/', /^\/products\/[a-z0-9-]+\/$/);
    await page.goto(product);
    const name = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
    await page.getByRole('link', { name: 'Báo lỗi trên trang này' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Báo lỗi' })).toBeVisible();
    await expect(page.getByRole('link', { name: product })).toBeVisible();

    // Nothing typed: the form comes back with the reason, in Vietnamese.
    await page.getByLabel('Điều gì chưa đúng?').fill('   ');
    await page.getByRole('button', { name: 'Gửi báo lỗi' }).click();
    await expect(page.getByRole('alert')).toContainText('Hãy viết điều chưa đúng.');
    await expectNoAxeViolations(page);

    const message = `Tên cơ sở của “${name}” bị viết sai (kiểm thử ${Date.now()})`;
    await page.getByLabel('Điều gì chưa đúng?').fill(message);
    await page.getByLabel('Cách liên hệ với bạn (không bắt buộc)').fill('nguoi.xem@example.vn');
    await page.getByRole('button', { name: 'Gửi báo lỗi' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Cảm ơn bạn' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Quay lại trang' }).click();
    await expect(page).toHaveURL(new RegExp(`${product}$`));

    await signInAs(page, 'editor', PUBLIC_SITE);
    await page.goto('/admin/');
    await expect(page.locator('[data-open-reports]')).toContainText(/\d+ báo lỗi đang mở/);
    await page.locator('[data-open-reports]').getByRole('link').click();
    const row = page.getByRole('row').filter({ hasText: message });
    await expect(row).toContainText('nguoi.xem@example.vn');
    await expect(row.getByRole('link', { name: product })).toHaveAttribute('href', product);
    await row.getByLabel('Ghi chú (không bắt buộc)').fill('Đã sửa tên cơ sở');
    await row.getByRole('button', { name: /Đóng báo lỗi/ }).click();
    await expect(page.getByRole('status')).toContainText('Đã đóng báo lỗi');
    await expect(page.getByRole('row').filter({ hasText: message })).toHaveCount(0);
    await page.getByRole('link', { name: 'Đã đóng' }).click();
    await expect(page.getByRole('row').filter({ hasText: message })).toContainText('Đã sửa tên cơ sở');
  });

  test('an English visitor gets the form and its errors in English, and a forged post is refused', async ({ page, request, baseURL }) => {
    await page.goto('/en/');
    await page.getByRole('contentinfo').getByRole('link', { name: 'About this registry' }).click();
    await page.getByRole('link', { name: 'Send a report' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Report a mistake' })).toBeVisible();
    await page.getByRole('button', { name: 'Send the report' }).click({ noWaitAfter: true });
    // The browser's own check stops an empty required field; with it bypassed the server answers in English.
    await page.locator('form.report-form').evaluate((f: HTMLFormElement) => f.setAttribute('novalidate', ''));
    await page.getByRole('button', { name: 'Send the report' }).click();
    await expect(page.getByRole('alert')).toContainText('Please say what is wrong.');
    await expectNoAxeViolations(page);

    const forged = await request.post('/en/report/', {
      headers: { Origin: 'https://evil.example' },
      form: { page: '/en/', message: 'forged' },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(403);
    const tooLarge = await request.post('/en/report/', {
      headers: { Origin: baseURL!.replace(/\/$/, '') },
      form: { page: '/en/', message: 'x'.repeat(40_000) },
      maxRedirects: 0,
    });
    expect(tooLarge.status()).toBe(413);
  });
});
