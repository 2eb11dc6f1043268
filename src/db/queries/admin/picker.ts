/**
 * What the staff pickers search (#20.1): every record of a kind as one folded line, held in memory per
 * database and rebuilt when the tables it reads change (./held.ts), so a search over 20,000 products
 * never folds a name twice.
 * Also resolves what a plain (no-JavaScript) input carries back to an id.
 */
import { sql, type SQL } from 'drizzle-orm';
import {
  pickerFold,
  pickerHaystack,
  pickerScore,
  pickerTerms,
  type PickerItem,
  type PickerKind,
  type PickerPage,
  type PickerQuery,
} from '#domain/admin/picker.ts';
import { ORGANISATION_KINDS } from '#domain/admin/organisation-form.ts';
import { compareVietnamese } from '#domain/listing.ts';
import { LEGAL_FORMS } from '#domain/establishments.ts';
import { LEVELS, REGIONS } from '#domain/levels.ts';
import type { DbOrTx } from '#db/client.ts';
import { heldList } from './held.ts';

interface Row extends PickerItem {
  haystack: string;
  /** Every name the record answers to, folded (an organisation's former names too). */
  names: string[];
}

const LEVEL_VI = new Map(LEVELS.map((l, rank) => [l.code as string, { vi: l.vi, rank }]));
const LEGAL_VI = new Map(LEGAL_FORMS.map((f) => [f.code as string, f.vi]));
const ORG_KIND_VI = new Map(ORGANISATION_KINDS.map((k) => [k.value as string, k.label]));
const REGION_VI = new Map(REGIONS.map((r) => [r.code as string, r.vi]));
const join = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' · ');
/** The highest of a list of levels, in Vietnamese ("Cấp quốc gia"), or null. */
const highest = (levels: string | null) =>
  (levels ?? '')
    .split(',')
    .filter(Boolean)
    .map((l) => LEVEL_VI.get(l))
    .filter((l) => l !== undefined)
    .sort((a, b) => b.rank - a.rank)[0]?.vi ?? null;

interface Source {
  /** The tables the rows are read from (their stamp decides when to read them again). */
  tables: readonly string[];
  rows(db: DbOrTx): Promise<Row[]>;
}

const all = <T>(db: DbOrTx, query: SQL) => db.all<T>(query);
/** The certification levels of each record, by id, from a query of (id, levels). */
const levelsBy = async (db: DbOrTx, query: SQL) =>
  new Map((await all<{ id: number; levels: string | null }>(db, query)).map((r) => [r.id, r.levels]));

const SOURCES: Record<PickerKind, Source> = {
  establishments: {
    tables: ['establishments', 'products', 'certifications'],
    async rows(db) {
      const levels = await levelsBy(
        db,
        sql`SELECT pr.establishment_id AS id, group_concat(DISTINCT c.level) AS levels FROM certifications c JOIN products pr ON pr.id = c.product_id GROUP BY pr.establishment_id`,
      );
      const rows = (
        await all<{ id: number; name: string; slug: string; legal: string; province: string | null }>(
          db,
          sql`SELECT e.id, e.name, e.slug, e.legal_form AS legal, p.name AS province FROM establishments e LEFT JOIN provinces p ON p.id = e.province_id`,
        )
      ).map((r) => ({ ...r, levels: levels.get(r.id) ?? null }));
      return rows.map((r) => ({
        id: r.id,
        label: r.name,
        key: r.slug,
        detail: join(r.province, LEGAL_VI.get(r.legal), highest(r.levels)),
        haystack: pickerHaystack(r.name, [r.province]),
        names: [pickerFold(r.name)],
      }));
    },
  },
  products: {
    tables: ['products', 'establishments', 'certifications'],
    async rows(db) {
      const levels = await levelsBy(
        db,
        sql`SELECT product_id AS id, group_concat(DISTINCT level) AS levels FROM certifications GROUP BY product_id`,
      );
      const rows = (
        await all<{ id: number; name: string; slug: string; producer: string | null; province: string | null }>(
          db,
          sql`SELECT pr.id, pr.name, pr.slug, e.name AS producer, p.name AS province
              FROM products pr LEFT JOIN establishments e ON e.id = pr.establishment_id LEFT JOIN provinces p ON p.id = e.province_id`,
        )
      ).map((r) => ({ ...r, levels: levels.get(r.id) ?? null }));
      return rows.map((r) => ({
        id: r.id,
        label: r.name,
        key: r.slug,
        detail: join(r.producer, r.province, highest(r.levels)),
        haystack: pickerHaystack(r.name, [r.producer, r.province]),
        names: [pickerFold(r.name)],
      }));
    },
  },
  organisations: {
    tables: ['organisations', 'organisation_names'],
    async rows(db) {
      const rows = await all<{ id: number; slug: string; kind: string; province: string | null; names: string | null }>(
        db,
        sql`SELECT o.id, o.slug, o.kind, p.name AS province,
              (SELECT json_group_array(json_array(n.name, n.valid_from, n.valid_to)) FROM (SELECT * FROM organisation_names n WHERE n.organisation_id = o.id ORDER BY n.id) n) AS names
            FROM organisations o LEFT JOIN provinces p ON p.id = o.province_id`,
      );
      return rows.map((r) => {
        const names = JSON.parse(r.names ?? '[]') as [string, string | null, string | null][];
        const [name, from, to] = names.at(-1) ?? [`#${r.id}`, null, null];
        const dates = from && to ? `${from} – ${to}` : from ? `từ ${from}` : to ? `đến ${to}` : null;
        return {
          id: r.id,
          label: name,
          key: r.slug,
          detail: join(ORG_KIND_VI.get(r.kind), r.province, dates),
          haystack: pickerHaystack(name, [...names.slice(0, -1).map((n) => n[0]), r.province]),
          names: names.map((n) => pickerFold(n[0])),
        };
      });
    },
  },
  fairs: {
    tables: ['fairs'],
    async rows(db) {
      const rows = await all<{ id: number; name: string; slug: string; city: string | null; start: string | null; end: string | null }>(
        db,
        sql`SELECT id, name, slug, city, start_date AS start, end_date AS "end" FROM fairs`,
      );
      return rows.map((r) => ({
        id: r.id,
        label: r.name,
        key: r.slug,
        detail: join([r.start, r.end].filter(Boolean).join(' → ') || null, r.city),
        haystack: pickerHaystack(r.name, [r.city, r.start?.slice(0, 4)]),
        names: [pickerFold(r.name)],
      }));
    },
  },
  provinces: {
    tables: ['provinces'],
    async rows(db) {
      const rows = await all<{ id: number; name: string; slug: string; era: string; region: string | null }>(
        db,
        sql`SELECT id, name, slug, era, region_code AS region FROM provinces`,
      );
      return rows.map((r) => ({
        id: r.id,
        label: r.name,
        key: r.era === 'current' ? r.slug : `${r.slug}-truoc-2025`,
        detail: join(r.era === 'current' ? 'Tỉnh/thành hiện nay' : 'Tỉnh/thành trước 1/7/2025', r.region ? REGION_VI.get(r.region) : null),
        haystack: pickerHaystack(r.name, [r.era === 'current' ? 'hien nay' : 'truoc 2025 cu']),
        names: [pickerFold(r.name)],
      }));
    },
  },
};

interface Held {
  rows: Row[];
  byId: Map<number, Row>;
}

/** Every record of a kind, by folded name (then Vietnamese order), read again only when its tables changed. */
function pickerRows(db: DbOrTx, kind: PickerKind): Promise<Held> {
  const source = SOURCES[kind];
  return heldList(db, `picker:${kind}`, source.tables, async () => {
    const rows = (await source.rows(db))
      .map((r) => ({ row: r, key: r.haystack.slice(0, r.haystack.indexOf('|')) }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : compareVietnamese(a.row.label, b.row.label) || a.row.id - b.row.id))
      .map((r) => r.row);
    return { rows, byId: new Map(rows.map((r) => [r.id, r])) };
  });
}

const item = ({ id, label, detail, key }: Row): PickerItem => ({ id, label, detail, key });

/** One page of the records that answer a query, best first (then in Vietnamese order); an empty query lists all. */
export async function searchPicker(db: DbOrTx, kind: PickerKind, query: PickerQuery): Promise<PickerPage> {
  const { rows } = await pickerRows(db, kind);
  const terms = pickerTerms(query.q);
  const buckets: Row[][] = [[], [], [], [], []];
  for (const row of rows) {
    const score = pickerScore(row.haystack, terms);
    if (score > 0) buckets[score]!.push(row);
  }
  const matches = buckets.reverse().flat();
  const start = (query.page - 1) * query.size;
  return { items: matches.slice(start, start + query.size).map(item), page: query.page, size: query.size, total: matches.length };
}

/** The chosen records of a form, by id, for showing their names (unknown ids are left out). */
export async function pickedItems(db: DbOrTx, kind: PickerKind, ids: readonly number[]): Promise<Map<number, PickerItem>> {
  const { byId } = await pickerRows(db, kind);
  const found = new Map<number, PickerItem>();
  for (const id of ids) {
    const row = byId.get(id);
    if (row) found.set(id, item(row));
  }
  return found;
}

export type Resolved =
  { ok: true; id: number } | { ok: false; problem: 'unknown' } | { ok: false; problem: 'ambiguous'; candidates: PickerItem[] };

/**
 * What a plain input carries, as an id: an id, a record's key (slug), or a name written with or without
 * marks that exactly one record bears. resolvePicked(db, 'establishments', 'htx che tan cuong') → { ok: true, id: 12 }
 */
export async function resolvePicked(db: DbOrTx, kind: PickerKind, text: string): Promise<Resolved> {
  const { rows, byId } = await pickerRows(db, kind);
  const t = text.normalize('NFC').trim();
  if (/^\d{1,15}$/.test(t)) return byId.has(Number(t)) ? { ok: true, id: Number(t) } : { ok: false, problem: 'unknown' };
  const byKey = rows.find((r) => r.key === t.toLowerCase());
  if (byKey) return { ok: true, id: byKey.id };
  const folded = pickerFold(t);
  if (!folded) return { ok: false, problem: 'unknown' };
  const named = rows.filter((r) => r.names.includes(folded) || pickerFold(`${r.label} ${r.detail}`) === folded);
  if (named.length === 1) return { ok: true, id: named[0]!.id };
  if (named.length > 1) return { ok: false, problem: 'ambiguous', candidates: named.slice(0, 5).map(item) };
  return { ok: false, problem: 'unknown' };
}
