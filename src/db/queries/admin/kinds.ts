/**
 * The record types staff edit, each as a RecordKind (./records.ts): how its form maps to columns and
 * related rows, what its list shows, and its writable state for history, conflicts and restores.
 */
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { type CertificationInput, CERTIFICATION_FIELDS, readCertificationForm } from '../../../domain/admin/certification-form.ts';
import { ESTABLISHMENT_FIELDS, readEstablishmentForm, type EstablishmentInput } from '../../../domain/admin/establishment-form.ts';
import { EXHIBITOR_FIELDS, readExhibitorForm, type ExhibitorInput } from '../../../domain/admin/exhibitor-form.ts';
import { FAIR_FIELDS, FAIR_LEVEL_OPTIONS, readFairForm, type FairInput } from '../../../domain/admin/fair-form.ts';
import {
  formatNameLine,
  ORGANISATION_FIELDS,
  ORGANISATION_KINDS,
  parseNameLine,
  readOrganisationForm,
  type OrganisationInput,
} from '../../../domain/admin/organisation-form.ts';
import { PRODUCT_FIELDS, readProductForm, type ProductInput } from '../../../domain/admin/product-form.ts';
import type { RecordSection } from '../../../domain/auth.ts';
import { establishmentKey, LEGAL_FORMS } from '../../../domain/establishments.ts';
import { LEVELS, levelCode, REGIONS } from '../../../domain/levels.ts';
import { makeRegistryCode, formatRegistryCode } from '../../../domain/registry-code.ts';
import { slugify, uniqueSlug } from '../../../domain/slug.ts';
import { compactKey } from '../../../domain/text.ts';
import { defaultValidUntil } from '../../../domain/validity.ts';
import type { DbOrTx } from '../../client.ts';
import {
  certifications,
  establishments,
  fairExhibitorProducts,
  fairExhibitors,
  fairs,
  organisationNames,
  organisations,
  productGroups,
  products,
  productSetItems,
  provinces,
} from '../../schema/index.ts';
import { certificationDecision } from './certification-decision.ts';
import { decisionKind } from './decision-kind.ts';
import { haystack, type Invalid, type RecordKind, type RecordState } from './records.ts';
import { regionalProvinceProblem } from '../../../domain/admin/certification-province.ts';
import { provinceRegions } from './certification-province.ts';

/** The writable fields of a row, plus its version. */
function pick(row: Record<string, unknown>, fields: readonly { name: string }[], extra: Record<string, unknown> = {}): RecordState {
  const state: Record<string, unknown> = {};
  for (const f of fields) state[f.name] = f.name in extra ? extra[f.name] : (row[f.name] ?? null);
  return { ...state, version: row['version'] as number };
}

/** The input without its version: the columns a form writes as they are. */
function plain<I extends { version: number }>(input: I, omit: readonly string[] = []): Record<string, unknown> {
  const { version: _version, ...rest } = input;
  void _version;
  return Object.fromEntries(Object.entries(rest).filter(([k]) => !omit.includes(k)));
}

async function freeSlug(db: DbOrTx, table: typeof products | typeof establishments | typeof fairs | typeof organisations, name: string) {
  const taken = new Set((await db.select({ slug: table.slug }).from(table)).map((r) => r.slug));
  return uniqueSlug(slugify(name) || 'ban-ghi', (s) => taken.has(s));
}

const statusOf = (s: string) => s as 'draft' | 'published';
const LEGAL = new Map(LEGAL_FORMS.map((f) => [f.code as string, f.vi]));
const LEVEL = new Map(LEVELS.map((l) => [l.code as string, l.vi]));
const REGION = new Map(REGIONS.map((r) => [r.code as string, r.vi]));
const FAIR_LEVEL = new Map(FAIR_LEVEL_OPTIONS.map((o) => [o.value, o.label]));
const ORG_KIND = new Map(ORGANISATION_KINDS.map((k) => [k.value as string, k.label]));

async function provinceName(db: DbOrTx, id: number): Promise<string | null> {
  const [p] = await db.select({ name: provinces.name }).from(provinces).where(eq(provinces.id, id));
  return p?.name ?? null;
}

export const establishmentKind: RecordKind<EstablishmentInput> = {
  section: 'establishments',
  entity: 'establishments',
  table: establishments,
  noun: { one: 'cơ sở', plural: 'Cơ sở sản xuất', add: 'Thêm cơ sở' },
  fields: ESTABLISHMENT_FIELDS,
  read: readEstablishmentForm,
  async load(db, id) {
    const [row] = await db.select().from(establishments).where(eq(establishments.id, id));
    return row ? pick(row, ESTABLISHMENT_FIELDS) : null;
  },
  async title(db, id) {
    const [row] = await db.select({ name: establishments.name }).from(establishments).where(eq(establishments.id, id));
    return row?.name ?? null;
  },
  async publicPath(db, id) {
    const [row] = await db.select({ slug: establishments.slug }).from(establishments).where(eq(establishments.id, id));
    return row ? `/producers/${row.slug}/` : null;
  },
  async columns(db, input) {
    const name = await provinceName(db, input.provinceId);
    if (!name) return { invalid: { field: 'provinceId', message: 'Tỉnh/thành không có trong danh mục.' } };
    return { ...plain(input), nameKey: establishmentKey(input.name, [name]) };
  },
  async createColumns(db, input) {
    return { slug: await freeSlug(db, establishments, input.name) };
  },
  async list(db) {
    const rows = await db
      .select({
        id: establishments.id,
        name: establishments.name,
        legalForm: establishments.legalForm,
        status: establishments.status,
        updatedAt: establishments.updatedAt,
        provinceName: provinces.name,
      })
      .from(establishments)
      .leftJoin(provinces, eq(establishments.provinceId, provinces.id));
    return rows.map((r) => ({
      id: r.id,
      title: r.name,
      cells: [r.provinceName, LEGAL.get(r.legalForm) ?? r.legalForm],
      status: statusOf(r.status),
      updatedAt: r.updatedAt,
      haystack: haystack(r.name, r.provinceName),
      facets: { status: r.status, legalForm: r.legalForm },
    }));
  },
  columnsHeadings: ['Tỉnh/thành', 'Loại hình'],
  filters: [
    { name: 'legalForm', label: 'Loại hình', options: 'legalForms' },
    { name: 'status', label: 'Trạng thái', options: 'statuses' },
  ],
  defaults: { legalForm: 'other', status: 'published', version: 1 },
};

export const productKind: RecordKind<ProductInput> = {
  section: 'products',
  entity: 'products',
  table: products,
  noun: { one: 'sản phẩm', plural: 'Sản phẩm', add: 'Thêm sản phẩm' },
  fields: PRODUCT_FIELDS,
  read: readProductForm,
  async load(db, id) {
    const [row] = await db.select().from(products).where(eq(products.id, id));
    if (!row) return null;
    const items = await db
      .select({ name: productSetItems.name })
      .from(productSetItems)
      .where(eq(productSetItems.productId, id))
      .orderBy(asc(productSetItems.position));
    return pick(row, PRODUCT_FIELDS, { setItems: items.map((i) => i.name) });
  },
  async title(db, id) {
    const [row] = await db.select({ name: products.name }).from(products).where(eq(products.id, id));
    return row?.name ?? null;
  },
  async publicPath(db, id) {
    const [row] = await db.select({ slug: products.slug }).from(products).where(eq(products.id, id));
    return row ? `/products/${row.slug}/` : null;
  },
  columns(_db, input) {
    return Promise.resolve({ ...plain(input, ['setItems']), nameKey: compactKey(input.name) });
  },
  async createColumns(db, input) {
    return { slug: await freeSlug(db, products, input.name) };
  },
  async relations(tx, id, input) {
    await tx.delete(productSetItems).where(eq(productSetItems.productId, id));
    if (input.setItems.length > 0)
      await tx.insert(productSetItems).values(input.setItems.map((name, position) => ({ productId: id, position, name })));
  },
  async list(db) {
    const rows = await db
      .select({
        id: products.id,
        name: products.name,
        kind: products.kind,
        status: products.status,
        updatedAt: products.updatedAt,
        groupId: products.groupId,
        groupName: productGroups.nameVi,
        producer: establishments.name,
      })
      .from(products)
      .leftJoin(establishments, eq(products.establishmentId, establishments.id))
      .leftJoin(productGroups, eq(products.groupId, productGroups.id));
    const certs = new Map(
      (await db.select({ productId: certifications.productId, n: count() }).from(certifications).groupBy(certifications.productId)).map(
        (r) => [r.productId, r.n],
      ),
    );
    return rows.map((r) => ({
      id: r.id,
      title: r.name,
      cells: [r.producer, r.groupName, r.kind === 'set' ? 'Bộ sản phẩm' : 'Đơn', certs.get(r.id) ?? 0],
      status: statusOf(r.status),
      updatedAt: r.updatedAt,
      haystack: haystack(r.name, r.producer),
      facets: { status: r.status, kind: r.kind, groupId: r.groupId === null ? null : String(r.groupId) },
    }));
  },
  columnsHeadings: ['Cơ sở', 'Nhóm', 'Loại', 'Chứng nhận'],
  filters: [
    { name: 'groupId', label: 'Nhóm', options: 'groups' },
    { name: 'kind', label: 'Loại', options: 'productKinds' },
    { name: 'status', label: 'Trạng thái', options: 'statuses' },
  ],
  defaults: { kind: 'single', status: 'published', version: 1 },
};

type CertificationValues = ReturnType<typeof CertificationInput.parse>;

export const certificationKind: RecordKind<CertificationValues> = {
  section: 'certifications',
  entity: 'certifications',
  table: certifications,
  noun: { one: 'chứng nhận', plural: 'Chứng nhận', add: 'Thêm chứng nhận' },
  fields: CERTIFICATION_FIELDS,
  read: readCertificationForm,
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
    return row ? `${row.name} — ${LEVEL.get(row.level) ?? row.level} ${row.year} (${formatRegistryCode(row.code)})` : null;
  },
  async publicPath(db, id) {
    const [row] = await db.select({ code: certifications.registryCode }).from(certifications).where(eq(certifications.id, id));
    return row ? `/verify/${row.code}/` : null;
  },
  async columns(db, input, id) {
    const province = await provinceName(db, input.provinceId);
    if (!province) return { invalid: { field: 'provinceId', message: 'Tỉnh/thành không có trong danh mục.' } };
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
  async createColumns(db, input) {
    const [product] = await db
      .select({ nameKey: products.nameKey, producerKey: establishments.nameKey })
      .from(products)
      .leftJoin(establishments, eq(products.establishmentId, establishments.id))
      .where(eq(products.id, input.productId));
    const province = (await provinceName(db, input.provinceId)) ?? '';
    // The identity an import of the same row would compute, so re-importing an official list matches it.
    const importKey = [
      product?.nameKey ?? String(input.productId),
      product?.producerKey ?? `@${compactKey(province)}`,
      levelCode({ level: input.level, region: input.regionCode }),
      input.roundYear,
    ].join('|');
    const [same] = await db.select({ id: certifications.id }).from(certifications).where(eq(certifications.importKey, importKey));
    if (same)
      return {
        invalid: { field: 'roundYear', message: 'Sản phẩm này đã có một chứng nhận cùng cấp trong năm này; hãy sửa chứng nhận đó.' },
      };
    for (let attempt = 0; ; attempt++) {
      const code = makeRegistryCode(input.level, input.roundYear, importKey, attempt);
      const [taken] = await db.select({ id: certifications.id }).from(certifications).where(eq(certifications.registryCode, code));
      if (!taken) return { registryCode: code, importKey };
    }
  },
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
      cells: [
        `${LEVEL.get(r.level) ?? r.level}${r.regionCode ? ` – ${REGION.get(r.regionCode)}` : ''}`,
        r.year,
        r.province,
        formatRegistryCode(r.code),
      ],
      status: statusOf(r.status),
      updatedAt: r.updatedAt,
      haystack: haystack(r.product, r.province, r.code, formatRegistryCode(r.code), r.decisionNo),
      facets: { status: r.status, level: r.level },
    }));
  },
  columnsHeadings: ['Cấp', 'Năm', 'Tỉnh/thành', 'Mã tra cứu'],
  filters: [
    { name: 'level', label: 'Cấp', options: 'levels' },
    { name: 'status', label: 'Trạng thái', options: 'statuses' },
  ],
  defaults: { level: 'provincial', roundYear: String(new Date().getUTCFullYear()), status: 'published', version: 1 },
};

export const fairKind: RecordKind<FairInput> = {
  section: 'fairs',
  entity: 'fairs',
  table: fairs,
  noun: { one: 'hội chợ', plural: 'Hội chợ', add: 'Thêm hội chợ' },
  fields: FAIR_FIELDS,
  read: readFairForm,
  async load(db, id) {
    const [row] = await db.select().from(fairs).where(eq(fairs.id, id));
    return row ? pick(row, FAIR_FIELDS) : null;
  },
  async title(db, id) {
    const [row] = await db.select({ name: fairs.name }).from(fairs).where(eq(fairs.id, id));
    return row?.name ?? null;
  },
  async publicPath(db, id) {
    const [row] = await db.select({ slug: fairs.slug }).from(fairs).where(eq(fairs.id, id));
    return row ? `/fairs/${row.slug}/` : null;
  },
  columns(_db, input) {
    return Promise.resolve(plain(input));
  },
  async createColumns(db, input) {
    return { slug: await freeSlug(db, fairs, input.name) };
  },
  async list(db) {
    const rows = await db.select().from(fairs);
    const exhibitors = new Map(
      (await db.select({ fairId: fairExhibitors.fairId, n: count() }).from(fairExhibitors).groupBy(fairExhibitors.fairId)).map((r) => [
        r.fairId,
        r.n,
      ]),
    );
    return rows.map((r) => ({
      id: r.id,
      title: r.name,
      cells: [
        [r.startDate, r.endDate].filter(Boolean).join(' → ') || null,
        r.city,
        (r.level && FAIR_LEVEL.get(r.level)) ?? null,
        exhibitors.get(r.id) ?? 0,
      ],
      status: statusOf(r.status),
      updatedAt: r.updatedAt,
      haystack: haystack(r.name, r.city, r.venue, r.organiserText),
      facets: { status: r.status, level: r.level },
    }));
  },
  columnsHeadings: ['Ngày', 'Nơi tổ chức', 'Cấp', 'Đơn vị tham gia'],
  filters: [
    { name: 'level', label: 'Cấp', options: 'fairLevels' },
    { name: 'status', label: 'Trạng thái', options: 'statuses' },
  ],
  defaults: { country: 'VN', status: 'published', version: 1 },
};

export const exhibitorKind: RecordKind<ExhibitorInput> = {
  section: 'exhibitors',
  entity: 'fair_exhibitors',
  table: fairExhibitors,
  noun: { one: 'đơn vị tham gia', plural: 'Đơn vị tham gia hội chợ', add: 'Thêm đơn vị tham gia' },
  fields: EXHIBITOR_FIELDS,
  multi: ['productIds'],
  read: readExhibitorForm,
  async load(db, id) {
    const [row] = await db.select().from(fairExhibitors).where(eq(fairExhibitors.id, id));
    if (!row) return null;
    const shown = await db
      .select({ productId: fairExhibitorProducts.productId })
      .from(fairExhibitorProducts)
      .where(eq(fairExhibitorProducts.exhibitorId, id))
      .orderBy(asc(fairExhibitorProducts.productId));
    return pick(row, EXHIBITOR_FIELDS, { productIds: shown.map((s) => s.productId) });
  },
  async title(db, id) {
    const [row] = await db
      .select({ name: establishments.name, fair: fairs.name })
      .from(fairExhibitors)
      .innerJoin(establishments, eq(fairExhibitors.establishmentId, establishments.id))
      .innerJoin(fairs, eq(fairExhibitors.fairId, fairs.id))
      .where(eq(fairExhibitors.id, id));
    return row ? `${row.name} — ${row.fair}` : null;
  },
  async publicPath(db, id) {
    const [row] = await db
      .select({ slug: fairs.slug })
      .from(fairExhibitors)
      .innerJoin(fairs, eq(fairExhibitors.fairId, fairs.id))
      .where(eq(fairExhibitors.id, id));
    return row ? `/fairs/${row.slug}/` : null;
  },
  async columns(db, input, id): Promise<Record<string, unknown> | Invalid> {
    let establishmentId = input.establishmentId;
    if (id !== null) {
      const [row] = await db
        .select({ establishmentId: fairExhibitors.establishmentId })
        .from(fairExhibitors)
        .where(eq(fairExhibitors.id, id));
      establishmentId = row!.establishmentId;
    } else {
      const [duplicate] = await db
        .select({ id: fairExhibitors.id })
        .from(fairExhibitors)
        .where(and(eq(fairExhibitors.fairId, input.fairId), eq(fairExhibitors.establishmentId, input.establishmentId)));
      if (duplicate) return { invalid: { field: 'establishmentId', message: 'Cơ sở này đã có trong danh sách của hội chợ.' } };
    }
    if (input.productIds.length > 0) {
      const owned = await db
        .select({ id: products.id })
        .from(products)
        .where(and(inArray(products.id, input.productIds), eq(products.establishmentId, establishmentId)));
      if (owned.length !== input.productIds.length)
        return { invalid: { field: 'productIds', message: 'Chỉ chọn được sản phẩm của chính cơ sở này.' } };
    }
    // The fair and the establishment are chosen once; moving a booth to another fair is a new exhibitor.
    return plain(input, id === null ? ['productIds'] : ['productIds', 'fairId', 'establishmentId']);
  },
  async relations(tx, id, input) {
    await tx.delete(fairExhibitorProducts).where(eq(fairExhibitorProducts.exhibitorId, id));
    if (input.productIds.length > 0)
      await tx.insert(fairExhibitorProducts).values(input.productIds.map((productId) => ({ exhibitorId: id, productId })));
  },
  async list(db) {
    const rows = await db
      .select({
        id: fairExhibitors.id,
        name: establishments.name,
        fairId: fairExhibitors.fairId,
        fair: fairs.name,
        booth: fairExhibitors.boothCode,
        hall: fairExhibitors.hall,
        isSample: fairExhibitors.isSample,
        status: fairExhibitors.status,
        updatedAt: fairExhibitors.updatedAt,
      })
      .from(fairExhibitors)
      .innerJoin(establishments, eq(fairExhibitors.establishmentId, establishments.id))
      .innerJoin(fairs, eq(fairExhibitors.fairId, fairs.id));
    const shown = new Map<number, string[]>();
    for (const p of await db
      .select({ exhibitorId: fairExhibitorProducts.exhibitorId, name: products.name })
      .from(fairExhibitorProducts)
      .innerJoin(products, eq(fairExhibitorProducts.productId, products.id)))
      shown.set(p.exhibitorId, [...(shown.get(p.exhibitorId) ?? []), p.name]);
    return rows.map((r) => ({
      id: r.id,
      title: r.isSample ? `${r.name} (mẫu)` : r.name,
      cells: [r.fair, r.booth, r.hall, (shown.get(r.id) ?? []).join('; ') || null],
      status: statusOf(r.status),
      updatedAt: r.updatedAt,
      haystack: haystack(r.name, r.fair, r.booth, r.hall, ...(shown.get(r.id) ?? [])),
      facets: { status: r.status, fairId: String(r.fairId) },
    }));
  },
  columnsHeadings: ['Hội chợ', 'Gian hàng', 'Khu', 'Sản phẩm trưng bày'],
  filters: [
    { name: 'fairId', label: 'Hội chợ', options: 'fairs' },
    { name: 'status', label: 'Trạng thái', options: 'statuses' },
  ],
  defaults: { status: 'published', version: 1, productIds: [] },
};

async function organisationNameRows(db: DbOrTx, id: number) {
  return db.select().from(organisationNames).where(eq(organisationNames.organisationId, id)).orderBy(asc(organisationNames.id));
}

export const organisationKind: RecordKind<OrganisationInput> = {
  section: 'organisations',
  entity: 'organisations',
  table: organisations,
  noun: { one: 'cơ quan', plural: 'Cơ quan công nhận và tổ chức', add: 'Thêm cơ quan' },
  fields: ORGANISATION_FIELDS,
  read: readOrganisationForm,
  async load(db, id) {
    const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
    if (!row) return null;
    const names = (await organisationNameRows(db, id)).map((n) => formatNameLine(n));
    return pick(row, ORGANISATION_FIELDS, { names });
  },
  async title(db, id) {
    return (await organisationNameRows(db, id)).at(-1)?.name ?? null;
  },
  columns(_db, input) {
    return Promise.resolve(plain(input, ['names']));
  },
  async createColumns(db, input) {
    const newest = parseNameLine(input.names.at(-1)!);
    return { slug: await freeSlug(db, organisations, typeof newest === 'string' ? input.names.at(-1)! : newest.name) };
  },
  async relations(tx, id, input) {
    // Rows are matched by position so that notes kept on a name stay with it.
    const existing = await organisationNameRows(tx, id);
    const wanted = input.names.map((line) => parseNameLine(line)).filter((n) => typeof n !== 'string');
    for (const [i, name] of wanted.entries()) {
      const row = existing[i];
      if (row) await tx.update(organisationNames).set(name).where(eq(organisationNames.id, row.id));
      else await tx.insert(organisationNames).values({ organisationId: id, ...name });
    }
    const surplus = existing.slice(wanted.length).map((r) => r.id);
    if (surplus.length > 0) await tx.delete(organisationNames).where(inArray(organisationNames.id, surplus));
  },
  async list(db) {
    const rows = await db
      .select({
        id: organisations.id,
        kind: organisations.kind,
        status: organisations.status,
        updatedAt: organisations.updatedAt,
        province: provinces.name,
      })
      .from(organisations)
      .leftJoin(provinces, eq(organisations.provinceId, provinces.id));
    const names = new Map<number, string[]>();
    for (const n of await db.select().from(organisationNames).orderBy(asc(organisationNames.id)))
      names.set(n.organisationId, [...(names.get(n.organisationId) ?? []), n.name]);
    return rows.map((r) => {
      const all = names.get(r.id) ?? [];
      return {
        id: r.id,
        title: all.at(-1) ?? `#${r.id}`,
        cells: [ORG_KIND.get(r.kind) ?? r.kind, r.province, all.length > 1 ? all.slice(0, -1).join('; ') : null],
        status: statusOf(r.status),
        updatedAt: r.updatedAt,
        haystack: haystack(...all, r.province),
        facets: { status: r.status, kind: r.kind },
      };
    });
  },
  columnsHeadings: ['Loại', 'Tỉnh/thành', 'Tên trước đây'],
  filters: [
    { name: 'kind', label: 'Loại', options: 'organisationKinds' },
    { name: 'status', label: 'Trạng thái', options: 'statuses' },
  ],
  defaults: { kind: 'provincial_department', status: 'published', version: 1 },
};

export const RECORD_KINDS = {
  establishments: establishmentKind,
  products: productKind,
  certifications: certificationKind,
  fairs: fairKind,
  exhibitors: exhibitorKind,
  organisations: organisationKind,
  decisions: decisionKind,
} as const satisfies Record<RecordSection, RecordKind>;

/** The kind of a URL section, or null for anything else. */
export function recordKind(section: string | undefined): RecordKind | null {
  return section && Object.hasOwn(RECORD_KINDS, section) ? RECORD_KINDS[section as RecordSection] : null;
}
