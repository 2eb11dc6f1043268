/** Fairs as a record kind staff edit (../records.ts). */
import { eq } from 'drizzle-orm';
import { FAIR_FIELDS, readFairForm, type FairInput } from '#domain/admin/fair-form.ts';
import { fairLevelLabel } from '#domain/admin/kind-labels.ts';
import { fairExhibitors, fairs } from '#db/schema/index.ts';
import { haystack, type RecordKind } from '#db/queries/admin/records.ts';
import { countBy, freeSlug, kindOf, labelled, namedRecord, pick, plain, statusOf } from './shared.ts';

export const fairKind: RecordKind<FairInput> = {
  ...kindOf('fairs', fairs, FAIR_FIELDS, readFairForm),
  async load(db, id) {
    const [row] = await db.select().from(fairs).where(eq(fairs.id, id));
    return row ? pick(row, FAIR_FIELDS) : null;
  },
  ...namedRecord(fairs, '/fairs/'),
  columns(_db, input) {
    return Promise.resolve(plain(input));
  },
  async createColumns(db, input) {
    return { slug: await freeSlug(db, fairs, input.name) };
  },
  async list(db) {
    const rows = await db.select().from(fairs);
    const exhibitors = await countBy(db, fairExhibitors, fairExhibitors.fairId);
    return rows.map((r) => ({
      id: r.id,
      title: r.name,
      cells: [
        [r.startDate, r.endDate].filter(Boolean).join(' → ') || null,
        r.city,
        r.level ? fairLevelLabel(r.level) : null,
        exhibitors.get(r.id) ?? 0,
      ],
      status: statusOf(r.status),
      updatedAt: r.updatedAt,
      haystack: haystack(r.name, r.city, r.venue, r.organiserText),
      facets: { status: r.status, level: r.level },
    }));
  },
  ...labelled('fairs', [
    ['level', 'fairLevels'],
    ['status', 'statuses'],
  ]),
  defaults: { country: 'VN', status: 'published', version: 1 },
};
