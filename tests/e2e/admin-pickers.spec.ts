import { expect, test, type Page } from '@playwright/test';
import { STAFF_SITE } from './support/sites.ts';
import { signInAs } from './support/staff.ts';
import { axeScan } from './support/axe.ts';

// #20.1: the searching pickers, on the staff site (the stories save records), signed in by a session cookie.
test.use({ baseURL: STAFF_SITE.url });
// Admin pages render on demand on a shared machine: give a story room.
test.describe.configure({ timeout: 120_000 });

async function signIn(page: Page) {
  await signInAs(page, 'editor');
  await page.goto('/admin/');
  await expect(page.getByRole('heading', { level: 1, name: 'Tổng quan' })).toBeVisible();
}

const axe = async (page: Page) => (await axeScan(page)).violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`);

test('an editor picks an establishment by typing "hop tac xa che" with the keyboard only, and saves', async ({
  page,
  isMobile,
}, testInfo) => {
  // The phone project at the narrowest phone the brief names; the desktop project at 1280 px.
  await page.setViewportSize(isMobile ? { width: 375, height: 800 } : { width: 1280, height: 900 });
  await signIn(page);
  const name = `Chè búp ${isMobile ? 'điện thoại' : 'máy tính'} ${Date.now().toString(36)}`;
  await page.goto('/admin/products/new/');
  await page.getByLabel('Tên sản phẩm').fill(name);

  // client:visible: the island hydrates once its field is on screen (below the fold on a phone).
  await page.locator('#field-establishmentId').scrollIntoViewIfNeeded();
  const picker = page.getByRole('combobox', { name: 'Cơ sở sản xuất' });
  await picker.focus();
  await page.keyboard.type('hop tac xa che');
  const list = page.getByRole('listbox', { name: 'Kết quả tìm cơ sở' });
  await expect(list).toBeVisible();
  await expect(picker).toHaveAttribute('aria-expanded', 'true');
  // Every answer holds the words without marks, whichever way the legal form is written. The list first shows
  // the answers to the words typed so far ("hop tac xa"): wait until it answers the whole query.
  await expect(async () => {
    const labels = await list.locator('.picker-label').allTextContents();
    expect(labels.length).toBeGreaterThan(1);
    for (const label of labels) expect(label).toMatch(/^(Hợp tác xã|HTX) ch/i);
  }).toPass({ timeout: 15_000 });
  // Province and level are shown beside each name.
  await expect(list.getByRole('option').first()).toContainText(/ · Hợp tác xã · Cấp /);

  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const active = page.locator(`#${await picker.getAttribute('aria-activedescendant')}`);
  await expect(active).toHaveAttribute('aria-selected', 'true');
  const chosen = (await active.locator('.picker-label').textContent())!;
  await page.screenshot({ path: testInfo.outputPath(`picker-open-${isMobile ? 375 : 1280}.png`), fullPage: false });
  expect(await axe(page)).toEqual([]);

  await page.keyboard.press('Enter');
  await expect(picker).toHaveValue(chosen);
  await expect(picker).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByText(`Đang chọn: ${chosen}`)).toBeVisible();
  // Enter again, the list closed: the form is submitted.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Đã thêm' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  // The picker is an island hydrated when it comes into view (client:visible).
  await page.locator('#field-establishmentId').scrollIntoViewIfNeeded();
  await expect(page.getByRole('combobox', { name: 'Cơ sở sản xuất' })).toHaveValue(chosen);
  await page.screenshot({ path: testInfo.outputPath(`picker-saved-${isMobile ? 375 : 1280}.png`), fullPage: true });
  expect(await axe(page)).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the picker is a plain input the server resolves by name, and an ambiguous name is explained', async ({ page, isMobile }) => {
    test.skip(isMobile, 'one run is enough for a server answer');
    await signIn(page);
    await page.goto('/admin/establishments/new/');
    const name = `Cơ sở không script ${Date.now().toString(36)}`;
    await page.getByLabel('Tên cơ sở').fill(name);
    await page.getByLabel('Tỉnh/thành').fill('Hà Nội');
    await page.getByRole('button', { name: 'Thêm' }).click();
    await expect(page.locator('#provinceId-error')).toContainText('Có nhiều tỉnh/thành tên “Hà Nội”');
    await expect(page.locator('#provinceId-error')).toContainText('mã ha-noi-truoc-2025');
    await page.getByLabel('Tỉnh/thành').fill('ha-noi');
    await page.getByRole('button', { name: 'Thêm' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Đã thêm' })).toContainText('Đã thêm');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    // axe needs scripts to run: the same form is scanned with JavaScript in the story above.
  });
});
