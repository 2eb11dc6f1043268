import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { nowIso, ownedBy } from './columns.ts';

/** Staff accounts. There is never a default account. */
export const users = sqliteTable('users', {
  id: integer('id').primaryKey(),
  email: text('email').notNull().unique(),
  displayName: text('display_name'),
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: ['admin', 'editor', 'viewer'] }).notNull(),
  isActive: integer('is_active', { mode: 'boolean' }).notNull().default(true),
  passwordChangedAt: text('password_changed_at').notNull().default(nowIso),
  lastLoginAt: text('last_login_at'),
  version: integer('version').notNull().default(1),
  createdAt: text('created_at').notNull().default(nowIso),
  updatedAt: text('updated_at').notNull().default(nowIso),
});

/** Server-side sessions: the id is the SHA-256 of the cookie token; the token itself is never stored. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: ownedBy('user_id', () => users.id),
    createdAt: text('created_at').notNull().default(nowIso),
    lastSeenAt: text('last_seen_at').notNull().default(nowIso),
    expiresAt: text('expires_at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/** Append-only history of every change (triggers refuse UPDATE and DELETE). */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey(),
    at: text('at').notNull().default(nowIso),
    actorUserId: integer('actor_user_id').references(() => users.id),
    /** Who acted when no user did: 'seed', 'import:cli', 'publish'. */
    actorLabel: text('actor_label'),
    action: text('action', { enum: ['create', 'update', 'delete', 'restore', 'import', 'publish', 'login'] }).notNull(),
    entity: text('entity').notNull(),
    entityId: integer('entity_id'),
    before: text('before', { mode: 'json' }),
    after: text('after', { mode: 'json' }),
  },
  (t) => [index('audit_log_entity').on(t.entity, t.entityId)],
);

export type User = typeof users.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;

/**
 * Column mappings staff chose for import files whose headers are not the documented ones, remembered per
 * header set: the next file with the same headers is mapped the same way (src/domain/import/columns.ts).
 */
export const importMappings = sqliteTable('import_mappings', {
  /** The file's header cells, folded and joined (headerSetKey). */
  headerKey: text('header_key').primaryKey(),
  /** The header row as it came, for people reading the table. */
  header: text('header', { mode: 'json' }).$type<string[]>().notNull(),
  /** For each header cell, the import column it holds, or null when it is ignored. */
  columns: text('columns', { mode: 'json' }).$type<(string | null)[]>().notNull(),
  updatedByUserId: integer('updated_by_user_id').references(() => users.id),
  updatedAt: text('updated_at').notNull().default(nowIso),
});

/**
 * Counters for throttling (sign-in failures, public report submissions), keyed by what is counted
 * (e.g. an account and a source). Kept in the database so a restart does not reset them; old rows are pruned.
 */
export const throttleCounters = sqliteTable(
  'throttle_counters',
  {
    key: text('key').primaryKey(),
    count: integer('count').notNull().default(0),
    windowStartedAt: text('window_started_at').notNull(),
    blockedUntil: text('blocked_until'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('throttle_counters_updated').on(t.updatedAt)],
);

/** A mistake reported by a visitor on a public page (no account needed); staff see and close them in the admin. */
export const errorReports = sqliteTable(
  'error_reports',
  {
    id: integer('id').primaryKey(),
    /** The public page the report is about, as a site path ("/products/tra-o-long/"). */
    pagePath: text('page_path').notNull(),
    message: text('message').notNull(),
    /** How to reach the reporter, if they gave it (optional). */
    contact: text('contact'),
    locale: text('locale', { enum: ['vi', 'en'] }).notNull(),
    status: text('status', { enum: ['open', 'closed'] })
      .notNull()
      .default('open'),
    staffNote: text('staff_note'),
    createdAt: text('created_at').notNull().default(nowIso),
    closedAt: text('closed_at'),
    closedByUserId: integer('closed_by_user_id').references(() => users.id),
  },
  (t) => [index('error_reports_status').on(t.status, t.createdAt)],
);
