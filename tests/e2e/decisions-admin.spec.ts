import { expect, test, type Page } from '@playwright/test';
import { cleanPdf, hiddenJsPdf } from '../support/pdf-factory.ts';
import { STAFF_SITE } from './support/sites.ts';
import { signInAs } from './support/staff.ts';
import { axeScan } from './support/axe.ts';

/** A recognition decision as staff record it (issue #16): the record, its PDF, and a certification that points to it. */

// The story writes: it runs on the staff site, which no visitor story reads (tests/e2e/support/sites.ts).
test.use({ baseURL: STAFF_SITE.url });

async function signInAsEditor(page: Page) {
  await signInAs(page, 'editor');
  await page.goto('/admin/');
  await expect(page.getByRole('heading', { level: 1, name: 'Tổng quan' })).toBeVisible();
}

/** A full-page screenshot to look at: phones at 375 px wide (the viewport is put back after), desktops as they are. */
async function screenshot(page: Page, path: string, isMobile: boolean) {
  const size = page.viewportSize();
  if (isMobile) await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path, fullPage: true });
  if (isMobile && size) await page.setViewportSize(size);
}

const axe = async (page: Page) => (await axeScan(page)).violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`);

test('an editor records a decision, uploads its PDF (a scripted one is refused), and links a certification to it', async ({
  page,
  isMobile,
}, testInfo) => {
  test.setTimeout(300_000);
  // Each project writes its own decision and certification (a commune-level round of its own year).
  const number = `${isMobile ? 7701 : 7702}/QĐ-UBND`;
  const year = isMobile ? '2022' : '2024';
  await signInAsEditor(page);

  // The list, then a new decision: a regional level without a region is explained beside the field.
  await page.goto('/admin/decisions/');
  await expect(page.getByRole('heading', { level: 1, name: 'Quyết định công nhận' })).toBeVisible();
  expect(await axe(page)).toEqual([]);
  await screenshot(page, testInfo.outputPath('list.png'), isMobile);
  await page.getByRole('link', { name: 'Thêm quyết định' }).click();
  await page.getByRole('textbox', { name: 'Số quyết định', exact: true }).fill(number);
  await page.getByLabel('Ngày quyết định').fill(`${year}-06-15`);
  await page.getByLabel('Tên cơ quan ban hành như văn bản').fill('UBND xã Tân Cương');
  await page.getByRole('combobox', { name: /^Cấp\b/ }).selectOption({ label: 'Cấp khu vực' });
  await page.getByLabel('Năm công nhận').fill(year);
  await page.getByLabel('Số sản phẩm được công nhận').fill('12');
  await page.getByLabel('Nguồn').fill('http://tancuong.thainguyen.gov.vn/qd');
  await page.getByRole('button', { name: 'Thêm' }).click();
  await expect(page.locator('#regionCode-error')).toHaveText('Quyết định cấp khu vực cần chọn khu vực.');
  expect(await axe(page)).toEqual([]);
  await page.getByRole('combobox', { name: /^Cấp\b/ }).selectOption({ label: 'Cấp xã' });
  await page.getByRole('button', { name: 'Thêm' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã thêm' })).toContainText('Đã thêm');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Quyết định ${number} — UBND xã Tân Cương`);
  const decisionUrl = page.url().replace(/\?.*$/, '');

  // A PDF that hides JavaScript in a compressed object stream is refused, and nothing changes.
  const documentPanel = page.locator('#document');
  await expect(documentPanel.getByText('Chưa có văn bản PDF.')).toBeVisible();
  await documentPanel
    .getByLabel(/^Tệp PDF/)
    .setInputFiles({ name: 'qd.pdf', mimeType: 'application/pdf', buffer: Buffer.from(hiddenJsPdf()) });
  const refused = page.waitForResponse((r) => r.request().method() === 'POST');
  await documentPanel.getByRole('button', { name: 'Tải văn bản lên' }).click();
  expect((await refused).status()).toBe(422);
  await expect(page.getByRole('heading', { level: 1, name: 'Không lưu được văn bản' })).toBeVisible();
  await expect(page.getByText(/chứa mã JavaScript/)).toBeVisible();
  await page.getByRole('link', { name: '← Quay lại / Back' }).click();
  await expect(page.locator('#document').getByText('Chưa có văn bản PDF.')).toBeVisible();

  // The clean PDF is kept under its name, downloadable by staff, public while the decision is published.
  await documentPanel.getByLabel(/^Tệp PDF/).setInputFiles({
    name: `Quyết định ${number.replace('/', '-')}.pdf`,
    mimeType: 'application/pdf',
    buffer: Buffer.from(cleanPdf()),
  });
  await documentPanel.getByRole('button', { name: 'Tải văn bản lên' }).click();
  await expect(documentPanel.getByRole('status')).toHaveText('Đã lưu văn bản PDF.');
  const download = documentPanel.getByRole('link', { name: `Quyết định ${number.replace('/', '-')}.pdf` });
  await expect(download).toBeVisible();
  const staffCopy = await page.request.get((await download.getAttribute('href'))!);
  expect(staffCopy.status()).toBe(200);
  expect(staffCopy.headers()['content-type']).toBe('application/pdf');
  expect(staffCopy.headers()['content-security-policy']).toBe("default-src 'none'; sandbox");
  const publicHref = (await documentPanel.getByRole('link', { name: 'bản công khai' }).getAttribute('href'))!;
  expect(publicHref).toMatch(/^\/documents\/[0-9a-f]{64}\.pdf$/);
  expect(await axe(page)).toEqual([]);
  await screenshot(page, testInfo.outputPath('decision.png'), isMobile);

  // A certification of the first product gets the decision; its empty number is filled from it.
  await page.goto('/admin/products/');
  await page.locator('table.admin-table tbody tr').first().getByRole('link').click();
  await page.getByRole('link', { name: 'Thêm chứng nhận cho sản phẩm này' }).click();
  await page.getByRole('combobox', { name: /^Cấp\b/ }).selectOption({ label: 'Cấp xã' });
  await page.getByLabel('Năm công nhận').fill(year);
  // Pickers are islands hydrated when they come into view (client:visible).
  await page.locator('#field-provinceId').scrollIntoViewIfNeeded();
  await page.getByRole('combobox', { name: 'Tỉnh/thành khi công nhận' }).fill('thai nguyen');
  await page.getByRole('option', { name: /Thái Nguyên\s*Tỉnh\/thành hiện nay/ }).click();
  await page.getByLabel('Quyết định công nhận').selectOption({ label: `${number} (${year}-06-15) — UBND xã Tân Cương` });
  await page.getByRole('button', { name: 'Thêm' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã thêm' })).toContainText('Đã thêm');
  await expect(page.getByRole('textbox', { name: 'Số quyết định', exact: true })).toHaveValue(number);
  expect(await axe(page)).toEqual([]);

  // The decision lists it; its history shows the upload.
  await page.goto(decisionUrl);
  await expect(page.getByRole('heading', { name: 'Chứng nhận theo quyết định này (1)' })).toBeVisible();
  await page.getByRole('link', { name: 'Lịch sử thay đổi' }).click();
  await expect(
    page
      .locator('ol.history > li')
      .first()
      .getByRole('row', { name: /Văn bản PDF/ }),
  ).toContainText(number.replace('/', '-'));
  expect(await axe(page)).toEqual([]);

  // The public copy: the same bytes, inline under its Vietnamese name, sandboxed, never sniffed.
  const publicCopy = await page.request.get(publicHref);
  expect(publicCopy.status()).toBe(200);
  expect(publicCopy.headers()).toMatchObject({
    'content-type': 'application/pdf',
    'content-security-policy': "default-src 'none'; sandbox",
    'x-content-type-options': 'nosniff',
  });
  expect(publicCopy.headers()['content-disposition']).toMatch(/^inline; filename="quyet-dinh-[^"]+\.pdf"; filename\*=UTF-8''Quy%E1%BA%BFt/);
  expect(Buffer.from(await publicCopy.body()).equals(Buffer.from(cleanPdf()))).toBe(true);
});

test('the document route serves nothing it does not know', async ({ request, isMobile }) => {
  test.skip(isMobile, 'HTTP only: one project is enough');
  for (const path of [`/documents/${'0'.repeat(64)}.pdf`, '/documents/../registry.db', '/documents/abc.pdf']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
  }
});
