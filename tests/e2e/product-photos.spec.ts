import { expect, test } from '@playwright/test';
import { FAIR_SITE } from './support/sites.ts';
import { axeScan } from './support/axe.ts';

/** The fair site (playwright.config.ts) has a photo of Trà Ô Long stored through the upload pipeline. */
test.use({ baseURL: FAIR_SITE.url });

test('a product’s photo is published re-encoded, in AVIF and WebP at several widths, described in each language', async ({ page }) => {
  await page.goto('/products/tra-o-long/');
  const photo = page.getByRole('img', { name: 'Búp trà Ô Long trên nương' });
  await expect(photo).toBeVisible();
  expect(await photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  // Width and height are set so the page does not shift while the photo loads.
  expect(await photo.getAttribute('width')).toBe('1200');
  expect(await photo.getAttribute('height')).toBe('800');
  const avif = await page.locator('picture source[type="image/avif"]').first().getAttribute('srcset');
  expect(avif).toMatch(/\/media\/[0-9a-f]{64}-320\.avif 320w, .*-640\.avif 640w, .*-1024\.avif 1024w/);
  const first = avif!.split(',')[0]!.trim().split(' ')[0]!;
  const response = await page.request.get(first);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('image/avif');
  // Originals are never published, and nothing outside the release is served.
  expect((await page.request.get('/uploads/')).status()).toBe(404);
  expect((await page.request.get(`/media/${'0'.repeat(64)}-320.avif`)).status()).toBe(404);
  // The product's structured data names the photo.
  const jsonLd = await page.locator('script[type="application/ld+json"]').allTextContents();
  expect(jsonLd.join('')).toMatch(/"image":"http[^"]+\/media\/[0-9a-f]{64}-1024\.jpg"/);
  expect((await axeScan(page)).violations.map((v) => v.id)).toEqual([]);

  await page.goto('/en/products/tra-o-long/');
  await expect(page.getByRole('img', { name: 'Oolong tea buds' })).toBeVisible();
});
