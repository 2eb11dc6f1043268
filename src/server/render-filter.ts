/**
 * The routes' side of an incremental release (#19.1, decision 032): a record route's getStaticPaths lists only
 * the records the publish's plan renders. The plan is a JSON file named by REGISTRY_RENDER_PLAN (written by
 * src/server/publish.ts); without it, as in a full build, `npm run build` or `astro dev`, every record renders.
 */
import { readFileSync } from 'node:fs';
import type { RecordKind } from '#domain/render-plan.ts';

/** What the build reads: the record keys to render per kind, and the site paths of the pages reused (the sitemap lists them). */
export interface BuildRenderPlan {
  render: Record<RecordKind, string[]>;
  reusedPaths: string[];
}

let loaded: { file: string; wanted: Map<RecordKind, Set<string>> } | null = null;

function wantedKeys(kind: RecordKind): Set<string> | null {
  const file = process.env['REGISTRY_RENDER_PLAN'];
  if (!file) return null;
  if (loaded?.file !== file) {
    const plan = JSON.parse(readFileSync(file, 'utf8')) as BuildRenderPlan;
    loaded = { file, wanted: new Map(Object.entries(plan.render).map(([k, keys]) => [k as RecordKind, new Set(keys)])) };
  }
  return loaded.wanted.get(kind) ?? new Set();
}

/** The keys of `kind` this build renders: all of them, or those the plan names, e.g. ("products", ["a", "b"]) → ["b"]. */
export function keysToRender(kind: RecordKind, keys: readonly string[]): string[] {
  const wanted = wantedKeys(kind);
  return wanted === null ? [...keys] : keys.filter((key) => wanted.has(key));
}
