/**
 * Certifications as a record kind staff edit (../records.ts): the decision they cite, the validity rule,
 * and the registry code and import key fixed at creation.
 */
import { eq } from 'drizzle-orm';
import { type CertificationInput, CERTIFICATION_FIELDS, readCertificationForm } from '#domain/admin/certification-form.ts';
import { regionalProvinceProblem } from '#domain/admin/certification-province.ts';
import { KIND_MESSAGES, levelLabel, levelWithRegion } from '#domain/admin/kind-labels.ts';
import { levelCode } from '#domain/levels.ts';
import { formatRegistryCode, makeRegistryCode } from '#domain/registry-code.ts';
import { compactKey } from '#domain/text.ts';
import { defaultValidUntil } from '#domain/validity.ts';
import type { DbOrTx } from '#db/client.ts';
import { certifications, establishments, products, provinces } from '#db/schema/index.ts';
import { certificationDecision } from '#db/queries/admin/certification-decision.ts';
import { provinceRegions } from '#db/queries/admin/certification-province.ts';
import { haystack, type Invalid, type RecordKind } from '#db/queries/admin/records.ts';
import { kindOf, labelled, pick, plain, provinceName, statusOf } from './shared.ts';

type CertificationValues = ReturnType<typeof CertificationInput.parse>;

/** The identity an import of the same row would compute, so re-importing an official list matches it. */
async function importKeyOf(db: DbOrTx, input: CertificationValues): Promise<string> {
  const [product] = await db
    .select({ nameKey: products.nameKey, producerKey: establishments.nameKey })
    .from(products)
    .leftJoin(establishments, eq(products.establishmentId, establishments.id))
    .where(eq(products.id, input.productId));
  const province = (await provinceName(db, input.provinceId)) ?? '';
  return [
    product?.nameKey ?? String(input.productId),
    product?.producerKey ?? `@${compactKey(province)}`,
    levelCode({ level: input.level, region: input.regionCode }),
    input.roundYear,
  ].join('|');
}

/** The registry code and import key of a new certification, or a refusal when the same one exists. */
async function createColumns(db: DbOrTx, input: CertificationValues): Promise<Record<string, unknown> | Invalid> {
  const importKey = await importKeyOf(db, input);
  const [same] = await db.select({ id: certifications.id }).from(certifications).where(eq(certifications.importKey, importKey));
  if (same) return { invalid: { field: 'roundYear', message: KIND_MESSAGES.certificationTwin } };
  for (let attempt = 0; ; attempt++) {
    const code = makeRegistryCode(input.level, input.roundYear, importKey, attempt);
    const [taken] = await db.select({ id: certifications.id }).from(certifications).where(eq(certifications.registryCode, code));
    if (!taken) return { registryCode: code, importKey };
  }
}

export const certificationKind: RecordKind<CertificationValues> = {
  ...kindOf('certifications', certifications, CERTIFICATION_FIELDS, readCertificationForm),
  async load(db, id) {
    const [row] = await db.select().from(certifications).where(eq(certifications.id, id));
    if (!row) return null;
    // A date that follows the rule is shown empty: the form recomputes it if the year changes.
    return pick(row, CERTIFICATION_FIELDS, { validUntil: row.validUntilSource === 'manual' ? row.validUntil : null });
  },
  async title(db, id) {
    const [row] = await db
      .select({ name: products.name, level: certifications.level, year: certifications.roundYear, code: certifications.registryCode })
      .from(certifications)
      .innerJoin(products, eq(certifications.productId, products.id))
      .where(eq(certifications.id, id));
    return row ? `${row.name} — ${levelLabel(row.level)} ${row.year} (${formatRegistryCode(row.code)})` : null;
  },
  async publicPath(db, id) {
    const [row] = await db.select({ code: certifications.registryCode }).from(certifications).where(eq(certifications.id, id));
    return row ? `/verify/${row.code}/` : null;
  },
  async columns(db, input, id) {
    const province = await provinceName(db, input.provinceId);
    if (!province) return { invalid: { field: 'provinceId', message: KIND_MESSAGES.unknownProvince } };
    const outside = input.regionCode && regionalProvinceProblem((await provinceRegions(db, input.provinceId))!, input.regionCode);
    if (outside) return { invalid: { field: 'provinceId', message: outside } };
    const decision = await certificationDecision(db, input);
    if ('invalid' in decision) return decision;
    const rule = defaultValidUntil(input.roundYear);
    const manual = input.validUntil !== null && input.validUntil !== rule;
    // The product is chosen once: a certification never moves to another product.
    return {
      ...plain(input, id === null ? [] : ['productId']),
      decisionNo: input.decisionNo ?? decision.number,
      validUntil: manual ? input.validUntil : rule,
      validUntilSource: manual ? 'manual' : 'rule',
    };
  },
  createColumns,
  async list(db) {
    const rows = await db
      .select({
        id: certifications.id,
        product: products.name,
        level: certifications.level,
        regionCode: certifications.regionCode,
        year: certifications.roundYear,
        code: certifications.registryCode,
        decisionNo: certifications.decisionNo,
        status: certifications.status,
        updatedAt: certifications.updatedAt,
        province: provinces.name,
      })
      .from(certifications)
      .innerJoin(products, eq(certifications.productId, products.id))
      .leftJoin(provinces, eq(certifications.provinceId, provinces.id));
    return rows.map((r) => ({
      id: r.id,
      title: r.product,
      cells: [levelWithRegion(r.level, r.regionCode), r.year, r.province, formatRegistryCode(r.code)],
      status: statusOf(r.status),
      updatedAt: r.updatedAt,
      haystack: haystack(r.product, r.province, r.code, formatRegistryCode(r.code), r.decisionNo),
      facets: { status: r.status, level: r.level },
    }));
  },
  ...labelled('certifications', [
    ['level', 'levels'],
    ['status', 'statuses'],
  ]),
  defaults: { level: 'provincial', roundYear: String(new Date().getUTCFullYear()), status: 'published', version: 1 },
};
