import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { editable, ownedBy } from './columns.ts';

/** The three regions of regional rounds. Membership of provinces is data (provinces.region_code). */
export const regions = sqliteTable('regions', {
  code: text('code', { enum: ['north', 'central', 'south'] }).primaryKey(),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en').notNull(),
});

/**
 * Provincial units of both eras: the 63 before 1 July 2025 and the 34 after. An old unit points at
 * the current unit it became part of; a unit that did not change exists once per era.
 */
export const provinces = sqliteTable(
  'provinces',
  {
    id: integer('id').primaryKey(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    era: text('era', { enum: ['pre2025', 'current'] }).notNull(),
    unitType: text('unit_type', { enum: ['province', 'city'] }).notNull(),
    successorId: integer('successor_id').references((): AnySQLiteColumn => provinces.id),
    regionCode: text('region_code').references(() => regions.code),
    aliases: text('aliases', { mode: 'json' })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
  },
  (t) => [
    uniqueIndex('provinces_era_slug').on(t.era, t.slug),
    check('provinces_successor_era', sql`(${t.era} = 'current') = (${t.successorId} IS NULL)`),
  ],
);

/** The four product groups; labels lists every wording the official lists have used. */
export const productGroups = sqliteTable('product_groups', {
  id: integer('id').primaryKey(),
  code: text('code', { enum: ['handicraft', 'food', 'machinery', 'other'] })
    .notNull()
    .unique(),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en').notNull(),
  labels: text('labels', { mode: 'json' }).$type<string[]>().notNull(),
});

/** Bodies that issue certificates or organise fairs; their names change over time (organisation_names). */
export const organisations = sqliteTable(
  'organisations',
  {
    id: integer('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    kind: text('kind', {
      enum: ['ministry', 'ministry_department', 'provincial_committee', 'provincial_department', 'local_committee', 'other'],
    }).notNull(),
    provinceId: integer('province_id').references(() => provinces.id),
    ...editable(),
  },
  (t) => [index('organisations_province').on(t.provinceId)],
);

/** A name an organisation bore from valid_from to valid_to (either end may be unknown). */
export const organisationNames = sqliteTable(
  'organisation_names',
  {
    id: integer('id').primaryKey(),
    organisationId: ownedBy('organisation_id', () => organisations.id),
    name: text('name').notNull(),
    /** This name in English where staff have one (never invented); English pages fall back to \`name\`. */
    nameEn: text('name_en'),
    validFrom: text('valid_from'),
    validTo: text('valid_to'),
    note: text('note'),
  },
  (t) => [index('organisation_names_org').on(t.organisationId)],
);

export type Province = typeof provinces.$inferSelect;
export type Organisation = typeof organisations.$inferSelect;
export type OrganisationName = typeof organisationNames.$inferSelect;
