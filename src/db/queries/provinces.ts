import { alias } from 'drizzle-orm/sqlite-core';
import { eq } from 'drizzle-orm';
import type { ProvinceUnit } from '#domain/provinces.ts';
import type { RegionCode } from '#domain/levels.ts';
import type { DbOrTx } from '#db/client.ts';
import { provinces } from '#db/schema/index.ts';

export type StoredProvinceUnit = ProvinceUnit & { id: number; slug: string; currentId: number };

/** Every provincial unit of both eras, with the current unit each belongs to. */
export async function listProvinceUnits(db: DbOrTx): Promise<StoredProvinceUnit[]> {
  const successor = alias(provinces, 'successor');
  const rows = await db
    .select({ p: provinces, successorName: successor.name })
    .from(provinces)
    .leftJoin(successor, eq(provinces.successorId, successor.id))
    .orderBy(provinces.id);
  return rows.map(({ p, successorName }) => ({
    id: p.id,
    slug: p.slug,
    name: p.name,
    era: p.era,
    unitType: p.unitType,
    successorName: successorName ?? null,
    region: (p.regionCode as RegionCode | null) ?? null,
    aliases: p.aliases,
    currentId: p.successorId ?? p.id,
  }));
}
