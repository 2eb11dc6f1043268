import { FAIR_SITE } from './support/sites.ts';
import { expect, test, type Page } from '@playwright/test';
import { compareBoothCodes } from '#domain/fairs.ts';
import { axeScan, WCAG_AND_BEST_PRACTICE } from './support/axe.ts';

// Runs against a site whose 2024 northern fair has (sample) exhibitors in more than one hall.
test.use({ baseURL: FAIR_SITE.url });

const FAIR = '/fairs/hoi-cho-trien-lam-hang-cong-nghiep-nong-thon-tieu-bieu-khu-vuc-phia-bac-nam-2024';

/** A fair that no seed gives exhibitors. */
const EMPTY_FAIR = '/fairs/trien-lam-hoi-cho-hang-cong-nghiep-nong-thon-tieu-bieu-nam-2019';

const exhibitorList = (page: Page) => page.getByRole('list', { name: /^(Đơn vị trưng bày|Exhibitors) \(\d+\)$/ });
const exhibitorItems = (page: Page) => exhibitorList(page).locator(':scope > li');

async function expectNoAxeViolations(page: Page) {
  const results = await axeScan(page, WCAG_AND_BEST_PRACTICE);
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test.describe('an organiser printing the fair catalogue', () => {
  test('finds the exhibitors in natural booth order, A2 before A10', async ({ page }) => {
    await page.goto(`${FAIR}/print/`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('khu vực phía Bắc năm 2024');
    const codes = (await exhibitorItems(page).locator('.booth').allTextContents()).map((c) => c.trim());
    expect(codes.length).toBeGreaterThan(10);
    expect(codes).toEqual([...codes].sort(compareBoothCodes));
    expect(codes.indexOf('A2')).toBeGreaterThanOrEqual(0);
    expect(codes.indexOf('A2')).toBeLessThan(codes.indexOf('A10'));
  });

  test('gets a QR code, contacts or their absence, and products for every exhibitor', async ({ page }) => {
    await page.goto(`${FAIR}/print/`);
    const items = exhibitorItems(page);
    const count = await items.count();
    expect(count).toBeGreaterThan(0);
    await expect(exhibitorList(page).getByRole('img', { name: /^Mã QR tới trang của .+ trên sổ đăng ký$/ })).toHaveCount(count);
    await expect(exhibitorList(page).locator('svg path')).toHaveCount(count);
    for (const item of await items.all()) {
      await expect(item.getByRole('heading', { level: 3 })).not.toBeEmpty();
      await expect(item.locator('.contacts, .no-contacts')).toHaveCount(1);
    }
  });

  test('sees the sample-data mark at the top, in the footer, and in English too', async ({ page }) => {
    await page.goto(`${FAIR}/print/`);
    await expect(page.locator('main .sample-mark').first()).toContainText('Dữ liệu minh họa / Sample data');
    await expect(page.getByRole('contentinfo')).toContainText('Dữ liệu minh họa / Sample data');
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
    await expect(page.getByRole('link', { name: /Về trang hội chợ/ })).toHaveAttribute('href', `${FAIR}/`);

    await page.goto(`/en${FAIR}/print/`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('main .sample-mark').first()).toContainText('Sample data');
    await expect(
      exhibitorList(page)
        .getByRole('img', { name: /^QR code to the registry page of / })
        .first(),
    ).toBeVisible();
  });

  test('prints without the site header, navigation or search', async ({ page }) => {
    await page.goto(`${FAIR}/print/`);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation')).toHaveCount(0);
    await expect(page.getByRole('search')).toHaveCount(0);
    await expect(page.getByRole('link', { name: /Về trang hội chợ/ })).toBeHidden();
  });

  for (const path of [`${FAIR}/print/`, `/en${FAIR}/print/`, `${FAIR}/posters/`, `/en${FAIR}/posters/`, `${EMPTY_FAIR}/print/`]) {
    test(`${path} has no axe violations`, async ({ page }) => {
      await page.goto(path);
      await expectNoAxeViolations(page);
    });
  }
});

test.describe('an organiser printing a fair without exhibitors', () => {
  test('reads plainly that none are listed, on the catalogue and the posters', async ({ page }) => {
    await page.goto(`${EMPTY_FAIR}/print/`);
    await expect(page.getByText('Chưa có đơn vị trưng bày nào được ghi nhận cho hội chợ này.')).toBeVisible();
    await expect(page.locator('.sample-mark')).toHaveCount(0);
    await page.goto(`/en${EMPTY_FAIR}/posters/`);
    await expect(page.getByText('No exhibitors are listed for this fair.')).toBeVisible();
    await expect(page.getByRole('region')).toHaveCount(0);
  });
});

test.describe('an organiser printing booth posters', () => {
  test('gets one poster per exhibitor, each with its booth code and a QR code', async ({ page }) => {
    await page.goto(`${FAIR}/print/`);
    const codes = (await exhibitorItems(page).locator('.booth').allTextContents()).map((c) => c.trim());

    await page.goto(`${FAIR}/posters/`);
    const posters = page.getByRole('region');
    await expect(posters).toHaveCount(codes.length);
    expect(
      (await posters.locator('.poster-booth').allTextContents()).map((t) =>
        t
          .replace(/^Gian\s*/, '')
          .replace(/\s*·.*$/, '')
          .trim(),
      ),
    ).toEqual(codes);
    await expect(posters.getByRole('img', { name: /^Mã QR tới trang của / })).toHaveCount(codes.length);
    await expect(posters.first()).toContainText('Dữ liệu minh họa / Sample data');
  });
});

test.describe('an organiser downloading the exhibitor list', () => {
  test('gets a UTF-8 CSV with a BOM, the header row and every sample row marked', async ({ page, request }) => {
    await page.goto(`${FAIR}/print/`);
    const count = await exhibitorItems(page).count();

    const response = await request.get(`${FAIR}/exhibitors.csv`);
    expect(response.ok()).toBe(true);
    expect(response.headers()['content-type']).toMatch(/^text\/csv/);
    const body = await response.body();
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = body.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe(
      'Gian hàng,Khu,Cơ sở,Tỉnh/thành,Sản phẩm trưng bày,Chứng nhận,Địa chỉ,Điện thoại,Email,Trang web,Trang trên sổ đăng ký,Dữ liệu minh họa',
    );
    const rows = lines.slice(1, -1);
    expect(rows).toHaveLength(count);
    for (const row of rows) expect(row).toMatch(/,có$/);
    expect(lines.at(-1)).toBe('');
  });

  test('gets the English CSV with English headers', async ({ request }) => {
    const text = (await (await request.get(`/en${FAIR}/exhibitors.csv`)).body()).subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe(
      'Booth,Hall,Exhibitor,Province,Products shown,Certification,Address,Phone,Email,Website,Registry page,Sample data',
    );
  });
});
