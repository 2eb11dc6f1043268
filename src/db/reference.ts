import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PRODUCT_GROUPS } from '#domain/groups.ts';
import { parseCsv } from '#domain/import/csv.ts';
import { REGIONS, type RegionCode } from '#domain/levels.ts';
import { buildProvinceUnits, type ProvinceUnit } from '#domain/provinces.ts';
import { slugify } from '#domain/slug.ts';
import type { DbOrTx } from './client.ts';
import { organisationNames, organisations, productGroups, provinces, regions, type Organisation } from './schema/index.ts';

/** The folder of the real seed files (db/seed/), with its trailing separator. */
export const SEED_DIR = fileURLToPath(new URL('../../db/seed/', import.meta.url));

/** Reads one of the seed CSV files as objects keyed by header (from `dir`, the real seed by default). */
export function readSeedCsv(file: string, dir = SEED_DIR): Record<string, string>[] {
  const parsed = parseCsv(readFileSync(dir + file, 'utf8'));
  if (!parsed.ok) throw new Error(`db/seed/${file}: line ${parsed.line}: ${parsed.reason}`);
  const [header, ...records] = parsed.records;
  if (!header) return [];
  return records.map((r) => Object.fromEntries(header.cells.map((h, i) => [h, r.cells[i] ?? ''])));
}

/** Both eras of provinces as the seed describes them. */
export function seedProvinceUnits(): ProvinceUnit[] {
  const mapping = readSeedCsv('provinces-2025.csv').map((r) => ({ oldProvince: r['old_province']!, newProvince: r['new_province']! }));
  const regionOf = new Map(readSeedCsv('province-regions.csv').map((r) => [r['old_province']!, r['region'] as RegionCode]));
  return buildProvinceUnits(mapping, regionOf);
}

/**
 * Loads the reference tables (regions, provinces of both eras, product groups, organisations) when they
 * are empty. Runs inside the caller’s transaction.
 */
export async function ensureReferenceData(db: DbOrTx): Promise<void> {
  const existing = await db.select({ id: provinces.id }).from(provinces).limit(1);
  if (existing.length > 0) return;
  await db.insert(regions).values(REGIONS.map((r) => ({ code: r.code, nameVi: r.vi, nameEn: r.en })));
  await db
    .insert(productGroups)
    .values(PRODUCT_GROUPS.map((g) => ({ id: g.id, code: g.code, nameVi: g.nameVi, nameEn: g.nameEn, labels: g.labels })));

  const units = seedProvinceUnits();
  const idByName = new Map<string, number>();
  for (const unit of units.filter((u) => u.era === 'current')) {
    const [row] = await db
      .insert(provinces)
      .values({
        slug: slugify(unit.name),
        name: unit.name,
        era: 'current',
        unitType: unit.unitType,
        regionCode: unit.region,
        aliases: unit.aliases,
      })
      .returning({ id: provinces.id });
    idByName.set(unit.name, row!.id);
  }
  await db.insert(provinces).values(
    units
      .filter((u) => u.era === 'pre2025')
      .map((u) => ({
        slug: slugify(u.name),
        name: u.name,
        era: 'pre2025' as const,
        unitType: u.unitType,
        successorId: idByName.get(u.successorName!)!,
        regionCode: u.region,
        aliases: u.aliases,
      })),
  );

  // Provincial People's Committees name their province and its era (#20.1): a provincial certificate finds its issuer.
  const provinceIds = new Map(
    (await db.select({ id: provinces.id, name: provinces.name, era: provinces.era }).from(provinces)).map((p) => [
      `${p.era}|${p.name}`,
      p.id,
    ]),
  );
  const orgIds = new Map<string, number>();
  for (const row of readSeedCsv('organisations.csv')) {
    const slug = row['slug']!;
    if (!orgIds.has(slug)) {
      const province = row['province'] ? provinceIds.get(`${row['province_era']}|${row['province']}`) : undefined;
      if (row['province'] && province === undefined)
        throw new Error(`db/seed/organisations.csv: ${slug}: no ${row['province_era']} province named ${row['province']}`);
      const [org] = await db
        .insert(organisations)
        .values({ slug, kind: row['kind'] as Organisation['kind'], provinceId: province ?? null })
        .returning({ id: organisations.id });
      orgIds.set(slug, org!.id);
    }
    await db.insert(organisationNames).values({
      organisationId: orgIds.get(slug)!,
      name: row['name']!,
      validFrom: row['valid_from'] || null,
      validTo: row['valid_to'] || null,
      note: row['note'] || null,
    });
  }
}
