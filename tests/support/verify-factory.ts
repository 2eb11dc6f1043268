/**
 * Factory rows for the verification tests: certified products imported through the real importer, a
 * decision record the national ones are linked to, a certificate number, a revoked and an expired
 * certification, and an end date recorded by staff. Takes the database as an argument.
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { certifications, decisions, products } from '#db/schema/index.ts';
import { writeCsv } from '#domain/csv-write.ts';
import { decisionNumberKey } from '#domain/decision-number.ts';
import { compactKey } from '#domain/text.ts';
import { importCsv } from '#server/importer.ts';

export const FACTORY_DECISION = { number: '3116/QĐ-BCT', slug: '3116-qd-bct-2023', productsCertified: 173 };
export const OTHER_ISSUER_DECISION = { number: '3116/QĐ-UBND', slug: '3116-qd-ubnd-2022' };

const ROWS = [
  ['Trà Ô Long', 'Công ty Cổ phần Chè Thái Bình', 'Lạng Sơn', 'national', '2023', '3116/QĐ-BCT'],
  ['Trà Ô Long', 'Công ty Cổ phần Chè Thái Bình', 'Lạng Sơn', 'provincial', '2019', ''],
  ['Hương sơn trà', 'HTX chè Tuyết Hương', 'Thái Nguyên', 'national', '2023', '3116/QĐ-BCT'],
  ['Nhất diệp hảo trà', 'HTX chè an toàn Nguyên Việt', 'Thái Nguyên', 'national', '2023', '3116/QD-BCT'],
  ['Miến dong Bình Liêu', 'HTX miến dong Bình Liêu', 'Quảng Ninh', 'provincial', '2022', '3116/QĐ-UBND'],
  ['Nước mắm Cát Hải', 'Công ty CP chế biến thủy sản Cát Hải', 'Hải Phòng', 'provincial', '2024', ''],
];

export interface VerifyFixture {
  /** Registry codes by product name and year: "Trà Ô Long 2023". */
  codes: Map<string, string>;
  certificateNo: string;
}

/** Adds the two decisions, imports the rows (the importer links them by number), and sets the special cases. */
export async function addVerifyFixture(database: Database): Promise<VerifyFixture> {
  const { db } = database;
  const [bct] = await db
    .insert(decisions)
    .values({
      slug: FACTORY_DECISION.slug,
      number: FACTORY_DECISION.number,
      numberKey: decisionNumberKey(FACTORY_DECISION.number),
      decisionDate: '2023-12-01',
      issuerText: 'Bộ Công Thương',
      level: 'national',
      roundYear: 2023,
      productsCertified: FACTORY_DECISION.productsCertified,
      sourceUrl: 'https://example.vn/3116',
    })
    .returning({ id: decisions.id });
  const [ubnd] = await db
    .insert(decisions)
    .values({
      slug: OTHER_ISSUER_DECISION.slug,
      number: OTHER_ISSUER_DECISION.number,
      numberKey: decisionNumberKey(OTHER_ISSUER_DECISION.number),
      issuerText: 'UBND tỉnh Quảng Ninh',
      level: 'provincial',
      roundYear: 2022,
    })
    .returning({ id: decisions.id });
  const csv = writeCsv([
    ['product_name', 'producer', 'province', 'product_group', 'level', 'year', 'decision_no'],
    ...ROWS.map((r) => [r[0]!, r[1]!, r[2]!, '', r[3]!, r[4]!, r[5]!]),
  ]);
  const outcome = await importCsv(database, Buffer.from(csv), { actor: { label: 'factory' } });
  if (!outcome.ok) throw new Error(`verify factory rows do not import: ${JSON.stringify(outcome.errors.slice(0, 3))}`);
  const rows = await db
    .select({ id: certifications.id, year: certifications.roundYear, decisionNo: certifications.decisionNo, name: products.name })
    .from(certifications)
    .innerJoin(products, eq(certifications.productId, products.id));
  const codes = new Map<string, string>();
  for (const r of rows) {
    const key = r.decisionNo ? decisionNumberKey(r.decisionNo) : null;
    const decisionId =
      key === decisionNumberKey(FACTORY_DECISION.number)
        ? bct!.id
        : key === decisionNumberKey(OTHER_ISSUER_DECISION.number)
          ? ubnd!.id
          : null;
    if (decisionId !== null) await db.update(certifications).set({ decisionId }).where(eq(certifications.id, r.id));
  }
  for (const c of await db
    .select({ code: certifications.registryCode, year: certifications.roundYear, productId: certifications.productId })
    .from(certifications)) {
    const [p] = await db.select({ name: products.name }).from(products).where(eq(products.id, c.productId));
    codes.set(`${p!.name} ${c.year}`, c.code);
  }
  const certificateNo = '15/GCN-SCT';
  const idOf = async (name: string, year: number) => {
    const [row] = await db
      .select({ id: certifications.id })
      .from(certifications)
      .innerJoin(products, eq(certifications.productId, products.id))
      .where(and(eq(products.nameKey, compactKey(name)), eq(certifications.roundYear, year)));
    if (!row) throw new Error(`no factory certification of ${name} in ${year}`);
    return row.id;
  };
  await db
    .update(certifications)
    .set({ certificateNo })
    .where(eq(certifications.id, await idOf('Nước mắm Cát Hải', 2024)));
  await db
    .update(certifications)
    .set({ revokedAt: '2025-03-04T08:00:00.000Z', revokedReason: 'factory' })
    .where(eq(certifications.id, await idOf('Miến dong Bình Liêu', 2022)));
  await db
    .update(certifications)
    .set({ validUntil: '2027-06-30', validUntilSource: 'manual' })
    .where(eq(certifications.id, await idOf('Hương sơn trà', 2023)));
  return { codes, certificateNo };
}
