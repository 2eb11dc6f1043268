import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { parseCsv } from '#domain/import/csv.ts';
import { axeScan, WCAG_AND_BEST_PRACTICE } from './support/axe.ts';

/** The seed's decision 3116/QĐ-BCT as decisions.csv gives it (its size and source are read, not assumed). */
function seededDecision(number: string): { size: number; source: string } {
  const parsed = parseCsv(readFileSync('db/seed/decisions.csv', 'utf8'));
  if (!parsed.ok) throw new Error('decisions.csv does not parse');
  const [header, ...rows] = parsed.records;
  const at = (name: string) => header!.cells.indexOf(name);
  const row = rows.find((r) => r.cells[at('decision_no')] === number)!;
  return { size: Number(row.cells[at('products_certified')]), source: row.cells[at('source_url')]! };
}

const products = (page: Page) =>
  page.getByRole('heading', { level: 2, name: /Sản phẩm trong sổ đăng ký|Products in the registry/ }).locator('+ ul > li');

async function expectNoAxeViolations(page: Page) {
  const results = await axeScan(page, WCAG_AND_BEST_PRACTICE);
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test.describe('a visitor checking a recognition decision', () => {
  const decision = seededDecision('3116/QĐ-BCT');

  test('opens /decisions/, then 3116/QĐ-BCT, sees "x of 173" with the Thái Nguyên teas, and its source', async ({ page }) => {
    await page.goto('/decisions/');
    await expect(page.getByRole('heading', { level: 1, name: 'Quyết định công nhận' })).toBeVisible();
    await page
      .getByRole('heading', { level: 2, name: '2023' })
      .locator('xpath=..')
      .getByRole('link', { name: /3116\/QĐ-BCT/ })
      .click();
    await expect(page).toHaveURL(/\/decisions\/3116-qd-bct-2023\/$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Quyết định 3116/QĐ-BCT' })).toBeVisible();

    const held = await products(page).count();
    expect(held).toBeGreaterThan(0);
    await expect(page.locator('[data-holding]')).toHaveText(
      `Sổ đăng ký có ${held} trong số ${decision.size} sản phẩm mà quyết định này công nhận.`,
    );
    await expect(products(page).filter({ hasText: 'Thái Nguyên' })).toHaveCount(held);
    await expect(products(page).getByRole('link', { name: 'Hương sơn trà' })).toBeVisible();

    const source = page.getByRole('link', { name: new URL(decision.source).hostname });
    await expect(source).toHaveAttribute('href', decision.source);
    await expect(source).toHaveAttribute('rel', /external/);
  });

  test('follows a product of the decision to its page, which links back to the decision', async ({ page }) => {
    await page.goto('/decisions/3116-qd-bct-2023/');
    await products(page).getByRole('link', { name: 'Hương sơn trà' }).click();
    await expect(page).toHaveURL(/\/products\/[^/]+\/$/);
    await page.getByRole('link', { name: '3116/QĐ-BCT' }).first().click();
    await expect(page).toHaveURL(/\/decisions\/3116-qd-bct-2023\/$/);
  });

  test('an English visitor reads the same figures in English', async ({ page }) => {
    await page.goto('/en/decisions/3116-qd-bct-2023/');
    const held = await products(page).count();
    await expect(page.locator('[data-holding]')).toHaveText(
      `The registry holds ${held} of the ${decision.size} products this decision certified.`,
    );
    await expect(
      page.getByRole('navigation', { name: /breadcrumb/i }).getByRole('link', { name: 'Recognition decisions' }),
    ).toHaveAttribute('href', '/en/decisions/');
  });

  test('the home page says how much of the 2023 national round the registry holds, and leads to the decision', async ({ page }) => {
    await page.goto('/en/');
    const share = page.locator('[data-round="2023-national"] a');
    await expect(share).toHaveText(new RegExp(`^\\d+ of ${decision.size} products of the 2023 national round$`));
    await share.click();
    await expect(page).toHaveURL(/\/en\/decisions\/3116-qd-bct-2023\/$/);
  });

  test('the decisions are in the sitemap and in the open data', async ({ request }) => {
    const sitemap = await (await request.get('/sitemap-0.xml')).text();
    expect(sitemap).toContain('/decisions/3116-qd-bct-2023/</loc>');
    expect(sitemap).toContain('/en/decisions/3116-qd-bct-2023/</loc>');
    const data = (await (await request.get('/data/decisions.json')).json()) as {
      records: { slug: string; products_certified: number | null }[];
    };
    expect(data.records.find((r) => r.slug === '3116-qd-bct-2023')?.products_certified).toBe(decision.size);
  });

  for (const path of ['/decisions/', '/en/decisions/', '/decisions/3116-qd-bct-2023/', '/en/decisions/76-qd-ctdp-2022/']) {
    test(`${path} has no accessibility violations and does not overflow on a phone`, async ({ page }) => {
      // An axe scan takes seconds on a shared, loaded machine.
      test.slow();
      await page.setViewportSize({ width: 375, height: 740 });
      await page.goto(path);
      await expectNoAxeViolations(page);
      const widths = await page.evaluate(() => ({ page: document.scrollingElement!.scrollWidth, window: window.innerWidth }));
      expect(widths.page).toBeLessThanOrEqual(widths.window);
    });
  }
});
