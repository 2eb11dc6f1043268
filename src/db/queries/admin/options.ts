/** The choices of the staff forms' select boxes and checkboxes, read from the database when a form needs them. */
import { asc, eq } from 'drizzle-orm';
import { LEVEL_OPTIONS, REGION_OPTIONS } from '#domain/admin/certification-form.ts';
import { LEGAL_FORM_OPTIONS } from '#domain/admin/establishment-form.ts';
import { FAIR_LEVEL_OPTIONS } from '#domain/admin/fair-form.ts';
import { type FieldSpec, type Option, type Options, type OptionSource } from '#domain/admin/form.ts';
import { STATUS_OPTIONS } from '#domain/admin/shared-fields.ts';
import { ORGANISATION_KINDS } from '#domain/admin/organisation-form.ts';
import { PRODUCT_KIND_OPTIONS } from '#domain/admin/product-form.ts';
import { ACTIVE_OPTIONS, ROLE_OPTIONS } from '#domain/admin/user-form.ts';
import { compareVietnamese } from '#domain/listing.ts';
import type { DbOrTx } from '#db/client.ts';
import { establishments, fairs, organisationNames, organisations, productGroups, products, provinces } from '#db/schema/index.ts';
import { decisionOptions, DOCUMENT_STATE_OPTIONS } from './decision-options.ts';

const byLabel = (a: Option, b: Option) => compareVietnamese(a.label, b.label);

/** Context some lists depend on: the establishment whose products an exhibitor can show. */
export interface OptionContext {
  establishmentId?: number | null;
  /** A certification's level and round year: decisions of the same come first. */
  level?: string | null;
  roundYear?: number | null;
}

async function load(db: DbOrTx, source: OptionSource, context: OptionContext): Promise<Option[]> {
  switch (source) {
    case 'statuses':
      return STATUS_OPTIONS;
    case 'legalForms':
      return LEGAL_FORM_OPTIONS;
    case 'productKinds':
      return PRODUCT_KIND_OPTIONS;
    case 'levels':
      return LEVEL_OPTIONS;
    case 'regions':
      return REGION_OPTIONS;
    case 'fairLevels':
      return FAIR_LEVEL_OPTIONS;
    case 'roles':
      return ROLE_OPTIONS;
    case 'activeStates':
      return ACTIVE_OPTIONS;
    case 'organisationKinds':
      return ORGANISATION_KINDS.map((k) => ({ value: k.value, label: k.label }));
    case 'provinces': {
      // The current provinces (after the 2025 merger) first, then the old ones a record from before may name.
      const rows = await db.select({ id: provinces.id, name: provinces.name, era: provinces.era }).from(provinces);
      return rows
        .map((p) => ({
          value: String(p.id),
          label: p.name,
          group: p.era === 'current' ? 'Tỉnh/thành hiện nay' : 'Tỉnh/thành trước 1/7/2025',
        }))
        .sort((a, b) => (a.group === b.group ? byLabel(a, b) : a.group < b.group ? 1 : -1));
    }
    case 'groups':
      return (await db.select().from(productGroups).orderBy(asc(productGroups.id))).map((g) => ({ value: String(g.id), label: g.nameVi }));
    case 'establishments':
      return (await db.select({ id: establishments.id, name: establishments.name }).from(establishments))
        .map((e) => ({ value: String(e.id), label: e.name }))
        .sort(byLabel);
    case 'products':
      return (
        await db
          .select({ id: products.id, name: products.name, producer: establishments.name })
          .from(products)
          .leftJoin(establishments, eq(products.establishmentId, establishments.id))
      )
        .map((p) => ({ value: String(p.id), label: p.producer ? `${p.name} — ${p.producer}` : p.name }))
        .sort(byLabel);
    case 'exhibitorProducts':
      if (!context.establishmentId) return [];
      return (
        await db
          .select({ id: products.id, name: products.name })
          .from(products)
          .where(eq(products.establishmentId, context.establishmentId))
      )
        .map((p) => ({ value: String(p.id), label: p.name }))
        .sort(byLabel);
    case 'fairs':
      return (await db.select({ id: fairs.id, name: fairs.name, start: fairs.startDate }).from(fairs))
        .sort((a, b) => (b.start ?? '').localeCompare(a.start ?? '') || compareVietnamese(a.name, b.name))
        .map((f) => ({ value: String(f.id), label: f.start ? `${f.name} (${f.start.slice(0, 4)})` : f.name }));
    case 'decisions':
      return decisionOptions(db, context);
    case 'documentStates':
      return DOCUMENT_STATE_OPTIONS;
    case 'organisations': {
      const names = new Map<number, string>();
      for (const n of await db.select().from(organisationNames).orderBy(asc(organisationNames.id))) names.set(n.organisationId, n.name);
      return (await db.select({ id: organisations.id }).from(organisations))
        .map((o) => ({ value: String(o.id), label: names.get(o.id) ?? `#${o.id}` }))
        .sort(byLabel);
    }
  }
}

/** The option lists the given fields (and list filters) use. */
export async function loadOptions(
  db: DbOrTx,
  fields: readonly Pick<FieldSpec, 'options'>[],
  context: OptionContext = {},
): Promise<Options> {
  const sources = [...new Set(fields.flatMap((f) => (f.options ? [f.options] : [])))];
  const entries = await Promise.all(sources.map(async (s) => [s, await load(db, s, context)] as const));
  return Object.fromEntries(entries);
}
