import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parseCsv } from '#domain/import/csv.ts';
import { axeScan } from './support/axe.ts';

/**
 * The open data of the built site (issue #9). Other stories publish new releases on the same server while
 * these run, so every check compares files of one release: each response names its release in X-Release,
 * and a set of files fetched across a switch is fetched once more.
 *
 * Absolute URLs in the files use the configured site (SITE_URL, http://localhost:4321 by default), not the
 * test server's address: they are fetched here by their path.
 */

interface ManifestEntry {
  path: string;
  url: string;
  dataset: string | null;
  format: 'csv' | 'json' | 'schema' | 'xlsx' | 'atom';
  media_type: string;
  bytes: number;
  sha256: string;
  records: number | null;
}
interface Manifest {
  schema: string;
  release: { id: string; date: string };
  files: ManifestEntry[];
  product_documents: { url_template: string; schema: string; count: number };
}
interface DatasetFile {
  dataset: string;
  release: { id: string; date: string };
  schema: string;
  count: number;
  records: Record<string, unknown>[];
}
interface Fetched {
  status: number;
  release: string | undefined;
  type: string | undefined;
  body: Buffer;
}

const pathOf = (url: string) => new URL(url).pathname;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const asJson = <T>(f: Fetched) => JSON.parse(f.body.toString('utf8')) as T;

/** Fetches paths, keeping each answer's release. */
async function fetchAll(request: APIRequestContext, paths: readonly string[]): Promise<Map<string, Fetched>> {
  const fetched = new Map<string, Fetched>();
  for (const path of paths) {
    const response = await request.get(path);
    const headers = response.headers();
    fetched.set(path, {
      status: response.status(),
      release: headers['x-release'],
      type: headers['content-type'],
      body: await response.body(),
    });
  }
  return fetched;
}

/**
 * The manifest, every file it lists, the schema of each product document, one product document and the
 * pages counted against, all answered by one release (fetched a second time if a publish came between).
 */
async function oneRelease(request: APIRequestContext) {
  for (let attempt = 1; ; attempt++) {
    const [manifestResponse] = (await fetchAll(request, ['/data/manifest.json'])).values();
    const manifest = asJson<Manifest>(manifestResponse!);
    const products = asJson<DatasetFile>((await fetchAll(request, ['/data/products.json'])).get('/data/products.json')!);
    const documentUrl = products.records.map((p) => p['json_url']).find((u): u is string => typeof u === 'string');
    const paths = [
      ...manifest.files.map((f) => f.path),
      ...(documentUrl ? [pathOf(documentUrl)] : []),
      '/products/catalogue.json',
      '/fairs/',
      '/producers/',
    ];
    const files = await fetchAll(request, paths);
    const releases = new Set([manifestResponse!.release, ...[...files.values()].map((f) => f.release)]);
    if (releases.size === 1)
      return { manifest, manifestRelease: manifestResponse!.release!, files, documentPath: documentUrl && pathOf(documentUrl) };
    if (attempt === 2) throw new Error(`the release changed during both attempts: ${[...releases].join(', ')}`);
  }
}

/** A validator for a JSON Schema served by the site, compiled strictly (a fresh Ajv per release: schemas share their $id). */
function schemaValidator(files: Map<string, Fetched>, ajv: Ajv2020, url: string) {
  const schema = asJson<{ $id: string }>(files.get(pathOf(url))!);
  expect(schema.$id).toBe(url);
  return ajv.getSchema(schema.$id) ?? ajv.compile(schema);
}

async function expectNoAxeViolations(page: Page) {
  expect((await axeScan(page)).violations.map((v) => v.id)).toEqual([]);
}

test.describe('a researcher using the open data', () => {
  test('finds every dataset on /data/ in both languages, downloads the products CSV and gets the documented columns', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('contentinfo').getByRole('link', { name: 'Dữ liệu mở' }).click();
    await expect(page).toHaveURL(/\/data\/$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Dữ liệu mở' })).toBeVisible();
    const datasets = page.getByRole('table', { name: /Các bộ dữ liệu/ });
    for (const name of ['Cơ sở sản xuất', 'Sản phẩm', 'Chứng nhận', 'Hội chợ', 'Đơn vị trưng bày'])
      await expect(datasets.getByRole('rowheader', { name: new RegExp(`^${name}`) })).toBeVisible();
    await expectNoAxeViolations(page);

    // The documented fields of the products, in order.
    const fields = page.locator('details.fields').filter({ hasText: '(products)' });
    await fields.locator('summary').click();
    const documented = (await fields.getByRole('rowheader').allTextContents()).map((t) => t.trim());
    expect(documented.slice(0, 4)).toEqual(['slug', 'name', 'name_en', 'kind']);
    await expectNoAxeViolations(page);

    const [download] = await Promise.all([page.waitForEvent('download'), datasets.getByRole('link', { name: 'CSV — Sản phẩm' }).click()]);
    expect(download.suggestedFilename()).toBe('products.csv');
    const csv = parseCsv((await readFile(await download.path())).toString('utf8'));
    if (!csv.ok) throw new Error(csv.reason);
    expect(csv.records[0]!.cells).toEqual(documented);
    expect(csv.records.length).toBeGreaterThan(1);

    await page.getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(/\/en\/data\/$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Open data' })).toBeVisible();
    await expect(page.getByRole('table', { name: /Datasets/ }).getByRole('link', { name: 'JSON — Certifications' })).toHaveAttribute(
      'href',
      '/data/certifications.json',
    );
    await expectNoAxeViolations(page);
    for (const summary of await page.locator('details summary').all()) await summary.click();
    await expectNoAxeViolations(page);
  });

  test('checks every file of the manifest (the change feeds too): its checksum, size and type, its schema, and counts equal to the catalogue’s', async ({
    request,
  }) => {
    const { manifest, manifestRelease, files, documentPath } = await oneRelease(request);
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);

    // The release the manifest names is the one that served it.
    expect(manifest.release.id).toBe(manifestRelease);
    expect(schemaValidator(files, ajv, manifest.schema)(manifest)).toBe(true);
    expect(manifest.files.map((f) => f.path)).toEqual(
      expect.arrayContaining(['/data/official-list.csv', '/data/official-list.xlsx', '/data/changes.json', '/feed.xml', '/en/feed.xml']),
    );

    const datasets = new Map<string, DatasetFile>();
    for (const entry of manifest.files) {
      const file = files.get(entry.path)!;
      expect(file.status, entry.path).toBe(200);
      expect(sha256(file.body), entry.path).toBe(entry.sha256);
      expect(file.body.byteLength, entry.path).toBe(entry.bytes);
      expect(file.type, entry.path).toBe(entry.media_type);
      if (entry.format === 'schema') {
        expect(asJson<{ $id: string }>(file).$id, entry.path).toBe(entry.url);
      } else if (entry.format === 'json' && entry.dataset !== 'changes') {
        const data = asJson<DatasetFile>(file);
        const validate = schemaValidator(files, ajv, data.schema);
        expect(validate(data), `${entry.path}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
        expect(data.release.id, entry.path).toBe(manifest.release.id);
        expect([data.count, data.records.length], entry.path).toEqual([entry.records, entry.records]);
        datasets.set(data.dataset, data);
      }
    }

    // Each dataset's CSV has the JSON's fields as header and one row per record.
    for (const entry of manifest.files.filter((f) => f.format === 'csv' && f.dataset !== 'official-list')) {
      const csv = parseCsv(files.get(entry.path)!.body.toString('utf8'));
      if (!csv.ok) throw new Error(`${entry.path}: ${csv.reason}`);
      expect(csv.records.length - 1, entry.path).toBe(entry.records);
      const first = datasets.get(entry.dataset!)!.records[0];
      if (first) expect(csv.records[0]!.cells, entry.path).toEqual(Object.keys(first));
    }

    // Counts against the pages of the same release: the catalogue, the fair list and the producer list.
    const catalogue = asJson<{ items: { slug: string; certificationCount: number }[] }>(files.get('/products/catalogue.json')!);
    const certified = datasets.get('products')!.records.filter((p) => (p['certification_count'] as number) > 0);
    expect(certified.map((p) => p['slug']).sort()).toEqual(catalogue.items.map((i) => i.slug).sort());
    expect(datasets.get('certifications')!.count).toBe(catalogue.items.reduce((sum, i) => sum + i.certificationCount, 0));
    const fairList = files.get('/fairs/')!.body.toString('utf8');
    expect(datasets.get('fairs')!.count).toBe(fairList.match(/"@type":"ExhibitionEvent"/g)?.length ?? 0);
    const producerList = files.get('/producers/')!.body.toString('utf8');
    const producerSlugs = new Set([...producerList.matchAll(/href="\/producers\/([^"/]+)\/"/g)].map((m) => m[1]));
    const withPage = datasets.get('establishments')!.records.filter((e) => e['page_url'] !== null);
    expect(withPage.map((e) => e['slug']).sort()).toEqual([...producerSlugs].sort());
    const officialList = manifest.files.find((f) => f.path === '/data/official-list.csv')!;
    expect(officialList.records).toBe(datasets.get('certifications')!.count);

    // One product's document validates and agrees with the datasets.
    expect(documentPath).toBeTruthy();
    const document = asJson<{ schema: string; release: { id: string }; product: Record<string, unknown>; certifications: unknown[] }>(
      files.get(documentPath!)!,
    );
    const validateDocument = schemaValidator(files, ajv, document.schema);
    expect(validateDocument(document), JSON.stringify(validateDocument.errors?.slice(0, 3))).toBe(true);
    expect(pathOf(document.schema)).toBe(pathOf(manifest.product_documents.schema));
    expect(document.release.id).toBe(manifest.release.id);
    const slug = document.product['slug'];
    expect(document.product).toEqual(datasets.get('products')!.records.find((p) => p['slug'] === slug));
    expect(document.certifications).toEqual(datasets.get('certifications')!.records.filter((c) => c['product_slug'] === slug));
  });

  test('finds a product’s JSON from its page', async ({ page, request }) => {
    await page.goto('/products/tra-o-long/');
    const alternate = page.locator('link[rel="alternate"][type="application/json"]');
    await expect(alternate).toHaveAttribute('href', '/products/tra-o-long.json');
    const response = await request.get('/products/tra-o-long.json');
    expect(response.headers()['content-type']).toBe('application/json; charset=utf-8');
    const document = (await response.json()) as { product: { name: string; page_url_en: string }; certifications: { level: string }[] };
    expect(document.product.name).toBe('Trà Ô Long');
    expect(pathOf(document.product.page_url_en)).toBe('/en/products/tra-o-long/');
    expect(document.certifications.map((c) => c.level)).toEqual(['provincial', 'national']);
  });
});
