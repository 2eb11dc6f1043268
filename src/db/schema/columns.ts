import { sql } from 'drizzle-orm';
import { integer, text, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

/** ISO-8601 UTC timestamp with milliseconds, filled by SQLite. */
export const nowIso = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

/** Columns every editable record carries: publication state, optimistic-lock version, timestamps. */
export function editable() {
  return {
    status: text('status', { enum: ['draft', 'published'] })
      .notNull()
      .default('published'),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull().default(nowIso),
    updatedAt: text('updated_at').notNull().default(nowIso),
  };
}

/** A required link to the row that owns this one: deleting the owner deletes this row with it. */
export const ownedBy = (name: string, owner: () => AnySQLiteColumn) => integer(name).notNull().references(owner, { onDelete: 'cascade' });

/** A required link to another row, which cannot be deleted while this one points to it. */
export const requiredLink = (name: string, target: () => AnySQLiteColumn) => integer(name).notNull().references(target);
