import { sql } from 'drizzle-orm';
import { integer, text } from 'drizzle-orm/sqlite-core';

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
