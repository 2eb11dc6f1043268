import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_FLAGS, chromiumPath } from './tests/support/chromium.ts';
import { FAIR_SITE, PUBLIC_SITE, STAFF_EMAIL, STAFF_PASSWORD, STAFF_SITE, type Site } from './tests/e2e/support/sites.ts';

/** The password of the test staff accounts, for the stories that type it (kept here for older imports). */
export { STAFF_PASSWORD };

/** The environment a site's `npm start` runs with: its own database, release folder and uploads. */
const siteEnv = (site: Site, extra: Record<string, string> = {}) => ({
  DATABASE_URL: site.databaseUrl,
  REGISTRY_OUT_DIR: `${site.dir}/dist`,
  UPLOADS_DIR: `${site.dir}/uploads`,
  HOST: '127.0.0.1',
  PORT: String(site.port),
  ...extra,
});

/** Staff accounts: the first admin from ADMIN_EMAIL, an editor and a viewer added with `npm run user`. */
const addStaff = [STAFF_EMAIL.editor, STAFF_EMAIL.viewer]
  .map((email) => `USER_PASSWORD='${STAFF_PASSWORD}' node src/cli/user.ts add ${email} --role ${email.split('@')[0]}`)
  .join(' && ');
const firstAdmin = { ADMIN_EMAIL: STAFF_EMAIL.admin, ADMIN_PASSWORD: STAFF_PASSWORD };

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env['CI'],
  retries: 0,
  // A story with several accessibility scans on a phone takes tens of seconds on a busy two-core machine.
  timeout: 60_000,
  reporter: process.env['CI'] ? 'list' : [['list']],
  use: {
    baseURL: PUBLIC_SITE.url,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath(),
      args: CHROMIUM_FLAGS,
    },
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], channel: undefined } },
    { name: 'phone', use: { ...devices['Pixel 7'] } },
  ],
  // Three built sites, each started the way `npm start` starts it, on a fresh database of its own
  // (tests/e2e/support/sites.ts says which story uses which).
  webServer: [
    {
      command: `rm -rf ${PUBLIC_SITE.dir} && ${addStaff} && node src/cli/start.ts`,
      url: `${PUBLIC_SITE.url}/`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      env: siteEnv(PUBLIC_SITE, firstAdmin),
    },
    {
      command: `rm -rf ${FAIR_SITE.dir} && node tests/support/fair-site.ts && node src/cli/start.ts`,
      url: `${FAIR_SITE.url}/`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      env: siteEnv(FAIR_SITE, { FAIR_EXHIBITORS: '60' }),
    },
    {
      command: `rm -rf ${STAFF_SITE.dir} && ${addStaff} && node src/cli/start.ts`,
      url: `${STAFF_SITE.url}/`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      env: siteEnv(STAFF_SITE, firstAdmin),
    },
  ],
});
