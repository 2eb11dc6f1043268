/**
 * `npm run db:seed -- --demo`: a generated, clearly labelled sample set of exhibitors so that the fair
 * directory, shortlist, plan and print views can be tried. No public list of real exhibitors exists, so
 * every row written here has is_sample = true and every page that shows one says "dữ liệu minh họa /
 * sample data". Only real establishments and their real certified products are used; booths, halls
 * and plan positions are generated. Deterministic and idempotent: a second run adds nothing.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { compareVietnamese } from '#domain/listing.ts';
import { fairYear } from '#domain/fairs.ts';
import { recordAudit, type Actor } from './audit.ts';
import type { DbOrTx } from './client.ts';
import { certifications, establishments, fairExhibitorProducts, fairExhibitors, fairs, products, provinces } from './schema/index.ts';

/** Booths per row on the generated plan, and the plan's geometry in plan units. */
const PER_ROW = 6;
const BOOTH = { w: 90, h: 60, gap: 12 };
const HALL_GAP = 60;
const MARGIN = 40;

interface Candidate {
  establishmentId: number;
  name: string;
  region: string | null;
  productIds: number[];
  hasNational: boolean;
}

async function candidates(db: DbOrTx): Promise<Candidate[]> {
  const rows = await db
    .select({
      establishmentId: establishments.id,
      name: establishments.name,
      region: provinces.regionCode,
      productId: products.id,
    })
    .from(products)
    .innerJoin(establishments, eq(products.establishmentId, establishments.id))
    .leftJoin(provinces, eq(establishments.provinceId, provinces.id))
    .where(and(eq(products.status, 'published'), eq(establishments.status, 'published')));
  const national = new Set(
    (await db.select({ productId: certifications.productId }).from(certifications).where(eq(certifications.level, 'national'))).map(
      (c) => c.productId,
    ),
  );
  const byId = new Map<number, Candidate>();
  for (const r of rows) {
    const c = byId.get(r.establishmentId) ?? {
      establishmentId: r.establishmentId,
      name: r.name,
      region: r.region,
      productIds: [],
      hasNational: false,
    };
    c.productIds.push(r.productId);
    if (national.has(r.productId)) c.hasNational = true;
    byId.set(r.establishmentId, c);
  }
  return [...byId.values()].sort((a, b) => compareVietnamese(a.name, b.name));
}

/** Which sample fairs get exhibitors, and who: the 2024 regional fairs (their region) and the 2023 national fair. */
function chooses(fair: typeof fairs.$inferSelect): ((c: Candidate) => boolean) | null {
  const year = fairYear(fair);
  if (fair.level === 'regional' && year === 2024 && fair.regionCode) return (c) => c.region === fair.regionCode;
  if (fair.level === 'national' && year === 2023) return (c) => c.hasNational;
  return null;
}

/** Adds the sample exhibitors that are missing; returns how many were added. */
export async function addDemoExhibitors(db: DbOrTx, actor: Actor = { label: 'seed:demo' }): Promise<number> {
  const all = await candidates(db);
  let added = 0;
  for (const fair of await db.select().from(fairs).where(eq(fairs.status, 'published'))) {
    const picks = chooses(fair);
    if (!picks) continue;
    const chosen = all.filter(picks);
    if (chosen.length === 0) continue;
    const existing = await db.select().from(fairExhibitors).where(eq(fairExhibitors.fairId, fair.id));
    const present = new Set(existing.map((x) => x.establishmentId));
    // Two halls, the first half of the names in A and the rest in B (the seed records no product groups to sort by).
    const half = Math.ceil(chosen.length / 2);
    const halls = { A: chosen.slice(0, half), B: chosen.slice(half) };
    const rowsOf = (n: number) => Math.max(1, Math.ceil(n / PER_ROW));
    const hallWidth = PER_ROW * (BOOTH.w + BOOTH.gap) - BOOTH.gap;
    const planWidth = 2 * MARGIN + 2 * hallWidth + HALL_GAP;
    const planHeight = 2 * MARGIN + 30 + Math.max(rowsOf(halls.A.length), rowsOf(halls.B.length)) * (BOOTH.h + BOOTH.gap);
    if (fair.planWidth === null && existing.length === 0) {
      await db
        .update(fairs)
        .set({ planWidth, planHeight })
        .where(and(eq(fairs.id, fair.id), isNull(fairs.planWidth)));
      await recordAudit(db, actor, { action: 'update', entity: 'fairs', entityId: fair.id, after: { planWidth, planHeight } });
    }
    const usedBooths = new Set(existing.map((x) => x.boothCode));
    for (const [hall, members] of Object.entries(halls)) {
      const left = MARGIN + (hall === 'A' ? 0 : hallWidth + HALL_GAP);
      for (const [i, c] of members.entries()) {
        if (present.has(c.establishmentId)) continue;
        const boothCode = `${hall}${i + 1}`;
        if (usedBooths.has(boothCode)) continue;
        const [created] = await db
          .insert(fairExhibitors)
          .values({
            fairId: fair.id,
            establishmentId: c.establishmentId,
            boothCode,
            hall,
            isSample: true,
            planX: left + (i % PER_ROW) * (BOOTH.w + BOOTH.gap),
            planY: MARGIN + 30 + Math.floor(i / PER_ROW) * (BOOTH.h + BOOTH.gap),
            planW: BOOTH.w,
            planH: BOOTH.h,
          })
          .returning();
        await db.insert(fairExhibitorProducts).values(c.productIds.map((productId) => ({ exhibitorId: created!.id, productId })));
        await recordAudit(db, actor, { action: 'create', entity: 'fair_exhibitors', entityId: created!.id, after: created });
        added++;
      }
    }
  }
  return added;
}
