import { readFileSync } from 'node:fs';
import { FAIR_SITE } from './support/sites.ts';
import { expect, test, type Page } from '@playwright/test';
import { readSeedCsv } from '#db/reference.ts';
import { compareBoothCodes } from '#domain/fairs.ts';
import { axeScan } from './support/axe.ts';

/** The fair site (playwright.config.ts): the real seed plus factory exhibitors at the 2024 northern fair. */

const FAIR = '/fairs/hoi-cho-trien-lam-hang-cong-nghiep-nong-thon-tieu-bieu-khu-vuc-phia-bac-nam-2024/';

const exhibitors = (page: Page) => page.locator('[data-exhibitors] > li:not([hidden])');
const count = (page: Page) => page.locator('[data-count]');
const boothsShown = (page: Page) => exhibitors(page).evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset['booth']!));

/** Opens the filters if they are folded (phones). */
async function openFilters(page: Page) {
  const box = page.locator('[data-filters-box]');
  if (!(await box.evaluate((d: HTMLDetailsElement) => d.open))) await box.locator('summary').click();
}

test.describe('the fairs of the real seed (no exhibitor list is published)', () => {
  test('lists past fairs with facts, opens one, and says plainly that no exhibitor list exists', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Chính' }).getByRole('link', { name: 'Hội chợ' }).click();
    await expect(page).toHaveURL(/\/fairs\/$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Hội chợ triển lãm' })).toBeVisible();
    const past = page.getByRole('region', { name: /Đã diễn ra/ });
    await expect(past.locator('li.fair-card').filter({ hasText: '270 gian hàng' })).toHaveCount(1);
    const jsonLd = await page.locator('script[type="application/ld+json"]').allTextContents();
    expect(jsonLd.filter((t) => t.includes('"ExhibitionEvent"')).length).toBe(readSeedCsv('fairs.csv').length);

    await past.getByRole('link', { name: /khu vực phía Bắc năm 2024/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('khu vực phía Bắc năm 2024');
    await expect(page.getByText('16/05/2024 – 19/05/2024')).toBeVisible();
    await expect(page.getByText(/Chưa có danh sách đơn vị trưng bày/)).toBeVisible();
    await expect(page.locator('[data-sample-note]')).toHaveCount(0);
    expect(await page.locator('script:not([type="application/ld+json"])').count()).toBeLessThanOrEqual(1);
  });
});

test.describe('a buyer at the fair', () => {
  test.use({ baseURL: FAIR_SITE.url });

  test('sees the exhibitors in booth order with the sample mark, filters by group and province, and opens one', async ({ page }) => {
    await page.goto(FAIR);
    await expect(page.locator('[data-sample-note]')).toContainText('Dữ liệu minh họa / sample data');
    await expect(count(page)).toHaveText('60 đơn vị phù hợp');
    const booths = await boothsShown(page);
    expect(booths).toEqual([...booths].sort(compareBoothCodes));
    expect(booths.slice(0, 11)).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8', 'A9', 'A10', 'A11']);

    await openFilters(page);
    const group = page.getByLabel('Nhóm sản phẩm');
    await group.selectOption({ index: 1 });
    const groupValue = await group.inputValue();
    await expect(page).toHaveURL(new RegExp(`group=${groupValue}`));
    const afterGroup = Number((await count(page).textContent())!.split(' ')[0]);
    expect(afterGroup).toBeGreaterThan(0);
    expect(afterGroup).toBeLessThan(60);
    for (const groups of await exhibitors(page).evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset['groups']!)))
      expect(groups.split(' ')).toContain(groupValue);

    const province = page.getByLabel('Tỉnh/thành (hiện nay)');
    const provinceOption = await exhibitors(page).first().getAttribute('data-province');
    await province.selectOption(provinceOption);
    await expect(page).toHaveURL(new RegExp(`province=${provinceOption}`));
    const shown = await exhibitors(page).count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThanOrEqual(afterGroup);
    for (const p of await exhibitors(page).evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset['province'])))
      expect(p).toBe(provinceOption);
    await expect(count(page)).toHaveText(`${shown} đơn vị phù hợp`);

    // The filters survive a reload through the address.
    await page.reload();
    await expect(exhibitors(page)).toHaveCount(shown);

    const first = exhibitors(page).first();
    const name = (await first.getAttribute('data-name'))!;
    await first.getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Hội chợ đã tham gia' })).toContainText('khu vực phía Bắc năm 2024');
  });

  test('searches without marks, by an old province name and by booth number; the plan highlights the matches', async ({ page }) => {
    await page.goto(FAIR);
    const search = page.getByRole('searchbox', { name: 'Tìm trong danh sách gian hàng' });
    const name = (await exhibitors(page).nth(4).getAttribute('data-name'))!;
    const folded = name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase();
    await search.fill(folded);
    await expect(exhibitors(page).filter({ hasText: name })).toHaveCount(1);
    await expect(exhibitors(page).filter({ hasText: name }).locator('mark').first()).toBeVisible();
    const matches = await exhibitors(page).count();
    await expect(page.locator('[data-plan-booth].match')).toHaveCount(matches);
    await expect(page).toHaveURL(/\?q=/);

    // An old province name (before the 2025 merger) finds exhibitors registered under it.
    const merged = page
      .locator('[data-exhibitors] > li')
      .filter({ has: page.locator('[data-province-name]', { hasText: 'nay thuộc' }) })
      .first();
    const oldName = (await merged.locator('[data-province-name]').textContent())!.split(' (nay thuộc')[0]!.trim();
    const mergedName = (await merged.getAttribute('data-name'))!;
    await search.fill(oldName.toLowerCase());
    await expect(exhibitors(page).filter({ hasText: mergedName })).toHaveCount(1);
    expect(await exhibitors(page).count()).toBeLessThan(60);

    await search.fill('A12');
    await expect(exhibitors(page).first()).toHaveAttribute('data-booth', 'A12');

    await search.fill('zzzzqqq');
    await expect(count(page)).toHaveText('0 đơn vị phù hợp');
    await expect(page.getByText('Không có đơn vị nào khớp.', { exact: false })).toBeVisible();
  });

  test('keeps a shortlist of three across a reload, exports it as CSV and shares it as a link', async ({ page, browser }) => {
    await page.goto(FAIR);
    const chosen = [0, 3, 7];
    const names: string[] = [];
    for (const i of chosen) {
      const item = exhibitors(page).nth(i);
      names.push((await item.getAttribute('data-name'))!);
      await item.getByRole('button', { name: `Lưu: ${names.at(-1)}` }).click();
      await expect(item.getByRole('button', { name: `Đã lưu: ${names.at(-1)}` })).toHaveAttribute('aria-pressed', 'true');
    }
    await page.reload();
    const panel = page.locator('[data-shortlist]');
    await expect(panel.locator('[data-shortlist-count]')).toHaveText('3');
    await panel.locator('summary').click();
    for (const name of names) await expect(panel.getByRole('link', { name })).toBeVisible();

    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Tải về CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^shortlist-.+\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.startsWith('\ufeff')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(
      'Gian hàng,Khu,Cơ sở,Tỉnh/thành,Sản phẩm trưng bày,Chứng nhận,Địa chỉ,Điện thoại,Email,Trang web,Trang trên sổ đăng ký,Dữ liệu minh họa',
    );
    names.forEach((name, i) => {
      expect(lines[i + 1]).toContain(name);
      expect(lines[i + 1]).toContain(`${FAIR_SITE.url}/producers/`);
    });

    // The share link opens on another device (a fresh context) with the same three exhibitors offered.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await panel.getByRole('button', { name: 'Sao chép liên kết chia sẻ' }).click();
    await expect(panel.getByText('Đã sao chép liên kết.')).toBeVisible();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/#shortlist=v1\./);
    const other = await browser.newContext();
    const phone = await other.newPage();
    await phone.goto(link);
    const shared = phone.locator('[data-shortlist-shared]');
    await expect(shared).toBeVisible();
    for (const name of names) await expect(shared).toContainText(name);
    await shared.getByRole('button', { name: 'Thêm vào danh sách của tôi' }).click();
    await expect(phone.locator('[data-shortlist-count]')).toHaveText('3');
    await other.close();
  });

  test('finds exhibitors from the site search and lands on their booth in the directory', async ({ page }) => {
    await page.goto(FAIR);
    const item = exhibitors(page).nth(2);
    const name = (await item.getAttribute('data-name'))!;
    const booth = (await item.getAttribute('data-booth'))!;
    await page.goto(`/search/?q=${encodeURIComponent(name)}`);
    const section = page.getByRole('region', { name: /Gian hàng hội chợ/ });
    const card = section.getByRole('listitem').filter({ hasText: name }).first();
    await expect(card).toContainText(`Gian ${booth}`);
    await expect(card).toContainText('Dữ liệu minh họa');
    await card.getByRole('link', { name }).click();
    await expect(page).toHaveURL(new RegExp(`${FAIR}#x-\\d+$`));
    await expect(page.locator(`[data-exhibitors] > li[data-booth="${booth}"]`)).toBeInViewport();
  });

  test('a broken share link changes nothing and says so', async ({ page }) => {
    await page.goto(`${FAIR}#shortlist=v1.!!`);
    await expect(page.getByRole('alert')).toContainText('Liên kết chia sẻ không hợp lệ');
    await expect(page.locator('[data-shortlist-count]')).toHaveText('0');
  });

  for (const path of [FAIR, `/en${FAIR}`, '/fairs/']) {
    test(`${path} has no axe violations`, async ({ page }) => {
      await page.goto(path);
      const results = await axeScan(page);
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
});
