import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { editable, nowIso, ownedBy, requiredLink } from './columns.ts';
import { organisations, productGroups, provinces, regions } from './reference.ts';

/** A rural industrial establishment (cơ sở CNNT). */
export const establishments = sqliteTable(
  'establishments',
  {
    id: integer('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    /** The English name where staff have one (never invented); English pages fall back to \`name\`. */
    nameEn: text('name_en'),
    /** compactKey of the name without a trailing province name: what duplicate detection compares. */
    nameKey: text('name_key').notNull(),
    legalForm: text('legal_form', {
      enum: ['enterprise', 'cooperative', 'cooperative_group', 'household', 'other'],
    }).notNull(),
    address: text('address'),
    /** The province as registered (an old unit for records from before the 2025 merger). */
    provinceId: integer('province_id').references(() => provinces.id),
    phone: text('phone'),
    email: text('email'),
    website: text('website'),
    descriptionVi: text('description_vi'),
    descriptionEn: text('description_en'),
    ...editable(),
  },
  (t) => [index('establishments_name_key').on(t.nameKey), index('establishments_province').on(t.provinceId)],
);

/** A product, single or a set (bộ sản phẩm); it holds many certifications over the years. */
export const products = sqliteTable(
  'products',
  {
    id: integer('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    /** The English name where staff have one (never invented); English pages fall back to \`name\`. */
    nameEn: text('name_en'),
    nameKey: text('name_key').notNull(),
    kind: text('kind', { enum: ['single', 'set'] })
      .notNull()
      .default('single'),
    groupId: integer('group_id').references(() => productGroups.id),
    establishmentId: integer('establishment_id').references(() => establishments.id),
    descriptionVi: text('description_vi'),
    descriptionEn: text('description_en'),
    ...editable(),
  },
  (t) => [index('products_name_key').on(t.nameKey), index('products_establishment').on(t.establishmentId)],
);

/** The items of a product set, in order. */
export const productSetItems = sqliteTable(
  'product_set_items',
  {
    id: integer('id').primaryKey(),
    productId: ownedBy('product_id', () => products.id),
    position: integer('position').notNull(),
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('product_set_items_position').on(t.productId, t.position)],
);

/**
 * A recognition decision (Quyết định công nhận): one decision certifies many products, and each
 * certification points to the decision that made it. The number is kept exactly as printed.
 */
export const decisions = sqliteTable(
  'decisions',
  {
    id: integer('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    /** The number as printed, e.g. "3116/QĐ-BCT". */
    number: text('number').notNull(),
    /** The number folded for matching (marks, case, spaces and separators ignored): what lookups compare. */
    numberKey: text('number_key').notNull(),
    decisionDate: text('decision_date'),
    /** The issuing body as the source names it; issuer_id links the organisation where it is known. */
    issuerText: text('issuer_text'),
    issuerId: integer('issuer_id').references(() => organisations.id),
    level: text('level', { enum: ['commune', 'district', 'provincial', 'regional', 'national'] }).notNull(),
    regionCode: text('region_code').references(() => regions.code),
    roundYear: integer('round_year').notNull(),
    /** How many products the decision certified, as published (the registry may hold fewer). */
    productsCertified: integer('products_certified'),
    note: text('note'),
    sourceUrl: text('source_url'),
    /** The decision's PDF, stored by content hash outside the web root (null: none uploaded). */
    documentHash: text('document_hash'),
    documentName: text('document_name'),
    documentBytes: integer('document_bytes'),
    /** Identity of a seeded or imported decision (number key, level, year, issuer key): re-seeding matches on it. */
    importKey: text('import_key').unique(),
    ...editable(),
  },
  (t) => [
    index('decisions_number_key').on(t.numberKey),
    index('decisions_level_year').on(t.level, t.roundYear),
    check('decisions_region_iff_regional', sql`(${t.level} = 'regional') = (${t.regionCode} IS NOT NULL)`),
    check('decisions_products_certified', sql`${t.productsCertified} IS NULL OR ${t.productsCertified} >= 0`),
  ],
);

/** One recognition of a product at one level in one round: its own record with its own registry code. */
export const certifications = sqliteTable(
  'certifications',
  {
    id: integer('id').primaryKey(),
    productId: requiredLink('product_id', () => products.id),
    level: text('level', { enum: ['commune', 'district', 'provincial', 'regional', 'national'] }).notNull(),
    regionCode: text('region_code').references(() => regions.code),
    roundYear: integer('round_year').notNull(),
    decisionNo: text('decision_no'),
    decisionDate: text('decision_date'),
    /** The decision record this certification was made by, when known (decision_no keeps the text as given). */
    decisionId: integer('decision_id').references(() => decisions.id),
    issuerId: integer('issuer_id').references(() => organisations.id),
    certificateNo: text('certificate_no'),
    registryCode: text('registry_code').notNull().unique(),
    score: real('score'),
    awardTier: text('award_tier'),
    issuedOn: text('issued_on'),
    validUntil: text('valid_until'),
    /** 'rule' when valid_until came from the configured validity rule, 'manual' when staff set it. */
    validUntilSource: text('valid_until_source', { enum: ['rule', 'manual'] })
      .notNull()
      .default('rule'),
    revokedAt: text('revoked_at'),
    revokedReason: text('revoked_reason'),
    /** The province as it was when certified (an old unit before the 2025 merger). */
    provinceId: requiredLink('province_id', () => provinces.id),
    productNameAsPublished: text('product_name_as_published'),
    producerNameAsPublished: text('producer_name_as_published'),
    sourceUrl: text('source_url'),
    /** Identity of the imported row (folded product, producer, level, year): re-imports match on it. */
    importKey: text('import_key').unique(),
    ...editable(),
  },
  (t) => [
    index('certifications_product').on(t.productId),
    index('certifications_level_year').on(t.level, t.roundYear),
    index('certifications_decision').on(t.decisionId),
    check('certifications_region_iff_regional', sql`(${t.level} = 'regional') = (${t.regionCode} IS NOT NULL)`),
    check('certifications_score_range', sql`${t.score} IS NULL OR (${t.score} >= 0 AND ${t.score} <= 100)`),
  ],
);

/** An image upload, stored once by content hash. */
export const images = sqliteTable('images', {
  id: integer('id').primaryKey(),
  contentHash: text('content_hash').notNull().unique(),
  mime: text('mime').notNull(),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  bytes: integer('bytes').notNull(),
  createdAt: text('created_at').notNull().default(nowIso),
});

export const productImages = sqliteTable(
  'product_images',
  {
    productId: ownedBy('product_id', () => products.id),
    imageId: requiredLink('image_id', () => images.id),
    position: integer('position').notNull(),
    altVi: text('alt_vi'),
    altEn: text('alt_en'),
  },
  (t) => [primaryKey({ columns: [t.productId, t.imageId] })],
);

/** Slugs never change once published: a renamed record's old slug redirects here. */
export const slugRedirects = sqliteTable(
  'slug_redirects',
  {
    id: integer('id').primaryKey(),
    entity: text('entity', { enum: ['product', 'establishment', 'fair'] }).notNull(),
    oldSlug: text('old_slug').notNull(),
    entityId: integer('entity_id').notNull(),
  },
  (t) => [uniqueIndex('slug_redirects_entity_slug').on(t.entity, t.oldSlug)],
);

export type Establishment = typeof establishments.$inferSelect;
export type Product = typeof products.$inferSelect;
export type Certification = typeof certifications.$inferSelect;
export type Decision = typeof decisions.$inferSelect;
