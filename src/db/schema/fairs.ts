import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { editable, ownedBy, requiredLink } from './columns.ts';
import { establishments, products } from './catalogue.ts';
import { organisations, regions } from './reference.ts';

/** A trade fair (hội chợ triển lãm); regional and national rounds each have one. */
export const fairs = sqliteTable('fairs', {
  id: integer('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  /** The English name where staff have one (never invented); English pages fall back to \`name\`. */
  nameEn: text('name_en'),
  level: text('level', { enum: ['national', 'regional', 'provincial', 'international', 'other'] }),
  regionCode: text('region_code').references(() => regions.code),
  startDate: text('start_date'),
  endDate: text('end_date'),
  city: text('city'),
  country: text('country').notNull().default('VN'),
  venue: text('venue'),
  /** The organiser as published; organiser_id links a known organisation where one is identified. */
  organiserText: text('organiser_text'),
  organiserId: integer('organiser_id').references(() => organisations.id),
  boothCount: integer('booth_count'),
  /** true when the source said "more than N" booths. */
  boothCountIsMinimum: integer('booth_count_is_minimum', { mode: 'boolean' }).notNull().default(false),
  exhibitorCount: integer('exhibitor_count'),
  sourceUrl: text('source_url'),
  /** What the source leaves uncertain (a planned date, a translated name, one date only): shown as a note, never in the name. */
  note: text('note'),
  descriptionVi: text('description_vi'),
  descriptionEn: text('description_en'),
  /** The floor plan's drawing size in plan units (booth positions use the same units). No size, no plan. */
  planWidth: integer('plan_width'),
  planHeight: integer('plan_height'),
  ...editable(),
});

/** An establishment exhibiting at a fair, at a booth. */
export const fairExhibitors = sqliteTable(
  'fair_exhibitors',
  {
    id: integer('id').primaryKey(),
    fairId: ownedBy('fair_id', () => fairs.id),
    establishmentId: requiredLink('establishment_id', () => establishments.id),
    boothCode: text('booth_code'),
    hall: text('hall'),
    /** Generated demonstration rows (npm run db:seed -- --demo) are marked, never mixed with facts. */
    isSample: integer('is_sample', { mode: 'boolean' }).notNull().default(false),
    /** The booth's rectangle on the fair's floor plan, in plan units; all four or none. */
    planX: real('plan_x'),
    planY: real('plan_y'),
    planW: real('plan_w'),
    planH: real('plan_h'),
    ...editable(),
  },
  (t) => [
    uniqueIndex('fair_exhibitors_fair_establishment').on(t.fairId, t.establishmentId),
    index('fair_exhibitors_establishment').on(t.establishmentId),
  ],
);

/** The products an exhibitor shows at its booth. */
export const fairExhibitorProducts = sqliteTable(
  'fair_exhibitor_products',
  {
    exhibitorId: ownedBy('exhibitor_id', () => fairExhibitors.id),
    productId: requiredLink('product_id', () => products.id),
  },
  (t) => [primaryKey({ columns: [t.exhibitorId, t.productId] }), index('fair_exhibitor_products_product').on(t.productId)],
);

export type Fair = typeof fairs.$inferSelect;
export type FairExhibitor = typeof fairExhibitors.$inferSelect;
