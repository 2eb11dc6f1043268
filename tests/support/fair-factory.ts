/**
 * Factory-made exhibitors for tests and benchmarks (never for the public seed): synthetic certified
 * products imported through the real importer, then their establishments placed at booths of the
 * 2024 northern regional fair, across halls A–D, with plan positions. Seeded: the same arguments give
 * the same rows. Every row is marked as sample data, as the demo's are.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { establishments, fairExhibitorProducts, fairExhibitors, fairs, products } from '#db/schema/index.ts';
import { writeCsv } from '#domain/csv-write.ts';
import { establishmentKey } from '#domain/establishments.ts';
import { productGroupByCode } from '#domain/groups.ts';
import { importCsv } from '#server/importer.ts';
import { syntheticCatalogue } from './synthetic.ts';

export const FACTORY_FAIR_SLUG = 'hoi-cho-trien-lam-hang-cong-nghiep-nong-thon-tieu-bieu-khu-vuc-phia-bac-nam-2024';
const HALLS = ['A', 'B', 'C', 'D'];
const VILLAGES = [
  'Bát Tràng',
  'Vạn Phúc',
  'Đồng Kỵ',
  'Phù Lãng',
  'Chu Đậu',
  'Thổ Hà',
  'La Phù',
  'Kiêu Kỵ',
  'Tân Hội',
  'Phú Vinh',
  'Hương Canh',
  'Kim Sơn',
];
const PER_ROW = 10;
const BOOTH = { w: 90, h: 60, gap: 12 };

/**
 * Adds `count` exhibitors to the 2024 northern fair (the real seed must be loaded). Returns the fair's
 * slug and the establishment names placed, in booth order.
 */
export async function addFactoryExhibitors(database: Database, count: number, seed = 7): Promise<{ fairSlug: string; names: string[] }> {
  // Enough synthetic products for `count` establishments. The importer merges names it reads as one
  // establishment ("HTX X Hà Nội" = "Hợp tác xã X Hải Phòng"), and the generator has fewer distinct keys
  // than a big fair needs, so a name whose key is taken gets a craft village added ("… Bát Tràng").
  const items = syntheticCatalogue(Math.ceil(count * 1.5), seed).items;
  const nameOf = new Map<string, string>();
  const taken = new Set<string>();
  for (const i of items) {
    const original = i.establishmentName!;
    if (nameOf.has(original)) continue;
    for (let n = 0; n <= VILLAGES.length * VILLAGES.length; n++) {
      const extra =
        n === 0
          ? ''
          : ` ${VILLAGES[(n - 1) % VILLAGES.length]}${n > VILLAGES.length ? ` ${VILLAGES[Math.floor((n - 1) / VILLAGES.length) - 1]}` : ''}`;
      const name = original.replace(` ${i.provinceName}`, `${extra} ${i.provinceName}`);
      const key = establishmentKey(name, [i.provinceName, i.currentProvinceName]);
      if (taken.has(key)) continue;
      taken.add(key);
      nameOf.set(original, name);
      break;
    }
  }
  for (const i of items) i.establishmentName = nameOf.get(i.establishmentName!) ?? null;
  const producers = [...new Set(items.map((i) => i.establishmentName).filter((n) => n !== null))].slice(0, count);
  const wanted = new Set(producers);
  const rows = items
    .filter((i) => wanted.has(i.establishmentName!))
    .flatMap((i) =>
      i.certs.map((c) => [
        i.name,
        i.establishmentName!,
        i.provinceName,
        i.group ? productGroupByCode(i.group).nameVi : '',
        c.level.replace('-', '_'),
        String(c.year),
      ]),
    );
  const csv = writeCsv([['product_name', 'producer', 'province', 'product_group', 'level', 'year'], ...rows]);
  const outcome = await importCsv(database, Buffer.from(csv), { actor: { label: 'factory' } });
  if (!outcome.ok) throw new Error(`factory rows do not import: ${JSON.stringify(outcome.errors.slice(0, 3))}`);

  const { db } = database;
  const [fair] = await db.select().from(fairs).where(eq(fairs.slug, FACTORY_FAIR_SLUG));
  if (!fair) throw new Error('the real seed (with its fairs) must be loaded before the factory');
  const created = await db
    .select({ id: establishments.id, name: establishments.name })
    .from(establishments)
    .where(inArray(establishments.name, producers));
  const idOf = new Map(created.map((e) => [e.name, e.id]));
  const ordered = producers.filter((name) => idOf.has(name)).slice(0, count);
  if (ordered.length < count) throw new Error(`the factory made ${ordered.length} establishments, not ${count}`);
  const perHall = Math.ceil(ordered.length / HALLS.length);
  const rowsPerHall = Math.ceil(perHall / PER_ROW);
  const hallHeight = 40 + rowsPerHall * (BOOTH.h + BOOTH.gap);
  await db
    .update(fairs)
    .set({ planWidth: 80 + PER_ROW * (BOOTH.w + BOOTH.gap), planHeight: 40 + HALLS.length * (hallHeight + 30) })
    .where(eq(fairs.id, fair.id));
  await db.transaction(async (tx) => {
    for (const [i, name] of ordered.entries()) {
      const hallIndex = Math.floor(i / perHall);
      const k = i % perHall;
      const [exhibitor] = await tx
        .insert(fairExhibitors)
        .values({
          fairId: fair.id,
          establishmentId: idOf.get(name)!,
          boothCode: `${HALLS[hallIndex]}${k + 1}`,
          hall: HALLS[hallIndex]!,
          isSample: true,
          planX: 40 + (k % PER_ROW) * (BOOTH.w + BOOTH.gap),
          planY: 70 + hallIndex * (hallHeight + 30) + Math.floor(k / PER_ROW) * (BOOTH.h + BOOTH.gap),
          planW: BOOTH.w,
          planH: BOOTH.h,
        })
        .onConflictDoNothing()
        .returning({ id: fairExhibitors.id });
      if (!exhibitor) continue;
      const own = await tx
        .select({ id: products.id })
        .from(products)
        .where(eq(products.establishmentId, idOf.get(name)!));
      if (own.length > 0) await tx.insert(fairExhibitorProducts).values(own.map((p) => ({ exhibitorId: exhibitor.id, productId: p.id })));
    }
  });
  return { fairSlug: fair.slug, names: ordered };
}
