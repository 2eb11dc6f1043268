/**
 * The plan of the next release (#19.1, #19.6): the served release's dependency record against the record of the
 * data and code as they are now. The publish follows it; the admin shows it before a publish starts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '#db/client.ts';
import { changedRecords, describePlan, planRender, RENDER_RECORD_FILE, type RenderPlan, type RenderRecord } from '#domain/render-plan.ts';
import { todayIso } from '#domain/validity.ts';
import { sourceStamp } from './build.ts';
import { makeRenderRecord } from './render-record.ts';
import { currentReleaseId } from './releases.ts';

/** The dependency record kept in release `id`, or null when it has none (a release made before #19, or damaged). */
export function readRenderRecord(dir: string, id: string): RenderRecord | null {
  try {
    const record = JSON.parse(readFileSync(join(dir, id, RENDER_RECORD_FILE), 'utf8')) as RenderRecord;
    return typeof record.code === 'string' && typeof record.pages === 'object' && record.pages !== null ? record : null;
  } catch {
    return null;
  }
}

/** The site address pages are built for, as astro.config.mjs reads it. */
export const siteAddress = (env: NodeJS.ProcessEnv) => env['SITE_URL'] || 'http://localhost:4321';

export interface ReleasePlan {
  plan: RenderPlan;
  /** The record the new release will keep. */
  record: RenderRecord;
  /** The release it builds on (served now), or null. */
  previous: string | null;
  today: string;
}

/** Plans a release of the data in `database` against the release served from `dir` now. */
export async function planRelease(database: Database, dir: string, env: NodeJS.ProcessEnv = process.env): Promise<ReleasePlan> {
  const today = todayIso();
  const previous = currentReleaseId(dir);
  const record = await makeRenderRecord(database.db, { code: sourceStamp(), site: siteAddress(env), today });
  const plan = planRender(previous === null ? 'no-release' : readRenderRecord(dir, previous), record);
  return { plan, record, previous, today };
}

/** What the admin shows before a publish starts (#19.6): full or incremental and why, records changed, pages to render. */
export interface PlanPreview {
  mode: RenderPlan['mode'];
  /** The plan in Vietnamese, e.g. "dựng phần thay đổi: 3 bản ghi thay đổi, 81 trang cần dựng". */
  text: string;
  changedRecords: number | null;
  pagesToRender: number | null;
}

/** The plan a publish started now would follow, from the live database. */
export async function previewPlan(database: Database, dir: string): Promise<PlanPreview> {
  const { plan } = await planRelease(database, dir);
  return { mode: plan.mode, text: describePlan(plan, 'vi'), changedRecords: changedRecords(plan), pagesToRender: plan.pagesToRender };
}
