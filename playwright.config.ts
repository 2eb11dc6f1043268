import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_FLAGS, chromiumPath } from './tests/support/chromium.ts';

const PORT = Number(process.env['E2E_PORT'] || 4391);
const FAIR_PORT = Number(process.env['E2E_FAIR_PORT'] || 4392);
const E2E_DIR = '.tmp/e2e';
const FAIR_DIR = '.tmp/e2e-fairs';
/** The password of the test staff accounts (a fixture of the throw-away e2e database, not a secret). */
export const STAFF_PASSWORD = 'Thử-nghiệm-2026!';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env['CI'],
  retries: 0,
  reporter: process.env['CI'] ? 'list' : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
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
  webServer: [
    // The built site, started the way `npm start` starts it, on a fresh database of its own.
    {
      // Staff accounts for the admin stories: the first admin from ADMIN_EMAIL, an editor and a viewer added
      // with `npm run user` (passwords are test fixtures, see tests/e2e/admin.spec.ts).
      command: `rm -rf ${E2E_DIR} && USER_PASSWORD='${STAFF_PASSWORD}' node src/cli/user.ts add editor@example.vn --role editor && USER_PASSWORD='${STAFF_PASSWORD}' node src/cli/user.ts add viewer@example.vn --role viewer && node src/cli/start.ts`,
      url: `http://127.0.0.1:${PORT}/`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      env: {
        DATABASE_URL: `file:${E2E_DIR}/registry.db`,
        REGISTRY_OUT_DIR: `${E2E_DIR}/dist`,
        UPLOADS_DIR: `${E2E_DIR}/uploads`,
        ADMIN_EMAIL: 'admin@example.vn',
        ADMIN_PASSWORD: STAFF_PASSWORD,
        HOST: '127.0.0.1',
        PORT: String(PORT),
      },
    },
    // The fair site: the real seed plus factory exhibitors at the 2024 northern fair (tests/support/fair-site.ts).
    {
      command: `rm -rf ${FAIR_DIR} && node tests/support/fair-site.ts && node src/cli/start.ts`,
      url: `http://127.0.0.1:${FAIR_PORT}/`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      env: {
        DATABASE_URL: `file:${FAIR_DIR}/registry.db`,
        REGISTRY_OUT_DIR: `${FAIR_DIR}/dist`,
        UPLOADS_DIR: `${FAIR_DIR}/uploads`,
        HOST: '127.0.0.1',
        PORT: String(FAIR_PORT),
        FAIR_EXHIBITORS: '60',
      },
    },
  ],
});
