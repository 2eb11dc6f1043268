/**
 * Recognition decisions as a record kind staff edit (issue #16), the same way as every other kind
 * (./records.ts): form → columns, list with search and filters, history, conflicts and restores. The
 * number key and the slug are derived here; the document columns are written only by the upload
 * (./decision-document.ts) and shown in the history through `historyFields`.
 */
import { and, eq, ne } from 'drizzle-orm';
import { DECISION_FIELDS, readDecisionForm, type DecisionInput } from '#domain/admin/decision-form.ts';
import { KIND_MESSAGES, KIND_WORDS, levelWithRegion } from '#domain/admin/kind-labels.ts';
import type { FieldSpec } from '#domain/admin/form.ts';
import { decisionNumberKey } from '#domain/decision-number.ts';
import { slugForDecision } from '#domain/decision-slug.ts';
import { foldVietnamese } from '#domain/text.ts';
import type { DbOrTx } from '#db/client.ts';
import { certifications, decisions, organisationNames } from '#db/schema/index.ts';
import { countBy, kindOf, labelled } from './kinds/shared.ts';
import { haystack, type RecordKind, type RecordState } from './records.ts';

/** What the history shows of the document beside the form's fields (the upload writes them). */
export const DECISION_DOCUMENT_FIELDS: readonly FieldSpec[] = [
  { name: 'documentName', label: 'Văn bản PDF', kind: 'text' },
  { name: 'documentHash', label: 'Mã SHA-256 của văn bản', kind: 'text' },
];

/** A decision's writable state, with its document, as forms, history and conflicts hold it. */
export function decisionState(row: typeof decisions.$inferSelect): RecordState {
  const state: Record<string, unknown> = {};
  for (const f of [...DECISION_FIELDS, ...DECISION_DOCUMENT_FIELDS]) state[f.name] = row[f.name as keyof typeof row] ?? null;
  return { ...state, version: row.version };
}

/** The newest name of each organisation, by id. */
async function organisationLabels(db: DbOrTx): Promise<Map<number, string>> {
  const names = new Map<number, string>();
  for (const n of await db.select().from(organisationNames).orderBy(organisationNames.id)) names.set(n.organisationId, n.name);
  return names;
}

async function issuerName(db: DbOrTx, input: DecisionInput): Promise<string | null> {
  if (input.issuerText) return input.issuerText;
  if (input.issuerId === null) return null;
  return (await organisationLabels(db)).get(input.issuerId) ?? null;
}

const sameIssuer = (a: string | null, b: string | null) => foldVietnamese(a ?? '') === foldVietnamese(b ?? '');

export const decisionKind: RecordKind<DecisionInput> = {
  ...kindOf('decisions', decisions, DECISION_FIELDS, readDecisionForm),
  historyFields: DECISION_DOCUMENT_FIELDS,
  async load(db, id) {
    const [row] = await db.select().from(decisions).where(eq(decisions.id, id));
    return row ? decisionState(row) : null;
  },
  async title(db, id) {
    const [row] = await db.select({ number: decisions.number, issuer: decisions.issuerText }).from(decisions).where(eq(decisions.id, id));
    return row ? `${KIND_WORDS.decision} ${row.number}${row.issuer ? ` — ${row.issuer}` : ''}` : null;
  },
  async publicPath(db, id) {
    const [row] = await db.select({ slug: decisions.slug }).from(decisions).where(eq(decisions.id, id));
    return row ? `/decisions/${row.slug}/` : null;
  },
  async columns(db, input, id) {
    const { version: _version, ...columns } = input;
    void _version;
    const numberKey = decisionNumberKey(input.number);
    // The same number from the same issuer in the same year is the same decision: edit that one instead.
    const year = input.decisionDate?.slice(0, 4) ?? String(input.roundYear);
    const issuer = await issuerName(db, input);
    const twins = await db
      .select({
        id: decisions.id,
        date: decisions.decisionDate,
        year: decisions.roundYear,
        issuerText: decisions.issuerText,
        issuerId: decisions.issuerId,
      })
      .from(decisions)
      .where(id === null ? eq(decisions.numberKey, numberKey) : and(eq(decisions.numberKey, numberKey), ne(decisions.id, id)));
    const labels = twins.length > 0 ? await organisationLabels(db) : new Map<number, string>();
    const twin = twins.find(
      (t) =>
        (t.date?.slice(0, 4) ?? String(t.year)) === year &&
        sameIssuer(t.issuerText ?? (t.issuerId === null ? null : (labels.get(t.issuerId) ?? null)), issuer),
    );
    if (twin) return { invalid: { field: 'number', message: KIND_MESSAGES.decisionTwin } };
    return { ...columns, issuerText: input.issuerText, numberKey };
  },
  async createColumns(db, input) {
    const taken = new Set((await db.select({ slug: decisions.slug }).from(decisions)).map((r) => r.slug));
    const slug = slugForDecision(
      {
        number: input.number,
        decisionDate: input.decisionDate,
        roundYear: input.roundYear,
        level: input.level,
        issuer: await issuerName(db, input),
      },
      (s) => taken.has(s),
    );
    return { slug };
  },
  async list(db) {
    const rows = await db.select().from(decisions);
    const labels = await organisationLabels(db);
    const linked = await countBy(db, certifications, certifications.decisionId);
    return rows.map((r) => {
      const issuer = r.issuerText ?? (r.issuerId === null ? null : (labels.get(r.issuerId) ?? null));
      const held = linked.get(r.id) ?? 0;
      return {
        id: r.id,
        title: r.number,
        cells: [
          r.decisionDate,
          issuer,
          levelWithRegion(r.level, r.regionCode),
          r.roundYear,
          r.productsCertified === null ? String(held) : `${held}/${r.productsCertified}`,
          r.documentHash ? KIND_WORDS.hasDocument : null,
        ],
        status: r.status,
        updatedAt: r.updatedAt,
        haystack: haystack(
          r.number,
          r.numberKey.toLowerCase(),
          r.numberKey.replace(/[^A-Z0-9]/g, '').toLowerCase(),
          issuer,
          r.note,
          String(r.roundYear),
        ),
        facets: { status: r.status, level: r.level, document: r.documentHash ? 'yes' : 'no' },
      };
    });
  },
  ...labelled('decisions', [
    ['level', 'levels'],
    ['document', 'documentStates'],
    ['status', 'statuses'],
  ]),
  defaults: { level: 'national', roundYear: String(new Date().getUTCFullYear()), status: 'published', version: 1 },
};
