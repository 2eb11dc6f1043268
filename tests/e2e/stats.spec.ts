import { expect, test, type Page, type Response } from '@playwright/test';
import { axeScan, WCAG_AND_BEST_PRACTICE } from './support/axe.ts';

/** What each figure of a page holds: the numbers its chart's bars draw and its table's numbers, by key. */
async function figureNumbers(page: Page) {
  return page.locator('figure[data-figure]').evaluateAll((figures) =>
    figures.map((figure) => {
      const read = (selector: string) =>
        Object.fromEntries(
          [...figure.querySelectorAll(selector)].map((el) => [el.getAttribute('data-key') ?? '', Number(el.getAttribute('data-value'))]),
        );
      return { id: figure.getAttribute('data-figure')!, bars: read('svg rect[data-value]'), cells: read('table [data-value]') };
    }),
  );
}

/** The headline figures of a page by key (certifications, valid, provinces, products, fairs). */
async function headline(page: Page): Promise<Record<string, number>> {
  const figures = page.locator('.headline-figures li[data-figure]');
  await expect(figures.first()).toBeVisible();
  return Object.fromEntries(
    await figures.evaluateAll((lis) => lis.map((li) => [li.getAttribute('data-figure')!, Number(li.getAttribute('data-figure-value'))])),
  );
}

const sum = (values: Record<string, number>) => Object.values(values).reduce((a, b) => a + b, 0);

/**
 * Runs `read` and checks that every page it loaded came from one release: the public site is never published
 * by a story (the publishing stories have a site of their own, tests/e2e/support/sites.ts), so figures read on
 * several pages must add up. The site server names the release of every response in X-Release.
 */
async function withinOneRelease<T>(page: Page, read: () => Promise<T>): Promise<T> {
  const releases = new Set<string>();
  const note = (r: Response) => {
    if (r.request().resourceType() === 'document') releases.add(r.headers()['x-release'] ?? '');
  };
  page.on('response', note);
  try {
    const value = await read();
    expect([...releases], 'the pages read came from one release').toHaveLength(1);
    return value;
  } finally {
    page.off('response', note);
  }
}

test.describe('a visitor reading the statistics', () => {
  for (const path of ['/stats/', '/en/stats/']) {
    test(`${path}: every chart is a titled image whose bars hold the numbers of its table`, async ({ page }) => {
      await page.goto(path);
      const charts = page.locator('svg.bar-chart');
      await expect(charts).toHaveCount(5);
      for (const chart of await charts.all()) {
        await expect(chart).toHaveAttribute('role', 'img');
        const title = (await chart.locator(':scope > title').textContent())?.trim() ?? '';
        expect(title).not.toBe('');
        await expect(chart).toHaveAccessibleName(title);
        expect((await chart.locator(':scope > desc').textContent())?.trim()).not.toBe('');
      }
      for (const figure of await page.locator('figure[data-figure]').all()) {
        await expect(figure.locator('figcaption')).not.toBeEmpty();
        await expect(figure.locator('table caption')).not.toBeEmpty();
      }

      const figures = await figureNumbers(page);
      expect(figures.map((f) => f.id)).toEqual(['rounds', 'validity', 'groups', 'provinces', 'fairs']);
      for (const { id, bars, cells } of figures) expect(bars, `${path} ${id}`).toEqual(cells);

      // Every certification is drawn once in each of the four certification charts.
      const { certifications } = await headline(page);
      expect(certifications).toBeGreaterThan(0);
      for (const id of ['rounds', 'validity', 'groups', 'provinces'])
        expect(sum(figures.find((f) => f.id === id)!.bars), id).toBe(certifications);
    });
  }

  test('the region filter leads, without JavaScript, to prerendered pages that add up to the whole country', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const filter = page.getByRole('navigation', { name: 'Lọc theo khu vực' });
    const { whole, regions } = await withinOneRelease(page, async () => {
      await page.goto('/stats/');
      await expect(filter.getByRole('link', { name: 'Cả nước' })).toHaveAttribute('aria-current', 'page');
      const whole = await headline(page);
      const regionLinks = await filter.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')!).slice(1));
      expect(regionLinks).toEqual(['/stats/north/', '/stats/central/', '/stats/south/']);
      const regions: Record<string, number>[] = [];
      for (const href of regionLinks) {
        await page.goto('/stats/');
        await filter.locator(`a[href="${href}"]`).click();
        await expect(page).toHaveURL(new RegExp(`${href}$`));
        await expect(filter.locator(`a[href="${href}"]`)).toHaveAttribute('aria-current', 'page');
        await expect(filter.locator('[aria-current]')).toHaveCount(1);
        const figures = await headline(page);
        for (const { id, bars, cells } of await figureNumbers(page)) expect(bars, `${href} ${id}`).toEqual(cells);
        regions.push(figures);
      }
      return { whole, regions };
    });
    for (const figures of regions) for (const key of Object.keys(whole)) expect(figures[key], key).toBeLessThanOrEqual(whole[key]!);
    // Every certification belongs to exactly one region; national fairs belong to none.
    const total = (key: string) => regions.reduce((n, r) => n + r[key]!, 0);
    expect(total('certifications')).toBe(whole['certifications']);
    expect(total('valid')).toBe(whole['valid']);
    expect(total('fairs')).toBeLessThanOrEqual(whole['fairs']!);
    await context.close();
  });

  test('the home page leads with what the registry holds, with the same numbers as /stats/ and no validity share', async ({ page }) => {
    for (const [home, stats, name] of [
      ['/', '/stats/', 'Sổ đăng ký hiện có'],
      ['/en/', '/en/stats/', 'What the registry holds'],
    ] as const) {
      const figures = page.getByRole('list', { name });
      const { onStats, onHome } = await withinOneRelease(page, async () => {
        await page.goto(stats);
        const onStats = await headline(page);
        await page.goto(home);
        await expect(figures).toBeVisible();
        const onHome = Object.fromEntries(
          await figures
            .locator('li[data-figure]')
            .evaluateAll((lis) => lis.map((li) => [li.getAttribute('data-figure')!, Number(li.getAttribute('data-figure-value'))])),
        );
        return { onStats, onHome };
      });
      expect(Object.keys(onHome)).toEqual(expect.arrayContaining(['products', 'establishments', 'provinces']));
      expect(onHome['products']).toBe(onStats['products']);
      expect(onHome['provinces']).toBe(onStats['provinces']);
      // Validity is a property of certifications on a day: it stays on /stats/, not on the home page.
      await expect(page.locator('.headline-figures')).toHaveCount(0);
      await expect(page.locator(`a[href="${stats}#validity"]`)).toHaveCount(0);

      await figures.locator('li[data-figure="provinces"] a').click();
      await expect(page).toHaveURL(new RegExp(`${stats}#provinces$`));
    }
  });

  test('prints the charts in colour without the region filter', async ({ page }) => {
    await page.goto('/stats/');
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: 'Lọc theo khu vực' })).toBeHidden();
    await expect(page.locator('svg.bar-chart').first()).toBeVisible();
    const adjust = await page
      .locator('svg.bar-chart')
      .first()
      .evaluate((svg) => {
        const style = getComputedStyle(svg);
        return style.getPropertyValue('print-color-adjust') || style.getPropertyValue('-webkit-print-color-adjust');
      });
    expect(adjust).toBe('exact');
  });
});

test.describe('on a 375 px phone', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  for (const path of ['/stats/', '/en/stats/', '/stats/north/', '/']) {
    test(`${path} does not overflow sideways`, async ({ page }) => {
      await page.goto(path);
      const widths = await page.evaluate(() => ({ page: document.scrollingElement!.scrollWidth, window: window.innerWidth }));
      expect(widths.page).toBeLessThanOrEqual(widths.window);
      for (const chart of await page.locator('svg.bar-chart').all()) {
        const box = (await chart.boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(375);
      }
    });
  }
});

test.describe('accessibility', () => {
  for (const path of ['/stats/', '/en/stats/', '/stats/central/']) {
    test(`${path} has no axe violations`, async ({ page }) => {
      await page.goto(path);
      const results = await axeScan(page, WCAG_AND_BEST_PRACTICE);
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
});
