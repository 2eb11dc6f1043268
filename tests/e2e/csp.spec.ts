import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { FAIR_SITE, PUBLIC_SITE } from './support/sites.ts';
import { headerPolicyOf, inlineScriptsOf, inlineStylesOf, metaPolicyOf, cspHash, sourcesOf } from '#domain/csp.ts';

// #17.5: every public page carries a script CSP (hashes, never 'unsafe-inline') in a meta tag, and the site
// server repeats it as a header with frame-ancestors. The pages must still work under it.
const FAIR_BASE = FAIR_SITE.url;
const FAIR = '/fairs/hoi-cho-trien-lam-hang-cong-nghiep-nong-thon-tieu-bieu-khu-vuc-phia-bac-nam-2024';
/** The client folders of the two e2e sites' current releases (playwright.config.ts: REGISTRY_OUT_DIR). */
const CLIENTS = [PUBLIC_SITE, FAIR_SITE].map((site) => `${site.dir}/dist/current/client`);

function* htmlFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* htmlFiles(path);
    else if (name.endsWith('.html')) yield path;
  }
}

/** Records every CSP violation the page reports, from before its first script runs. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on('console', (message) => {
    if (/content security policy/i.test(message.text())) console.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`),
    );
  });
  return async () => [...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)), ...console];
}

test.describe('the public pages’ script policy', () => {
  test('every built page carries a meta CSP that lists the hash of each of its inline scripts and styles and allows no other inline script', () => {
    test.skip(test.info().project.name !== 'desktop', 'The built files are the same for every device.');
    for (const client of CLIENTS) {
      const root = realpathSync(client);
      let pages = 0;
      for (const file of htmlFiles(root)) {
        pages++;
        const html = readFileSync(file, 'utf8');
        const policy = metaPolicyOf(html);
        expect(policy, file).not.toBeNull();
        const scripts = sourcesOf(policy!, 'script-src');
        expect(scripts, file).toContain("'self'");
        expect(scripts, file).not.toContain("'unsafe-inline'");
        expect(scripts, file).not.toContain("'unsafe-eval'");
        for (const script of inlineScriptsOf(html)) expect(scripts, `${file}: ${script.slice(0, 60)}`).toContain(`'${cspHash(script)}'`);
        const styles = sourcesOf(policy!, 'style-src');
        for (const style of inlineStylesOf(html)) expect(styles, `${file}: ${style.slice(0, 60)}`).toContain(`'${cspHash(style)}'`);
      }
      expect(pages, root).toBeGreaterThan(50);
    }
  });

  test('the server sends each page’s policy as a header, with frame-ancestors', async ({ request }) => {
    for (const path of ['/', '/en/products/', '/search/']) {
      const response = await request.get(path);
      const meta = metaPolicyOf(await response.text());
      expect(meta, path).not.toBeNull();
      expect(response.headers()['content-security-policy'], path).toBe(headerPolicyOf(meta));
    }
  });
});

test.describe('a visitor under the policy', () => {
  // A fair page stores its offline pack before the story goes on: slow on a busy machine.
  test.describe.configure({ timeout: 90_000 });
  test('uses the home page’s header search and opens a product, with no violation reported', async ({ page }) => {
    const violations = await watchViolations(page);
    await page.goto('/');
    const box = page.getByRole('combobox', { name: 'Tìm sản phẩm, cơ sở, tỉnh' });
    await box.fill('tra o long');
    await expect(page.getByRole('listbox').getByRole('option').first()).toContainText('Trà Ô Long');
    expect(await violations()).toEqual([]);
    await page.goto('/products/tra-o-long/');
    await expect(page.getByRole('heading', { level: 1, name: 'Trà Ô Long' })).toBeVisible();
    expect(await violations()).toEqual([]);
  });

  test('searches, and the no-JavaScript notice is hidden by its hashed inline script, with no violation reported', async ({ page }) => {
    const violations = await watchViolations(page);
    await page.goto('/search/?q=tra');
    await expect(page.getByRole('region', { name: /Sản phẩm/ }).getByRole('link', { name: 'Trà Ô Long' })).toBeVisible();
    await expect(page.locator('[data-no-js]')).toBeHidden();
    expect(await violations()).toEqual([]);
  });

  test('saves a fair for offline use (service worker) and opens its print page, with no violation reported', async ({ page }) => {
    const violations = await watchViolations(page);
    await page.goto(`${FAIR_BASE}${FAIR}/`);
    await expect(page.locator('html')).toHaveAttribute('data-offline-pack', 'ready', { timeout: 30_000 });
    await expect(page.getByRole('heading', { level: 1 })).toContainText('khu vực phía Bắc năm 2024');
    expect(await violations()).toEqual([]);
    await page.goto(`${FAIR_BASE}${FAIR}/print/`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('khu vực phía Bắc năm 2024');
    expect(await violations()).toEqual([]);
  });
});
