/**
 * A minimal loader of db/seed/decisions.csv for the verification work (issue #16 item 2): fills the
 * decisions table and links the seed's certifications whose decision number, level and year agree.
 * The decisions engineer's importer replaces this file when the branches merge.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { decisionNumberKey } from '../domain/decision-number.ts';
import { parseLevel } from '../domain/levels.ts';
import { slugify } from '../domain/slug.ts';
import type { DbOrTx } from './client.ts';
import { readSeedCsv } from './reference.ts';
import { certifications, decisions } from './schema/index.ts';

/** Adds the seed's decisions not held yet and links unlinked certifications to them; returns how many were added. */
export async function seedDecisions(db: DbOrTx): Promise<number> {
  let added = 0;
  for (const row of readSeedCsv('decisions.csv')) {
    const number = row['decision_no']!.trim();
    const level = parseLevel(row['level']!);
    const roundYear = Number(row['year']);
    if (!number || !level || !Number.isInteger(roundYear)) throw new Error(`db/seed/decisions.csv: cannot read ${JSON.stringify(row)}`);
    const numberKey = decisionNumberKey(number);
    const importKey = `${numberKey}|${level.level}|${roundYear}`;
    let [held] = await db.select({ id: decisions.id }).from(decisions).where(eq(decisions.importKey, importKey));
    if (!held) {
      [held] = await db
        .insert(decisions)
        .values({
          slug: slugify(`${number.replace(/\//g, ' ')} ${roundYear}`),
          number,
          numberKey,
          decisionDate: row['date'] || null,
          issuerText: row['issuer'] || null,
          level: level.level,
          regionCode: level.region ?? null,
          roundYear,
          productsCertified: row['products_certified'] ? Number(row['products_certified']) : null,
          note: row['note'] || null,
          sourceUrl: row['source_url'] || null,
          importKey,
        })
        .returning({ id: decisions.id });
      added++;
    }
    const candidates = await db
      .select({ id: certifications.id, decisionNo: certifications.decisionNo })
      .from(certifications)
      .where(and(isNull(certifications.decisionId), eq(certifications.level, level.level), eq(certifications.roundYear, roundYear)));
    for (const c of candidates) {
      if (c.decisionNo && decisionNumberKey(c.decisionNo) === numberKey)
        await db.update(certifications).set({ decisionId: held!.id }).where(eq(certifications.id, c.id));
    }
  }
  return added;
}
