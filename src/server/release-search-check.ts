/**
 * The search check of a release's validation (R32, #17.11): the product search index of each language is there
 * and finds products the database publishes. The names tried come from the database, not from the release's own
 * files: a release whose index is missing, empty or built from other data fails, whatever its files say.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CardFields } from '#domain/listing.ts';
import type { ProductSearchManifest } from '#domain/search/bundle.ts';
import type { CompactChunk } from '#domain/search/compact.ts';
import { ChunkedIndex } from '#domain/search/engine.ts';

/** The folders of the product search files, one per language, under a release's client folder. */
export const SEARCH_FOLDERS = ['search/products', 'en/search/products'] as const;
/** How many names are tried, and how far down the results each must appear. */
const SAMPLE_SIZE = 5;
const TOP = 10;

/** Up to five names spread evenly over a list (what visitors would type), e.g. 12 names → the 1st, 3rd, 5th, 7th and 9th. */
export function sampleNames(names: readonly string[], size = SAMPLE_SIZE): string[] {
  const step = Math.max(1, Math.floor(names.length / size));
  return names.filter((_, i) => i % step === 0).slice(0, size);
}

/** The problems of one language's index: missing, unreadable, or not finding a sampled name in its first ten results. */
async function checkIndex(client: string, folder: string, sample: readonly string[]): Promise<string[]> {
  const base = join(client, folder);
  const where = `/${folder}/`;
  if (!existsSync(join(base, 'manifest.json'))) return [`${where}: không có chỉ mục tìm kiếm / no search index`];
  const read = async <T>(name: string) => JSON.parse(await readFile(join(base, name), 'utf8')) as T;
  try {
    const manifest = await read<ProductSearchManifest>('manifest.json');
    const index = new ChunkedIndex(manifest.index, (n) => read<CompactChunk>(`t-${n}.json`));
    const problems: string[] = [];
    for (const name of sample) {
      const found: string[] = [];
      for (const hit of (await index.search(name)).slice(0, TOP)) {
        const n = Number(hit.ref);
        const rows = await read<CardFields[]>(`r-${Math.floor(n / manifest.rowsPerChunk)}.json`);
        const row = rows[n % manifest.rowsPerChunk];
        if (row) found.push(row.name);
      }
      if (!found.includes(name)) problems.push(`${where}: “${name}” không có trong ${TOP} kết quả đầu / not in the first ${TOP} results`);
    }
    return problems;
  } catch (error) {
    return [`${where}: chỉ mục hỏng / unreadable index: ${error instanceof Error ? error.message : String(error)}`];
  }
}

/**
 * Every language's product index is present and finds a sample of `names` (the published products' names, from
 * the database the release was built from). Returns the problems; none when the search works.
 */
export async function checkReleaseSearch(client: string, names: readonly string[]): Promise<string[]> {
  const sample = sampleNames(names);
  const problems: string[] = [];
  for (const folder of SEARCH_FOLDERS) problems.push(...(await checkIndex(client, folder, sample)));
  return problems;
}
