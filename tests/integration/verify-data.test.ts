import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { products } from '#db/schema/index.ts';
import { formatRegistryCode } from '#domain/registry-code.ts';
import { todayIso } from '#domain/validity.ts';
import { classifyVerifyInput, verdictOn } from '#domain/verify-match.ts';
import { countMatches, findVerifyMatches, getVerifyExamples, VERIFY_LIMITS } from '#server/verify-data.ts';
import { compactKey } from '#domain/text.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { addVerifyFixture, FACTORY_DECISION, OTHER_ISSUER_DECISION, type VerifyFixture } from '../support/verify-factory.ts';

let database: TestDatabase;
let fixture: VerifyFixture;
beforeAll(async () => {
  database = await createTestDatabase();
  fixture = await addVerifyFixture(database);
});
afterAll(async () => database.dispose());

const find = (input: string) => findVerifyMatches(database.db, classifyVerifyInput(input));
const typo = (c: string, at: number) => c.slice(0, at) + (c[at] === 'A' ? 'B' : 'A') + c.slice(at + 1);

describe('findVerifyMatches: a decision number', () => {
  it.each(['3116/QĐ-BCT', '3116/QD-BCT', '3116 QĐ BCT', '3116 qd bct'])(
    'finds the decision and its linked certifications from %s',
    async (input) => {
      const f = await find(input);
      expect(f.decisions.map((d) => d.number)).toEqual([FACTORY_DECISION.number]);
      const [d] = f.decisions;
      expect(d!.productsCertified).toBe(FACTORY_DECISION.productsCertified);
      expect(d!.held).toBe(3);
      expect(d!.certifications.map((c) => c.productName).sort()).toEqual(['Hương sơn trà', 'Nhất diệp hảo trà', 'Trà Ô Long']);
      expect(d!.certifications.every((c) => c.decisionSlug === FACTORY_DECISION.slug)).toBe(true);
    },
  );

  it('finds every issuer of the serial when only "QĐ 3116" was typed', async () => {
    const f = await find('QĐ 3116');
    expect(f.decisions.map((d) => d.number).sort()).toEqual([OTHER_ISSUER_DECISION.number, FACTORY_DECISION.number].sort());
  });

  it('offers the decisions with the same serial when the issuer typed holds none', async () => {
    const f = await find('3116/QĐ-CTĐP');
    expect(countMatches(f)).toBe(0);
    expect(f.close.decisions.map((d) => d.number).sort()).toEqual([OTHER_ISSUER_DECISION.number, FACTORY_DECISION.number].sort());
  });

  it('does not count a draft product in "x of y"', async () => {
    await database.db
      .update(products)
      .set({ status: 'draft' })
      .where(eq(products.nameKey, compactKey('Nhất diệp hảo trà')));
    try {
      const [d] = (await find('3116/QĐ-BCT')).decisions;
      expect(d!.held).toBe(2);
      expect(d!.certifications.map((c) => c.productName)).not.toContain('Nhất diệp hảo trà');
    } finally {
      await database.db
        .update(products)
        .set({ status: 'published' })
        .where(eq(products.nameKey, compactKey('Nhất diệp hảo trà')));
    }
  });
});

describe('findVerifyMatches: a registry code', () => {
  it('finds the certification from its code typed without dashes, in lower case', async () => {
    const code = fixture.codes.get('Trà Ô Long 2019')!;
    const f = await find(code.toLowerCase());
    expect(f.codes.map((c) => c.registryCode)).toEqual([code]);
    expect(f.codes[0]!.establishmentName).toBe('Công ty Cổ phần Chè Thái Bình');
    expect(f.codes[0]!.provinceName).toBe('Lạng Sơn');
  });

  it('offers the held code one typo away when the check character fails', async () => {
    const code = fixture.codes.get('Hương sơn trà 2023')!;
    const f = await find(formatRegistryCode(typo(code, 6)));
    expect(countMatches(f)).toBe(0);
    expect(f.close.codes.map((c) => c.registryCode)).toContain(code);
  });
});

describe('findVerifyMatches: a certificate number', () => {
  it('finds the certification staff recorded the number on, with spaces and case ignored', async () => {
    for (const input of [fixture.certificateNo, fixture.certificateNo.toLowerCase().replace('/', ' / ')]) {
      const f = await find(input);
      expect(f.certificates.map((c) => c.productName)).toEqual(['Nước mắm Cát Hải']);
    }
  });
});

describe('findVerifyMatches: a name', () => {
  it('finds both certifications of "tra o long" typed without marks', async () => {
    const f = await find('tra o long');
    expect(f.products.map((p) => p.name)).toEqual(['Trà Ô Long']);
    expect(f.products[0]!.certifications.map((c) => c.roundYear)).toEqual([2023, 2019]);
  });

  it('finds an establishment by its name with the legal form spelled out, and lists its products', async () => {
    const f = await find('Hợp tác xã chè Tuyết Hương');
    expect(f.establishments.map((e) => e.name)).toEqual(['HTX chè Tuyết Hương']);
    expect(f.products.map((p) => p.name)).toEqual(['Hương sơn trà']);
  });

  it('offers names one typo away when nothing matches', async () => {
    const f = await find('nuoc mam cat hai'.replace('mam', 'mma'));
    expect(countMatches(f)).toBe(0);
    expect(f.close.names.map((n) => n.name)).toContain('Nước mắm Cát Hải');
  });

  it('lists at most the bounded number of products', async () => {
    const f = await find('tra');
    expect(f.products.length).toBeLessThanOrEqual(VERIFY_LIMITS.products);
  });
});

describe('each certification says its status on the day and how its end date was found', () => {
  const today = todayIso();
  it.each([
    ['Miến dong Bình Liêu', 'revoked', 'revoked'],
    ['Hương sơn trà', 'valid', 'manual'],
    ['Trà Ô Long', 'expired', 'rule'],
  ] as const)('%s: %s, date from %s', async (name, status, source) => {
    const f = await find(name);
    const certs = f.products.find((p) => p.name === name)!.certifications;
    const c = name === 'Trà Ô Long' ? certs.find((x) => x.roundYear === 2019)! : certs[0]!;
    const v = verdictOn(c, today);
    expect(v.status).toBe(status);
    expect(v.endSource).toBe(source);
    if (source === 'manual') expect(v.endDate).toBe('2027-06-30');
    if (source === 'revoked') expect(v.endDate).toBe('2025-03-04');
  });
});

describe('getVerifyExamples', () => {
  it('offers a code, a decision number and a name that the registry holds', async () => {
    const examples = await getVerifyExamples(database.db);
    expect([...fixture.codes.values()]).toContain(examples.code);
    expect(examples.decisionNumber).toBe(FACTORY_DECISION.number);
    expect(countMatches(await find(examples.productName!))).toBeGreaterThan(0);
  });
});
