import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { decisionNumberKey } from '#domain/decision-number.ts';
import { parseCsv } from '#domain/import/csv.ts';
import { formatRegistryCode, makeRegistryCode } from '#domain/registry-code.ts';
import { compactKey } from '#domain/text.ts';
import { defaultValidUntil, todayIso } from '#domain/validity.ts';
import { axeScan, WCAG_AND_BEST_PRACTICE } from './support/axe.ts';

/** The seed's rows as objects, read the way the seed reads them, so that expectations follow the data. */
function seedRows(file: string): Record<string, string>[] {
  const parsed = parseCsv(readFileSync(new URL(`../../db/seed/${file}`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(`${file} does not parse`);
  const [header, ...rows] = parsed.records;
  return rows.map((r) => Object.fromEntries(header!.cells.map((h, i) => [h, r.cells[i] ?? ''])));
}
const products = seedRows('certified-products.csv');
const decision = seedRows('decisions.csv').find((d) => d['decision_no'] === '3116/QĐ-BCT')!;
/** The products of the seed that decision 3116/QĐ-BCT certified: same number (any spelling), level and year. */
const decided = products.filter(
  (r) =>
    r['decision_no'] &&
    decisionNumberKey(r['decision_no']) === '3116/QD-BCT' &&
    r['level'] === 'national' &&
    r['year'] === decision['year'],
);
const held = new Set(decided.map((r) => `${compactKey(r['product_name']!)}|${compactKey(r['producer']!)}`)).size;
const expiredOrValid = (year: string) => (defaultValidUntil(Number(year)) >= todayIso() ? 'Còn hiệu lực' : 'Hết hiệu lực');
/** A well-formed registry code the registry does not hold (derived from an identity no row has). */
const unheld = formatRegistryCode(makeRegistryCode('provincial', 2021, 'a product nobody certified'));

const box = (page: Page) => page.getByRole('textbox', { name: 'Số quyết định, tên sản phẩm hoặc mã tra cứu' });

test.describe('a visitor verifying what a certificate carries', () => {
  test('types 3116/QĐ-BCT and sees the Thái Nguyên teas, and how many of the decision’s products the registry holds', async ({ page }) => {
    expect(held).toBeGreaterThan(0);
    await page.goto('/verify/');
    await box(page).fill('3116/QĐ-BCT');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/verify/?q=')),
      page.getByRole('button', { name: 'Tra cứu' }).click(),
    ]);
    expect(response.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 2, name: 'Quyết định 3116/QĐ-BCT — Bộ Công Thương, 01/12/2023' })).toBeVisible();
    await expect(
      page.getByText(`Danh bạ có ${held} trong số ${decision['products_certified']} sản phẩm quyết định này công nhận.`),
    ).toBeVisible();
    const list = page.getByRole('list', { name: 'Quyết định 3116/QĐ-BCT' });
    await expect(list.getByRole('listitem')).toHaveCount(decided.length);
    for (const row of decided.filter((r) => r['province'] === 'Thái Nguyên')) {
      await expect(list.getByRole('link', { name: row['product_name']!, exact: true })).toBeVisible();
    }
    await expect(list.getByRole('listitem').first()).toContainText('Thái Nguyên');
    await expect(page.getByRole('link', { name: 'Trang quyết định' })).toHaveAttribute('href', '/decisions/3116-qd-bct-2023/');
  });

  test('types "tra o long" without marks and sees both certificates with their status', async ({ page }) => {
    const rows = products.filter((r) => compactKey(r['product_name']!) === 'traolong');
    await page.goto('/verify/');
    await box(page).fill('tra o long');
    await box(page).press('Enter');
    await expect(page).toHaveURL(/\/verify\/\?q=tra\+o\+long$/);
    await expect(page.getByRole('heading', { level: 2, name: 'Sản phẩm Trà Ô Long' })).toBeVisible();
    const items = page.getByRole('list', { name: 'Trà Ô Long' }).getByRole('listitem');
    await expect(items).toHaveCount(rows.length);
    for (const row of rows) {
      const item = items.filter({ hasText: `${row['year']} ·` });
      await expect(item.locator('.badge')).toHaveText(expiredOrValid(row['year']!));
      await expect(item).toContainText(`31/12/${defaultValidUntil(Number(row['year'])).slice(0, 4)}`);
      await expect(item).toContainText('ngày tính theo quy tắc');
      await expect(item.getByRole('link', { name: /^[QT]\d\d-/ })).toHaveAttribute('href', /^\/verify\/[0-9A-Z]{10}\/$/);
    }
  });

  test('finds a decision typed "QĐ 3116" without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/verify/');
    await box(page).fill('QĐ 3116');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await expect(page.getByRole('heading', { level: 2, name: /^Quyết định 3116\/QĐ-BCT/ })).toBeVisible();
    await context.close();
  });

  test('follows the page’s own examples, and each one verifies', async ({ page }) => {
    await page.goto('/verify/');
    const examples = page.locator('#q-hint a');
    const hrefs = await examples.evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
    expect(hrefs).toHaveLength(3);
    for (const href of hrefs) {
      const response = await page.goto(href);
      expect(response?.status(), href).toBe(200);
      await expect(page.locator('.verify-certs').first()).toBeVisible();
    }
  });
});

test.describe('an English visitor with an unknown code', () => {
  test('gets an English answer for a mistyped code, with the right status', async ({ page }) => {
    const response = await page.goto('/en/verify/?q=T21-AAAA-AAA');
    expect(response?.status()).toBe(400);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('alert')).toContainText('This registry code has a typo');
    await expect(page.getByRole('link', { name: 'Tell us' })).toHaveAttribute('href', '/en/about/#report');
  });

  test('gets the same English answer for the code typed in the address bar', async ({ page }) => {
    await page.goto('/en/verify/T21-AAAA-AAA/');
    await expect(page).toHaveURL(/\/en\/verify\/\?q=T21-AAAA-AAA$/);
    await expect(page.getByRole('alert')).toContainText('This registry code has a typo');
    await expect(page.getByRole('textbox', { name: 'Decision number, product name or registry code' })).toHaveValue('T21-AAAA-AAA');
  });

  test('gets 404 and an English answer for a well-formed code the registry does not hold', async ({ page }) => {
    const response = await page.goto(`/en/verify/?q=${unheld}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('alert')).toHaveText(`The code ${unheld} is well formed but is not in the published registry.`);
  });

  test('gets an English 404 page for an English path that does not exist', async ({ page }) => {
    const response = await page.goto('/en/no-such-page/');
    expect(response?.status()).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  });
});

test.describe('a visitor searching for a decision number', () => {
  test('is offered the verification answer first in the header box, and opens it', async ({ page }) => {
    await page.goto('/');
    const combobox = page.getByRole('combobox', { name: 'Tìm sản phẩm, cơ sở, tỉnh' });
    await combobox.click();
    await combobox.fill('3116/QD-BCT');
    const first = page.getByRole('option').first();
    await expect(first).toHaveText('Tra cứu quyết định 3116/QD-BCT →');
    await combobox.press('ArrowDown');
    await combobox.press('Enter');
    await expect(page).toHaveURL(/\/verify\/\?q=3116%2FQD-BCT$/);
    await expect(page.getByRole('heading', { level: 2, name: /^Quyết định 3116\/QĐ-BCT/ })).toBeVisible();
  });

  test('is offered the verification answer above the results on /search/', async ({ page }) => {
    await page.goto('/en/search/?q=3116%2FQD-BCT');
    await expect(page.getByRole('link', { name: 'Verify decision 3116/QD-BCT →' })).toHaveAttribute('href', '/en/verify/?q=3116%2FQD-BCT');
  });
});

test.describe('accessibility of the verification answers', () => {
  for (const path of [
    '/verify/',
    '/verify/?q=3116%2FQ%C4%90-BCT',
    '/verify/?q=tra+o+long',
    '/en/verify/?q=T21-AAAA-AAA',
    '/en/no-such-page/',
  ]) {
    test(`${path} has no axe violations`, async ({ page }) => {
      await page.goto(path);
      const results = await axeScan(page, WCAG_AND_BEST_PRACTICE);
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
});
