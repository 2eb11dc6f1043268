import { expect, test, type Page } from '@playwright/test';
import { STAFF_SITE, type StaffRole } from './support/sites.ts';
import { signInAs } from './support/staff.ts';
import { axeScan } from './support/axe.ts';

// These stories publish: they run on the staff site, which no visitor story reads (tests/e2e/support/sites.ts).
test.use({ baseURL: STAFF_SITE.url });

async function signIn(page: Page, role: StaffRole) {
  await signInAs(page, role);
  await page.goto('/admin/');
  await expect(page.getByRole('heading', { level: 1, name: 'Tổng quan' })).toBeVisible();
}

// Both stories publish the staff site: they run one after the other, in one worker.
test.describe.configure({ mode: 'serial' });

test('an editor renames a product, an admin publishes, and the public page and the search show the new name', async ({
  browser,
  isMobile,
}) => {
  test.skip(isMobile, 'one run publishes the staff site');
  test.setTimeout(180_000);
  const editorContext = await browser.newContext();
  const editor = await editorContext.newPage();
  await signIn(editor, 'editor');
  await editor.goto('/admin/products/?q=goi%20he');
  await editor.getByRole('link', { name: 'Gọi hè', exact: true }).click();
  await editor.getByLabel('Tên sản phẩm').fill('Gọi hè Văn Long');
  await editor.getByRole('button', { name: 'Lưu' }).click();
  await expect(editor.getByRole('status').filter({ hasText: 'Trang công khai cập nhật sau lần xuất bản tới' })).toContainText(
    'Trang công khai cập nhật sau lần xuất bản tới',
  );
  await editor.getByRole('link', { name: 'Trang công khai' }).click();
  // Not yet published: visitors still see the old name.
  await expect(editor.getByRole('heading', { level: 1 })).toHaveText('Gọi hè');
  const publicUrl = editor.url();
  // Editors cannot publish.
  expect((await editor.request.get('/admin/releases/', { maxRedirects: 0 })).status()).toBe(403);
  await editorContext.close();

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, 'admin');
  await admin.getByRole('navigation', { name: 'Quản trị' }).getByRole('link', { name: 'Xuất bản' }).click();
  const before = await admin.getByRole('row', { name: /đang phục vụ/ }).textContent();
  await admin.getByRole('button', { name: 'Xuất bản ngay' }).click();
  // The page streams the steps as they finish, then the outcome, with no reload and no script.
  await expect(admin.getByRole('heading', { name: 'Đang xuất bản…' })).toBeVisible();
  await expect(admin.getByRole('listitem').filter({ hasText: 'Sao lưu dữ liệu: xong' })).toBeVisible({ timeout: 60_000 });
  await expect(admin.getByRole('status').filter({ hasText: 'Xuất bản thành công' })).toBeVisible({ timeout: 150_000 });
  await expect(admin.getByRole('listitem')).toContainText(['Dựng trang: xong', 'Kiểm tra: xong', 'Chuyển sang bản mới: xong']);
  const servedRow = admin.getByRole('row', { name: /đang phục vụ/ });
  await expect(servedRow).not.toHaveText(before!);
  // Its list of changes names the rename (other stories may have saved records too).
  await expect(servedRow).toContainText(/\d+ sản phẩm/);
  expect((await axeScan(admin)).violations.map((v) => v.id)).toEqual([]);

  // The same server now serves the new release: the page and the search know the new name.
  await admin.goto(publicUrl);
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Gọi hè Văn Long');
  await admin.goto('/search/?q=goi%20he%20van%20long');
  await expect(admin.getByRole('link', { name: /Gọi hè Văn Long/ }).first()).toBeVisible();
  // The change feed names the release and the renamed product's certifications, field by field.
  const feed = await (await admin.request.get('/en/feed.xml')).text();
  expect(feed).toMatch(/<title>Release \d+ \w+ \d{4} \d\d:\d\d: [^<]*\d+ changed/);
  expect(feed).toContain('<title>Changed: Gọi hè Văn Long — ');
  expect(feed).toContain('product name: Gọi hè → Gọi hè Văn Long');

  // Rolling back serves the previous release again (admins only, audited).
  await admin.goto('/admin/releases/');
  const previous = admin
    .getByRole('row')
    .filter({ hasNotText: 'đang phục vụ' })
    .filter({ has: admin.getByRole('button') })
    .first();
  await previous.getByRole('button', { name: 'Phục vụ lại bản này' }).click();
  await expect(admin.getByRole('status').filter({ hasText: 'Đang phục vụ lại bản' })).toBeVisible();
  await admin.goto(publicUrl);
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Gọi hè');
  await adminContext.close();
});

const LIST_HEADER = 'product_name,producer,province,level,year';
const GOOD_ROWS = [
  'Khăn lụa Vạn Phúc mẫu nhập,HTX Lụa Vạn Phúc mẫu nhập,Hà Nội,cấp tỉnh,2025',
  'Tương bần mẫu nhập,Cơ sở Tương bần mẫu nhập,Hưng Yên,cấp tỉnh,2025',
];
const csvFile = (name: string, rows: string[]) => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from(`\uFEFF${[LIST_HEADER, ...rows].join('\r\n')}\r\n`),
});

test('an editor imports a list with two bad rows, sees them in the preview, fixes the file and commits; after publishing the products are on the site', async ({
  browser,
  isMobile,
}) => {
  test.skip(isMobile, 'one run publishes the staff site');
  test.setTimeout(240_000);
  const editorContext = await browser.newContext();
  const editor = await editorContext.newPage();
  await signIn(editor, 'editor');
  await editor.getByRole('navigation', { name: 'Quản trị' }).getByRole('link', { name: 'Nhập danh sách' }).click();
  await expect(editor.getByRole('heading', { level: 1 })).toHaveText('Nhập danh sách');
  await editor
    .getByLabel(/Tệp danh sách/)
    .setInputFiles(
      csvFile('dot-2025.csv', [
        ...GOOD_ROWS,
        'Nón lá mẫu nhập,Cơ sở Nón mẫu nhập,Huế,cấp huyện lạ,2025',
        'Chổi đót mẫu nhập,Cơ sở Chổi mẫu nhập,Lạng Sơn,cấp tỉnh,20x5',
      ]),
    );
  await editor.getByRole('button', { name: 'Xem trước' }).click();

  // The preview: every row with its status, the two bad ones with their reasons. Nothing written yet.
  await expect(editor.getByRole('heading', { level: 1 })).toHaveText('Nhập danh sách: dot-2025.csv');
  await expect(editor.getByRole('status').filter({ hasText: 'dòng:' })).toHaveText('4 dòng: 2 mới, 0 cập nhật, 0 trùng, 2 lỗi.');
  const errors = editor.getByRole('row').filter({ hasText: 'Lỗi' });
  await expect(errors).toHaveCount(2);
  await expect(errors.first()).toContainText('cột level: không rõ cấp “cấp huyện lạ”');
  await expect(errors.last()).toContainText('cột year: “20x5” không phải năm 4 chữ số');
  expect((await axeScan(editor)).violations.map((v) => v.id)).toEqual([]);

  // The rejected rows, with their reasons, as a file to fix.
  const downloading = editor.waitForEvent('download');
  await editor.getByRole('link', { name: /Tải các dòng lỗi/ }).click();
  const rejected = await (await downloading).createReadStream().then(async (stream) => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  });
  expect(rejected).toContain('Lý do / Reason');
  expect(rejected).toContain('Nón lá mẫu nhập');
  expect(rejected).not.toContain('Khăn lụa');

  // All or nothing (the default): refused whole.
  await editor.getByRole('button', { name: 'Nhập vào sổ' }).click();
  await expect(editor.getByRole('alert')).toContainText('Không nhập gì: 2 dòng có lỗi');

  // The fixed file, uploaded again: four new rows, committed.
  await editor.getByRole('link', { name: '← Nhập danh sách khác' }).click();
  await editor
    .getByLabel(/Tệp danh sách/)
    .setInputFiles(
      csvFile('dot-2025-sua.csv', [
        ...GOOD_ROWS,
        'Nón lá mẫu nhập,Cơ sở Nón mẫu nhập,Huế,cấp tỉnh,2025',
        'Chổi đót mẫu nhập,Cơ sở Chổi mẫu nhập,Lạng Sơn,cấp tỉnh,2025',
      ]),
    );
  await editor.getByRole('button', { name: 'Xem trước' }).click();
  await expect(editor.getByRole('status').filter({ hasText: 'dòng:' })).toHaveText('4 dòng: 4 mới, 0 cập nhật, 0 trùng, 0 lỗi.');
  await editor.getByRole('button', { name: 'Nhập vào sổ' }).click();
  await expect(editor.getByRole('status').filter({ hasText: 'Đã nhập' })).toContainText('4 chứng nhận mới, 4 sản phẩm mới, 4 cơ sở mới');
  await expect(editor.getByRole('link', { name: 'Chổi đót mẫu nhập' })).toBeVisible();
  expect((await axeScan(editor)).violations.map((v) => v.id)).toEqual([]);
  await editorContext.close();

  // An admin publishes; the new products are found on the site.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, 'admin');
  await admin.goto('/admin/releases/');
  await admin.getByRole('button', { name: 'Xuất bản ngay' }).click();
  await expect(admin.getByRole('status').filter({ hasText: 'Xuất bản thành công' })).toBeVisible({ timeout: 180_000 });
  await admin.goto('/search/?q=khan%20lua%20van%20phuc%20mau%20nhap');
  await admin
    .getByRole('region', { name: /Sản phẩm/ })
    .getByRole('link', { name: 'Khăn lụa Vạn Phúc mẫu nhập' })
    .click();
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Khăn lụa Vạn Phúc mẫu nhập');
  await expect(admin.getByRole('main')).toContainText('HTX Lụa Vạn Phúc mẫu nhập');
  // The change feed and the change log list the four new certifications.
  const feed = await (await admin.request.get('/feed.xml')).text();
  expect(feed).toContain('<title>Công nhận mới: Khăn lụa Vạn Phúc mẫu nhập — Cấp tỉnh 2025</title>');
  expect(feed).toContain('<title>Công nhận mới: Chổi đót mẫu nhập — Cấp tỉnh 2025</title>');
  const log = (await (await admin.request.get('/data/changes.json')).json()) as {
    releases: { baseline: boolean; events: { kind: string; certification: { product: string } }[] }[];
  };
  const added = log.releases[0]!.events.filter((e) => e.kind === 'added').map((e) => e.certification.product);
  // (Other stories on this shared site may have added records of their own since the release it compares with.)
  expect(added).toEqual(
    expect.arrayContaining(['Chổi đót mẫu nhập', 'Khăn lụa Vạn Phúc mẫu nhập', 'Nón lá mẫu nhập', 'Tương bần mẫu nhập']),
  );
  await adminContext.close();
});
