import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'turso',
  schema: './src/db/schema/index.ts',
  out: './db/migrations',
  dbCredentials: { url: process.env['DATABASE_URL'] ?? 'file:db/registry.db' },
});
