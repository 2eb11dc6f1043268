/**
 * #17.7: the importer applies the admin forms' field schemas, so nothing imports that the admin could not
 * save; bidi controls are refused and zero-width characters removed on the way in.
 */
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readProductForm } from '#domain/admin/product-form.ts';
import { certifications, establishments, products } from '#db/schema/index.ts';
import { formatIssue, formatIssueVi } from '#domain/import/columns.ts';
import { importList } from '#server/importer.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const actor = { label: 'test' };
const HEADER = 'product_name,producer,province,level,year';
const LONG_NAME = 'Trà '.repeat(2560).trim() + 'x';
const csv = (...rows: string[]) => new TextEncoder().encode([HEADER, ...rows].join('\n'));
let database: TestDatabase;

async function tableCounts() {
  const n = async (table: typeof products | typeof establishments | typeof certifications) =>
    (await database.db.select({ n: count() }).from(table))[0]!.n;
  return { products: await n(products), establishments: await n(establishments), certifications: await n(certifications) };
}

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.dispose());

describe('importing rows the admin forms would refuse', () => {
  const file = csv(
    'Chè Shan tuyết Tà Xùa,HTX Tà Xùa,Sơn La,provincial,2023',
    `${LONG_NAME},HTX Tân Cương,Thái Nguyên,provincial,2023`,
    'Nước mắm Phú Quốc,Cơ sở \u202eòH nớưS,Kiên Giang,provincial,2023',
  );

  it('refuses an over-long name and a bidi override as "line N, column C: reason", and writes nothing', async () => {
    expect(LONG_NAME).toHaveLength(10240);
    const outcome = await importList(database, file, { actor });
    expect(outcome.ok).toBe(false);
    expect(outcome.errors.map(formatIssue)).toEqual([
      'line 3, column product_name: 10240 characters; at most 300 are accepted (as in the admin form)',
      'line 4, column producer: contains the text-direction control U+202E, which can make the text display reversed; retype it or paste it as plain text',
    ]);
    expect(outcome.errors.map(formatIssueVi)).toEqual([
      'dòng 3, cột product_name: dài 10240 ký tự; tối đa 300 ký tự (như biểu mẫu quản trị)',
      'dòng 4, cột producer: có ký tự điều khiển hướng chữ U+202E, có thể làm chữ hiển thị đảo ngược; hãy gõ lại hoặc dán dạng chữ thuần',
    ]);
    expect(await tableCounts()).toEqual({ products: 0, establishments: 0, certifications: 0 });
  });

  it('writes only the valid row when asked to, never the refused ones', async () => {
    const outcome = await importList(database, file, { actor, mode: 'valid' });
    expect(outcome.ok).toBe(true);
    expect(await tableCounts()).toEqual({ products: 1, establishments: 1, certifications: 1 });
    const names = await database.db.select({ name: establishments.name }).from(establishments);
    expect(names.map((e) => e.name)).toEqual(['HTX Tà Xùa']);
  });
});

describe('importing text with zero-width characters', () => {
  it('stores the names without them, and the admin form saves the imported product unchanged', async () => {
    const outcome = await importList(
      database,
      csv('Bánh\u200b pía\u200d Sóc Trăng,Cơ sở\u2060 Tân\ufeff Huê Viên,Sóc Trăng,provincial,2023'),
      { actor },
    );
    expect(outcome.ok).toBe(true);
    const [product] = await database.db.select().from(products).where(eq(products.name, 'Bánh pía Sóc Trăng'));
    expect(product).toBeDefined();
    const [producer] = await database.db.select().from(establishments).where(eq(establishments.id, product!.establishmentId!));
    expect(producer?.name).toBe('Cơ sở Tân Huê Viên');
    const saved = readProductForm({ name: product!.name, kind: product!.kind, status: 'published', version: '1' });
    expect(saved.ok && saved.value.name).toBe(product!.name);
  });

  it('imports a name of exactly the form’s 300 characters, which the form then saves', async () => {
    const name = `Mứt ${'ổ'.repeat(296)}`;
    expect([...name]).toHaveLength(300);
    const outcome = await importList(database, csv(`${name},HTX Hồng Phát,Hà Nội,provincial,2024`), { actor });
    expect(outcome.ok).toBe(true);
    const [product] = await database.db.select().from(products).where(eq(products.name, name));
    expect(readProductForm({ name: product!.name, kind: 'single', status: 'published', version: '1' }).ok).toBe(true);
  });
});
