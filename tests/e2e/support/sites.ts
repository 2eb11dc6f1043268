/**
 * The sites the browser stories run against, each a built site started the way `npm start` starts it, on a
 * database of its own (playwright.config.ts starts them):
 * - the public site: the real seed, never written by a story, so what a visitor story reads stays put;
 * - the fair site: the real seed plus factory exhibitors (tests/support/fair-site.ts), read-only too;
 * - the staff site: where the admin stories write, import and publish; nothing else reads it.
 * Ports come from E2E_PORT, E2E_FAIR_PORT and E2E_STAFF_PORT so that runs side by side do not collide.
 */
export interface Site {
  port: number;
  dir: string;
  url: string;
  databaseUrl: string;
}

function site(variable: string, fallback: number, dir: string): Site {
  const port = Number(process.env[variable] || fallback);
  return { port, dir, url: `http://127.0.0.1:${port}`, databaseUrl: `file:${dir}/registry.db` };
}

export const PUBLIC_SITE = site('E2E_PORT', 4391, '.tmp/e2e');
export const FAIR_SITE = site('E2E_FAIR_PORT', 4392, '.tmp/e2e-fairs');
export const STAFF_SITE = site('E2E_STAFF_PORT', 4393, '.tmp/e2e-staff');

/** The password of the test staff accounts (a fixture of the throw-away e2e databases, not a secret). */
export const STAFF_PASSWORD = 'Thử-nghiệm-2026!';

/** The accounts of the staff site: the first admin from ADMIN_EMAIL, the others added with `npm run user`. */
export const STAFF_EMAIL = {
  admin: 'admin@example.vn',
  editor: 'editor@example.vn',
  viewer: 'viewer@example.vn',
} as const;
export type StaffRole = keyof typeof STAFF_EMAIL;
