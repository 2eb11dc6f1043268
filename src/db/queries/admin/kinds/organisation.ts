/** Organisations (recognising bodies) as a record kind staff edit (../records.ts), with their names over time. */
import { asc, eq, inArray } from 'drizzle-orm';
import { organisationKindLabel } from '#domain/admin/kind-labels.ts';
import {
  formatNameLine,
  ORGANISATION_FIELDS,
  parseNameLine,
  readOrganisationForm,
  type OrganisationInput,
} from '#domain/admin/organisation-form.ts';
import type { DbOrTx } from '#db/client.ts';
import { organisationNames, organisations, provinces } from '#db/schema/index.ts';
import { haystack, type RecordKind } from '#db/queries/admin/records.ts';
import { freeSlug, kindOf, labelled, listsBy, pick, plain, statusOf } from './shared.ts';

async function organisationNameRows(db: DbOrTx, id: number) {
  return db.select().from(organisationNames).where(eq(organisationNames.organisationId, id)).orderBy(asc(organisationNames.id));
}

/** Every organisation's names, oldest first, by organisation id. */
async function namesByOrganisation(db: DbOrTx): Promise<Map<number, string[]>> {
  const rows = await db.select().from(organisationNames).orderBy(asc(organisationNames.id));
  return listsBy(
    rows,
    (n) => n.organisationId,
    (n) => n.name,
  );
}

export const organisationKind: RecordKind<OrganisationInput> = {
  ...kindOf('organisations', organisations, ORGANISATION_FIELDS, readOrganisationForm),
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
    const names = await namesByOrganisation(db);
    return rows.map((r) => {
      const all = names.get(r.id) ?? [];
      return {
        id: r.id,
        title: all.at(-1) ?? `#${r.id}`,
        cells: [organisationKindLabel(r.kind), r.province, all.length > 1 ? all.slice(0, -1).join('; ') : null],
        status: statusOf(r.status),
        updatedAt: r.updatedAt,
        haystack: haystack(...all, r.province),
        facets: { status: r.status, kind: r.kind },
      };
    });
  },
  ...labelled('organisations', [
    ['kind', 'organisationKinds'],
    ['status', 'statuses'],
  ]),
  defaults: { kind: 'provincial_department', status: 'published', version: 1 },
};
