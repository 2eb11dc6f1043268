import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_FLAGS, chromiumPath } from './tests/support/chromium.ts';

const PORT = Number(process.env['E2E_PORT'] || 4391);
const E2E_DIR = '.tmp/e2e';

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
  // The built site, started the way `npm start` starts it, on a fresh database of its own.
  webServer: {
    command: `rm -rf ${E2E_DIR} && node src/cli/start.ts`,
    url: `http://127.0.0.1:${PORT}/`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      DATABASE_URL: `file:${E2E_DIR}/registry.db`,
      REGISTRY_OUT_DIR: `${E2E_DIR}/dist`,
      HOST: '127.0.0.1',
      PORT: String(PORT),
    },
  },
});
