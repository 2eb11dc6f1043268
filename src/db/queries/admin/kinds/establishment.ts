/** Establishments (cơ sở) as a record kind staff edit (../records.ts). */
import { eq } from 'drizzle-orm';
import { ESTABLISHMENT_FIELDS, readEstablishmentForm, type EstablishmentInput } from '#domain/admin/establishment-form.ts';
import { KIND_MESSAGES, legalFormLabel } from '#domain/admin/kind-labels.ts';
import { establishmentKey } from '#domain/establishments.ts';
import { establishments, provinces } from '#db/schema/index.ts';
import { haystack, type RecordKind } from '#db/queries/admin/records.ts';
import { freeSlug, kindOf, labelled, namedRecord, pick, plain, provinceName, statusOf } from './shared.ts';

export const establishmentKind: RecordKind<EstablishmentInput> = {
  ...kindOf('establishments', establishments, ESTABLISHMENT_FIELDS, readEstablishmentForm),
  async load(db, id) {
    const [row] = await db.select().from(establishments).where(eq(establishments.id, id));
    return row ? pick(row, ESTABLISHMENT_FIELDS) : null;
  },
  ...namedRecord(establishments, '/producers/'),
  async columns(db, input) {
    const name = await provinceName(db, input.provinceId);
    if (!name) return { invalid: { field: 'provinceId', message: KIND_MESSAGES.unknownProvince } };
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
      cells: [r.provinceName, legalFormLabel(r.legalForm)],
      status: statusOf(r.status),
      updatedAt: r.updatedAt,
      haystack: haystack(r.name, r.provinceName),
      facets: { status: r.status, legalForm: r.legalForm },
    }));
  },
  ...labelled('establishments', [
    ['legalForm', 'legalForms'],
    ['status', 'statuses'],
  ]),
  defaults: { legalForm: 'other', status: 'published', version: 1 },
};
