import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/** Playwright cannot download its own browser here: use the system Chromium. */
function chromiumPath(): string {
  const path = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `No Chromium at ${path}. Install one (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary.`,
    );
  }
  return path;
}

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
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
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
