/** The decisions a certification's form offers: those of its level and round year first, then every other. */
import { compareVietnamese } from '#domain/listing.ts';
import type { Option } from '#domain/admin/form.ts';
import type { DbOrTx } from '#db/client.ts';
import { decisions } from '#db/schema/index.ts';

export const DOCUMENT_STATE_OPTIONS: Option[] = [
  { value: 'yes', label: 'Có văn bản PDF' },
  { value: 'no', label: 'Chưa có văn bản PDF' },
];

const SAME = 'Cùng cấp và năm';
const OTHER = 'Quyết định khác';

/** Decision options labelled "3116/QĐ-BCT (2023-12-01) — Bộ Công Thương", grouped by whether they fit the context. */
export async function decisionOptions(db: DbOrTx, context: { level?: string | null; roundYear?: number | null }): Promise<Option[]> {
  const rows = await db
    .select({
      id: decisions.id,
      number: decisions.number,
      date: decisions.decisionDate,
      year: decisions.roundYear,
      level: decisions.level,
      issuer: decisions.issuerText,
    })
    .from(decisions);
  const fits = (r: (typeof rows)[number]) => r.level === context.level && r.year === context.roundYear;
  return rows
    .map((r) => ({
      year: r.year,
      option: {
        value: String(r.id),
        label: `${r.number} (${r.date ?? r.year})${r.issuer ? ` — ${r.issuer}` : ''}`,
        group: fits(r) ? SAME : OTHER,
      },
    }))
    .sort((a, b) =>
      a.option.group === b.option.group
        ? b.year - a.year || compareVietnamese(a.option.label, b.option.label)
        : a.option.group === SAME
          ? -1
          : 1,
    )
    .map((r) => r.option);
}
