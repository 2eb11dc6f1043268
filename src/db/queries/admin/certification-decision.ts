/** The decision a certification's form points to (issue #16): it must exist and be of the same level. */
import { eq } from 'drizzle-orm';
import { LEVELS, REGIONS } from '#domain/levels.ts';
import type { DbOrTx } from '#db/client.ts';
import { decisions } from '#db/schema/index.ts';
import type { Invalid } from './records.ts';

const levelName = (code: string, region: string | null) =>
  `${LEVELS.find((l) => l.code === code)?.vi ?? code}${region ? ` – ${REGIONS.find((r) => r.code === region)?.vi ?? region}` : ''}`;

/**
 * The chosen decision's number (to fill an empty decision number), `{ number: null }` when none is chosen,
 * or why it cannot be chosen: unknown, or of another level or region than the certification.
 */
export async function certificationDecision(
  db: DbOrTx,
  input: { decisionId: number | null; level: string; regionCode: string | null },
): Promise<{ number: string | null } | Invalid> {
  if (input.decisionId === null) return { number: null };
  const [row] = await db
    .select({ number: decisions.number, level: decisions.level, regionCode: decisions.regionCode })
    .from(decisions)
    .where(eq(decisions.id, input.decisionId));
  if (!row) return { invalid: { field: 'decisionId', message: 'Quyết định này không có trong danh mục.' } };
  if (row.level !== input.level || (row.regionCode ?? null) !== input.regionCode)
    return {
      invalid: {
        field: 'decisionId',
        message: `Quyết định ${row.number} là ${levelName(row.level, row.regionCode)}, khác cấp của chứng nhận này.`,
      },
    };
  return { number: row.number };
}
