import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Scratch space for test databases and builds; git-ignored. */
export const TMP = fileURLToPath(new URL('../../.tmp/', import.meta.url));
/** The migrated (empty) template database every integration test file copies. */
export const TEMPLATE_DB = `${TMP}template.db`;
