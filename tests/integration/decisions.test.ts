import { readFileSync } from 'node:fs';
import { and, count, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certifications, decisions, organisationNames, organisations, provinces } from '#db/schema/index.ts';
import { readSeedDecisions } from '#db/seed.ts';
import { seedDatabase } from '#server/seed.ts';
import { decisionNumberKey } from '#domain/decision-number.ts';
import { parseCsv } from '#domain/import/csv.ts';
import { importCsv } from '#server/importer.ts';
import { ROOT } from '../support/paths.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const actor = { label: 'test' };
let database: TestDatabase;

/** The seed list's rows that cite a decision number, read from the file itself (the seed grows). */
function seedRowsCiting(): { decisionNo: string; level: string; year: number }[] {
  const parsed = parseCsv(readFileSync(`${ROOT}db/seed/certified-products.csv`, 'utf8'));
  if (!parsed.ok) throw new Error('the seed list does not parse');
  const [header, ...rows] = parsed.records;
  const at = (name: string) => header!.cells.indexOf(name);
  return rows
    .map((r) => ({ decisionNo: r.cells[at('decision_no')] ?? '', level: r.cells[at('level')] ?? '', year: Number(r.cells[at('year')]) }))
    .filter((r) => r.decisionNo !== '');
}

const decisionCount = async () => (await database.db.select({ n: count() }).from(decisions))[0]!.n;
const list = (lines: string[]) =>
  new TextEncoder().encode(['product_name,producer,province,level,year,decision_no,source_url', ...lines].join('\n'));

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase(database);
});
afterAll(async () => database.dispose());

describe('seeding the recognition decisions', () => {
  it('stores every decision of decisions.csv with its number as printed and its number key', async () => {
    const seeded = readSeedDecisions();
    const stored = await database.db.select().from(decisions);
    for (const d of seeded) {
      const found = stored.find((s) => s.importKey === d.importKey);
      expect(found, d.number).toBeDefined();
      expect(found).toMatchObject({ number: d.number, numberKey: decisionNumberKey(d.number), roundYear: d.roundYear });
    }
  });

  it('reads a regional level code into level and region', async () => {
    const [row] = await database.db.select().from(decisions).where(eq(decisions.number, '83/QĐ-CTĐP'));
    expect(row).toMatchObject({ level: 'regional', regionCode: 'south', roundYear: 2022, productsCertified: 200 });
  });

  it('links the issuer to the organisation of that name and keeps the name as published', async () => {
    const [row] = await database.db
      .select({ issuerText: decisions.issuerText, slug: organisations.slug })
      .from(decisions)
      .innerJoin(organisations, eq(decisions.issuerId, organisations.id))
      .where(eq(decisions.number, '76/QĐ-CTĐP'));
    expect(row).toEqual({ issuerText: 'Cục Công Thương địa phương', slug: 'cuc-khuyen-cong' });
  });

  it("links a provincial decision to the People's Committee of the province its issuer names", async () => {
    const [row] = await database.db
      .select({ province: provinces.name, name: organisationNames.name })
      .from(decisions)
      .innerJoin(organisations, eq(decisions.issuerId, organisations.id))
      .innerJoin(provinces, eq(organisations.provinceId, provinces.id))
      .innerJoin(organisationNames, eq(organisationNames.organisationId, organisations.id))
      .where(eq(decisions.number, '1493/QĐ-UBND'));
    expect(row).toEqual({ province: 'Bình Thuận', name: 'UBND tỉnh Bình Thuận' });
  });

  it('leaves the issuer as text when no organisation matches (a district committee)', async () => {
    const [row] = await database.db.select().from(decisions).where(eq(decisions.number, '1505/QĐ-UBND'));
    expect(row).toMatchObject({ issuerText: 'UBND thị xã Bến Cát', issuerId: null, level: 'district' });
  });

  it('links every seeded certification that cites a number to a decision of that number, level and year', async () => {
    const cited = seedRowsCiting();
    expect(cited.length).toBeGreaterThan(0);
    const linked = await database.db
      .select({
        decisionNo: certifications.decisionNo,
        numberKey: decisions.numberKey,
        roundYear: decisions.roundYear,
        year: certifications.roundYear,
      })
      .from(certifications)
      .innerJoin(decisions, eq(certifications.decisionId, decisions.id));
    const citing = await database.db.select({ n: count() }).from(certifications).where(isNotNull(certifications.decisionNo));
    expect(linked).toHaveLength(citing[0]!.n);
    for (const l of linked) {
      expect(l.numberKey).toBe(decisionNumberKey(l.decisionNo!));
      expect(l.roundYear).toBe(l.year);
    }
  });

  it('links the Thái Nguyên teas of 2023 to 3116/QĐ-BCT, which certified 173 products', async () => {
    const [decision] = await database.db.select().from(decisions).where(eq(decisions.number, '3116/QĐ-BCT'));
    const held = await database.db.select({ n: count() }).from(certifications).where(eq(certifications.decisionId, decision!.id));
    const cited = seedRowsCiting().filter((r) => r.decisionNo === '3116/QĐ-BCT').length;
    expect(decision!.productsCertified).toBe(173);
    expect(held[0]!.n).toBe(cited);
  });

  it('seeding again creates and changes no decision and keeps every link', async () => {
    const before = await database.db.select().from(decisions).orderBy(decisions.id);
    const links = await database.db.select({ id: certifications.id, d: certifications.decisionId }).from(certifications);
    const result = await seedDatabase(database);
    expect(result.decisions).toEqual({ created: 0, updated: 0, unchanged: readSeedDecisions().length });
    expect(result.products.ok && result.products.summary.createdDecisions).toBe(0);
    expect(await database.db.select().from(decisions).orderBy(decisions.id)).toEqual(before);
    expect(await database.db.select({ id: certifications.id, d: certifications.decisionId }).from(certifications)).toEqual(links);
  });
});

describe('importing rows that cite a decision', () => {
  it('creates a decision record from the row when none has that number, and links to it', async () => {
    const before = await decisionCount();
    const outcome = await importCsv(
      database,
      list(['Mật ong bạc hà,HTX Ong Mèo Vạc,Hà Giang,provincial,2023,215/QĐ-UBND,https://example.vn/215']),
      {
        actor,
      },
    );
    expect(outcome.ok && outcome.summary.createdDecisions).toBe(1);
    expect(await decisionCount()).toBe(before + 1);
    const [row] = await database.db
      .select({ d: decisions })
      .from(certifications)
      .innerJoin(decisions, eq(certifications.decisionId, decisions.id))
      .where(eq(certifications.productNameAsPublished, 'Mật ong bạc hà'));
    expect(row!.d).toMatchObject({
      number: '215/QĐ-UBND',
      numberKey: '215/QD-UBND',
      level: 'provincial',
      roundYear: 2023,
      sourceUrl: 'https://example.vn/215',
      issuerText: null,
      productsCertified: null,
      slug: '215-qd-ubnd-2023-ha-giang',
    });
  });

  it('importing the same row again creates no second decision', async () => {
    const before = await decisionCount();
    const outcome = await importCsv(
      database,
      list(['Mật ong bạc hà,HTX Ong Mèo Vạc,Hà Giang,provincial,2023,215/QĐ-UBND,https://example.vn/215']),
      {
        actor,
      },
    );
    expect(outcome.ok && outcome.summary).toMatchObject({ createdDecisions: 0, unchanged: 1 });
    expect(await decisionCount()).toBe(before);
  });

  it("links a provincial number two provinces share to each province's own decision", async () => {
    const outcome = await importCsv(
      database,
      list([
        'Thanh long sấy dẻo,HTX Thanh Long Hàm Thuận,Bình Thuận,provincial,2022,1493/QĐ-UBND,',
        'Bánh tráng nướng,Cơ sở Bánh tráng Mỹ Lồng,Bến Tre,provincial,2022,1493/QĐ-UBND,',
      ]),
      { actor },
    );
    expect(outcome.ok && outcome.summary.createdDecisions).toBe(1);
    const rows = await database.db
      .select({ product: certifications.productNameAsPublished, issuerText: decisions.issuerText, province: provinces.name })
      .from(certifications)
      .innerJoin(decisions, eq(certifications.decisionId, decisions.id))
      .leftJoin(organisations, eq(decisions.issuerId, organisations.id))
      .leftJoin(provinces, eq(organisations.provinceId, provinces.id))
      .where(eq(decisions.numberKey, '1493/QD-UBND'));
    expect(rows).toEqual(
      expect.arrayContaining([
        { product: 'Thanh long sấy dẻo', issuerText: 'UBND tỉnh Bình Thuận', province: 'Bình Thuận' },
        { product: 'Bánh tráng nướng', issuerText: null, province: 'Bến Tre' },
      ]),
    );
    const slugs = await database.db.select({ slug: decisions.slug }).from(decisions).where(eq(decisions.numberKey, '1493/QD-UBND'));
    expect(new Set(slugs.map((s) => s.slug)).size).toBe(2);
  });

  it('links an existing certification once a number is given for it, and does not guess one for a row without', async () => {
    await importCsv(database, list(['Nước mắm nhĩ Gành Đỏ,Cơ sở Hồng Hạnh,Phú Yên,provincial,2021,,']), { actor });
    const find = () =>
      database.db
        .select({ decisionId: certifications.decisionId })
        .from(certifications)
        .where(and(eq(certifications.productNameAsPublished, 'Nước mắm nhĩ Gành Đỏ'), eq(certifications.roundYear, 2021)));
    expect((await find())[0]!.decisionId).toBeNull();
    const outcome = await importCsv(database, list(['Nước mắm nhĩ Gành Đỏ,Cơ sở Hồng Hạnh,Phú Yên,provincial,2021,77/QĐ-UBND,']), {
      actor,
    });
    expect(outcome.ok && outcome.summary).toMatchObject({ updatedCertifications: 1, createdDecisions: 1 });
    const [linked] = await find();
    const [decision] = await database.db.select().from(decisions).where(eq(decisions.id, linked!.decisionId!));
    expect(decision!.number).toBe('77/QĐ-UBND');
  });

  it('a dry run creates no decision', async () => {
    const before = await decisionCount();
    const outcome = await importCsv(database, list(['Chổi đót,HTX Chổi Đót,Quảng Trị,district,2024,9/QĐ-UBND,']), { actor, dryRun: true });
    expect(outcome.ok && outcome.summary.createdDecisions).toBe(1);
    expect(await decisionCount()).toBe(before);
  });

  it('keeps the certificate number a row gives', async () => {
    const bytes = new TextEncoder().encode(
      [
        'product_name,producer,province,level,year,Số giấy chứng nhận',
        'Chè Shan tuyết,HTX Chè Suối Giàng,Yên Bái,provincial,2022,GCN 45/2022',
      ].join('\n'),
    );
    expect((await importCsv(database, bytes, { actor })).ok).toBe(true);
    const [row] = await database.db
      .select({ certificateNo: certifications.certificateNo })
      .from(certifications)
      .where(eq(certifications.productNameAsPublished, 'Chè Shan tuyết'));
    expect(row!.certificateNo).toBe('GCN 45/2022');
  });
});
