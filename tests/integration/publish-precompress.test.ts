/**
 * #19.5: a publish leaves every text file of the release with its brotli and gzip forms beside it, decoding
 * to the file, and nothing else gains one; the forms are not counted as pages.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCompressible } from '#domain/content-coding.ts';
import { importCsv } from '#server/importer.ts';
import { MIN_BYTES } from '#server/precompress.ts';
import { publish } from '#server/publish.ts';
import { fakeBuild } from '../support/fake-build.ts';
import { ROOT, TMP } from '../support/paths.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let database: TestDatabase;
let dir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const outcome = await importCsv(database, readFileSync(join(ROOT, 'db/seed/certified-products.csv')), { actor: { label: 'seed' } });
  if (!outcome.ok) throw new Error('seed did not import');
  dir = mkdtempSync(join(TMP, 'releases-'));
});
afterAll(async () => {
  await database.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('publish precompresses the release (#19.5)', () => {
  it('writes a brotli and a gzip form beside every text file, decoding to it, and none beside anything else', async () => {
    const details: string[] = [];
    const result = await publish(database, {
      releasesDir: dir,
      actor: { label: 'test', name: 'test' },
      build: fakeBuild(),
      onStep: (step, state, detail) => state === 'done' && step === 'build' && details.push(detail ?? ''),
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const client = join(dir, result.release.id, 'client');
    const files = readdirSync(client, { recursive: true })
      .map(String)
      .filter((f) => statSync(join(client, f)).isFile());
    const originals = files.filter((f) => !f.endsWith('.br') && !f.endsWith('.gz'));
    const text = originals.filter((f) => isCompressible(f) && statSync(join(client, f)).size >= MIN_BYTES);
    expect(text.length).toBeGreaterThan(0);
    for (const file of text) {
      const original = readFileSync(join(client, file));
      expect(brotliDecompressSync(readFileSync(join(client, `${file}.br`))).equals(original), file).toBe(true);
      expect(gunzipSync(readFileSync(join(client, `${file}.gz`))).equals(original), file).toBe(true);
    }
    const forms = files.filter((f) => f.endsWith('.br') || f.endsWith('.gz'));
    expect(forms.length).toBe(2 * text.length);
    // The release's page count is the pages, not their forms.
    expect(result.release.pages).toBe(originals.filter((f) => f.endsWith('.html')).length);
    expect(details[0]).toMatch(new RegExp(`; ${text.length} text files precompressed in \\d+\\.\\d s \\(brotli \\d+ % of their size\\)$`));
  });
});
