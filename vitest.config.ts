import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: one worker on the two-core CI machine. Most
    // integration time is spent waiting on child processes (builds, sqld, imports), so two run side by side.
    maxWorkers: 2,
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          // A publish now plans, shares and precompresses its release (decisions 032, 033): seconds each on a busy machine.
          testTimeout: 60_000,
          // Seeding the ~150-row real seed in a beforeAll takes seconds on a busy machine.
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'integration-sqld',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          env: { TEST_DATABASE: 'sqld' },
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
