// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Boundaries from STYLE.md: pure domain code, islands that never reach the server. */
const domainBoundary = {
  patterns: [
    { group: ['astro', 'astro:*', 'astro/*'], message: 'src/domain is pure TypeScript: no Astro.' },
    { group: ['react', 'react-dom', 'react/*'], message: 'src/domain is pure TypeScript: no React.' },
    {
      group: ['drizzle-orm', 'drizzle-orm/*', '@libsql/*', '**/db/*', '**/server/*'],
      message: 'src/domain must not reach the database or the server.',
    },
  ],
};

export default defineConfig(
  { ignores: ['dist/', '.astro/', '.tmp/', 'releases/', 'node_modules/', 'test-results/', 'playwright-report/', 'db/migrations/'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { globals: globals.node, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
  astro.configs.recommended,
  { files: ['**/*.astro', '**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  { files: ['src/domain/**'], rules: { 'no-restricted-imports': ['error', domainBoundary] } },
  {
    files: ['src/components/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/db/*', '**/server/*'], message: 'Islands run in the browser: no database or server code.' }] },
      ],
    },
  },
  {
    files: ['src/pages/**', 'src/components/**', 'src/layouts/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['drizzle-orm', 'drizzle-orm/*', '**/db/schema*'],
              message: 'Pages call named query functions from src/db/queries, never build queries.',
            },
          ],
        },
      ],
    },
  },
);
