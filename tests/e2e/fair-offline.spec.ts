import { FAIR_SITE } from './support/sites.ts';
import { expect, test, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test';
import { axeScan } from './support/axe.ts';

// The fair site: the real seed plus factory exhibitors (a second webServer in playwright.config.ts).
test.use({ baseURL: FAIR_SITE.url });

const SHOWN = /Sản phẩm trưng bày|Products shown/;

/** The fair linked from /fairs/ whose offline pack holds the most exhibitors' pages. */
async function fairWithExhibitors(page: Page, request: APIRequestContext): Promise<string> {
  await page.goto('/fairs/');
  const hrefs = await page
    .getByRole('main')
    .getByRole('link')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  let best = { href: '', exhibitors: 0 };
  for (const href of new Set(hrefs.filter((h) => /^\/fairs\/[^/]+\/$/.test(h)))) {
    const pack = (await (await request.get(`${href}offline.json`)).json()) as { urls: string[] };
    const exhibitors = pack.urls.filter((u) => u.startsWith('/producers/')).length;
    if (exhibitors > best.exhibitors) best = { href, exhibitors };
  }
  if (best.exhibitors < 2) throw new Error('no fair on /fairs/ lists two exhibitors or more');
  return best.href;
}

/** Opens a fair page online and waits until its pack is on the device. */
async function saveFair(page: Page, fairPath: string) {
  await page.goto(fairPath);
  await expect(page.locator('html')).toHaveAttribute('data-offline-pack', 'ready', { timeout: 30_000 });
}

/** What the service worker's own fetch() gets right now: a status, or the error when there is no network. */
function workerFetch(context: BrowserContext, path: string): Promise<string> {
  const [worker] = context.serviceWorkers();
  if (!worker) throw new Error('no service worker running');
  return worker.evaluate(
    (p) =>
      fetch(p, { cache: 'no-store' }).then(
        (r) => `HTTP ${r.status}`,
        (e: Error) => `failed: ${e.name}`,
      ),
    path,
  );
}

test.describe('a buyer on a fair hall floor without network', () => {
  test.skip(({ isMobile }) => isMobile, 'The worker and its cache are the same on every device: the desktop project covers them.');

  test('opens the fair once, loses the network, then searches the directory, shortlists an exhibitor and opens its page and its product', async ({
    page,
    context,
    request,
  }) => {
    const fairPath = await fairWithExhibitors(page, request);
    await saveFair(page, fairPath);

    await context.setOffline(true);
    // The proof that the network is really gone for the worker too, not only for the page.
    expect(await workerFetch(context, fairPath)).toBe('failed: TypeError');
    const reloaded = await page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    expect(reloaded?.status()).toBe(200);

    const directory = page.locator('[data-exhibitors]');
    const exhibitors = directory.getByRole('heading', { level: 3 });
    const listed = await exhibitors.count();
    expect(listed).toBeGreaterThan(1);
    // The last exhibitor that shows a product: its page and that product's are in the pack.
    const exhibitor = directory
      .getByRole('listitem')
      .filter({ has: page.getByRole('list', { name: SHOWN }) })
      .last();
    const name = (await exhibitor.getByRole('heading', { level: 3 }).textContent())!.trim();
    const productName = (await exhibitor.getByRole('list', { name: SHOWN }).getByRole('link').first().textContent())!.trim();

    await page.getByRole('searchbox', { name: /Tìm trong danh sách|Search exhibitors/ }).fill(name);
    await expect.poll(() => exhibitors.count()).toBeLessThan(listed);
    const heading = exhibitors.filter({ hasText: name }).first();
    await expect(heading).toBeVisible();
    // The shortlist lives on the device: it keeps the exhibitor without a network.
    const found = directory.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name }) });
    const keep = found.getByRole('button');
    await keep.click();
    await expect(keep).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('heading', { level: 2, name: /(Danh sách quan tâm|Shortlist) \(1\)/ })).toBeVisible();

    await heading.getByRole('link').click();
    await expect(page).toHaveURL(/\/producers\/[^/]+\/$/);
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

    await page.getByRole('main').getByRole('link', { name: productName, exact: true }).first().click();
    await expect(page).toHaveURL(/\/products\/[^/]+\/$/);
    await expect(page.getByRole('heading', { level: 1, name: productName })).toBeVisible();
  });

  test('sees the offline page for a page never saved, goes back to the saved fair, and the page returns with the network', async ({
    page,
    context,
    request,
  }) => {
    const fairPath = await fairWithExhibitors(page, request);
    await saveFair(page, fairPath);
    const fairName = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();

    await context.setOffline(true);
    const missing = await page.goto('/verify/');
    expect(missing?.fromServiceWorker()).toBe(true);
    expect(missing?.status()).toBe(503);
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
    await expect(page.getByRole('heading', { level: 1, name: 'Không có kết nối mạng' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'You are offline' })).toBeVisible();
    expect((await axeScan(page)).violations).toEqual([]);

    await page.getByRole('link', { name: fairName }).click();
    await expect(page).toHaveURL(new RegExp(`${fairPath}$`));
    await expect(page.getByRole('heading', { level: 1, name: fairName })).toBeVisible();
    // A shared search link opens from the saved page too.
    const searched = await page.goto(`${fairPath}?q=tra`);
    expect(searched?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1, name: fairName })).toBeVisible();

    await context.setOffline(false);
    const back = await page.goto('/verify/');
    expect(back?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1, name: 'Không có kết nối mạng' })).toHaveCount(0);
  });
});
