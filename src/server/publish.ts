/**
 * Publishing (R31, R32): the database becomes a new static release, checked before visitors see it.
 *   1. backup   — VACUUM INTO a temporary file (a database over the network: its tables copied in one read
 *                 transaction, decision 043), integrity check, rename; kept with the release;
 *   2. build    — astro build into a staging folder, reading the backup: one consistent snapshot; the
 *                 change log (what this release adds, changes, expires, revokes) is made first, from
 *                 the same snapshot and the log of the release being served, and the build publishes it;
 *                 then every text file gets its brotli and gzip forms beside it (precompress.ts, #19.5);
 *   3. validate — every published entity's page, internal links, the search index, the size budget;
 *   4. record   — release.json (who, when, what changed since the last release) written into the release;
 *   5. switch   — the staging folder becomes releases/<id>, `current` is re-pointed atomically, 5 kept,
 *                 and an audit row says who published what.
 * One publish at a time (a lock file); any failure removes the staging folder and leaves `current`,
 * and so the live site, exactly as it was.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { recordAudit, type Actor } from '#db/audit.ts';
import { openDatabase, writeTransaction, type Database } from '#db/client.ts';
import { listProductSlugs, listRegistryCodes } from '#db/queries/product-records.ts';
import { listPublishedDecisions } from '#db/queries/decision-pages.ts';
import { listFairs } from '#db/queries/fairs.ts';
import { listProducers } from '#db/queries/producers.ts';
import { listChangesAfter } from '#db/queries/staff.ts';
import {
  describeProblems,
  expectedPages,
  hasProblems,
  internalLinks,
  isOnDemand,
  linkTarget,
  type ReleaseProblems,
} from '#domain/release-check.ts';
import { todayIso } from '#domain/validity.ts';
import { listCatalogueItems } from '#db/queries/listing.ts';
import { linkModules } from './release-modules.ts';
import { RECORD_KINDS, recordPagePaths, RENDER_RECORD_FILE, describePlan, type RenderPlan } from '#domain/render-plan.ts';
import { planRelease } from './publish-plan.ts';
import { reuseRecordPages, shareUnchanged } from './release-assembly.ts';
import { checkReleaseSearch } from './release-search-check.ts';
import { filesWithoutForms, precompressFiles } from './precompress.ts';
import { moveDatabaseFile, snapshotDatabase } from './backup.ts';
import { buildSite, buildStamp, type BuildHooks } from './build.ts';
import { CHANGE_LOG_FILE, makeChangeLog, readReleaseChangeLog } from './release-change-log.ts';
import {
  acquirePublishLock,
  currentReleaseId,
  newReleaseId,
  pruneReleases,
  readRelease,
  RELEASE_FILE,
  sweepStaging,
  switchCurrent,
  type LockHolder,
  type ReleaseRecord,
} from './releases.ts';

export const PUBLISH_STEPS = ['backup', 'build', 'validate', 'record', 'switch'] as const;
export type PublishStep = (typeof PUBLISH_STEPS)[number];

/** Total bytes a release may weigh (R32's size budget); PUBLISH_BUDGET_MB overrides. */
export const DEFAULT_BUDGET_MB = 512;

export type BuildFunction = (outDir: string, env: NodeJS.ProcessEnv, stamp: string, hooks?: BuildHooks) => Promise<void>;

/** Lines of the build's output kept for a failure's log. */
const BUILD_TAIL = 60;

export interface PublishOptions {
  releasesDir: string;
  actor: Actor & { name: string };
  env?: NodeJS.ProcessEnv;
  /** Progress of each step, for the CLI and the admin's progress bar. */
  onStep?: (step: PublishStep, state: 'start' | 'done', detail?: string, detailVi?: string) => void;
  /** Test hook: a step that throws as if it had failed there (R32's injected failures). */
  failAt?: PublishStep;
  /** Replaces the Astro build (tests that need many publishes quickly). */
  build?: BuildFunction;
  /** Each line the build prints (the CLI shows them); the last ones go into a failure's log either way. */
  onBuildLine?: (line: string) => void;
  /** The build process's id (the benchmarks read its memory). */
  onBuildSpawn?: (pid: number) => void;
  /** The plan, before the build starts: full or incremental and why, records changed, pages to render (#19.6). */
  onPlan?: (plan: RenderPlan) => void;
}

export type PublishResult =
  | { ok: true; release: ReleaseRecord }
  | { ok: false; reason: 'busy'; holder: LockHolder }
  | { ok: false; reason: 'failed'; step: PublishStep; message: string; log: string[] };

/**
 * Every file of a folder and their total size. Asynchronous, like every pass over a release's files: an
 * admin's publish runs in the process that serves the site, and a release of 5,000 products holds 35,000
 * pages; read synchronously, they stalled serving for seconds.
 */
async function folderBytes(dir: string): Promise<{ bytes: number; files: string[] }> {
  const files: string[] = [];
  let bytes = 0;
  const walk = async (d: string) => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) await walk(path);
      else {
        files.push(relative(dir, path));
        bytes += (await stat(path)).size;
      }
    }
  };
  if (existsSync(dir)) await walk(dir);
  return { bytes, files };
}

/** Step 3: what the release must hold before anyone sees it. */
async function validate(
  database: Database,
  client: string,
  budgetBytes: number,
): Promise<ReleaseProblems & { pages: number; bytes: number }> {
  const { db } = database;
  const [products, producers, fairs, codes, decisions, catalogue] = await Promise.all([
    listProductSlugs(db),
    listProducers(db).then((rows) => rows.map((r) => r.slug)),
    listFairs(db).then((rows) => rows.map((r) => r.slug)),
    listRegistryCodes(db),
    listPublishedDecisions(db).then((rows) => rows.map((r) => r.slug)),
    listCatalogueItems(db, todayIso()),
  ]);
  const { bytes, files } = await folderBytes(client);
  const present = new Set(files);
  const missingPages = expectedPages({ products, producers, fairs, codes, decisions }).filter((p) => !present.has(p));
  const brokenLinks: ReleaseProblems['brokenLinks'] = [];
  const pages = files.filter((f) => f.endsWith('.html'));
  for (const page of pages) {
    for (const link of internalLinks(await readFile(join(client, page), 'utf8')))
      if (!isOnDemand(link) && !present.has(linkTarget(link))) brokenLinks.push({ page, link });
  }
  return {
    missingPages,
    brokenLinks,
    overBudget: bytes > budgetBytes ? { bytes, budget: budgetBytes } : null,
    search: await checkReleaseSearch(
      client,
      catalogue.items.map((item) => item.name),
    ),
    pages: pages.length,
    bytes,
  };
}

/** The snapshot file opened as a database for `use`, and closed after. */
async function withSnapshot<T>(snapshotFile: string, use: (snapshot: Database) => Promise<T>): Promise<T> {
  const snapshot = await openDatabase({ url: `file:${snapshotFile}` });
  try {
    return await use(snapshot);
  } finally {
    snapshot.close();
  }
}

/** Step 5's list: what changed since the release before (audit rows after its last one). */
async function changesSince(database: Database, lastAuditId: number) {
  const rows = await listChangesAfter(database.db, lastAuditId);
  const changes = rows.filter((r) => r.action !== 'login' && r.action !== 'publish' && r.entity !== 'sessions');
  const byEntity: Record<string, number> = {};
  for (const c of changes) byEntity[c.entity] = (byEntity[c.entity] ?? 0) + 1;
  return {
    lastAuditId: rows.reduce((m, r) => Math.max(m, r.id), lastAuditId),
    changes: {
      total: changes.length,
      byEntity,
      list: changes
        .slice(-200)
        .map((c) => ({ at: c.at, action: c.action, entity: c.entity, entityId: c.entityId, by: c.actorEmail ?? c.actorLabel ?? '—' })),
    },
  };
}

/** Runs the whole pipeline; see the file's comment. Never throws for a failed step: it reports it. */
export async function publish(database: Database, options: PublishOptions): Promise<PublishResult> {
  const env = options.env ?? process.env;
  const dir = options.releasesDir;
  const taken = acquirePublishLock(dir, options.actor.name);
  if (!taken.ok) return { ok: false, reason: 'busy', holder: taken.holder };
  const log: string[] = [];
  const started = Date.now();
  const id = newReleaseId();
  const staging = join(dir, `.staging-${id}`);
  let step: PublishStep = 'backup';
  const begin = (s: PublishStep) => {
    step = s;
    log.push(`${new Date().toISOString()} ${s}…`);
    options.onStep?.(s, 'start');
    if (options.failAt === s) throw new Error(`injected failure at ${s}`);
  };
  /** A step done; its detail in English (logs, the CLI) and Vietnamese (the admin). */
  const done = (detail?: string, detailVi?: string) => {
    log.push(`${new Date().toISOString()} ${step} ok${detail ? `: ${detail}` : ''}`);
    options.onStep?.(step, 'done', detail, detailVi);
  };
  try {
    sweepStaging(dir);
    // A releases folder outside the project resolves the release's packages through a link (release-modules.ts).
    linkModules(dir);
    mkdirSync(staging, { recursive: true });

    begin('backup');
    // The release's date is the moment its data was taken: what its open data and change log are "as of".
    const releaseDate = new Date().toISOString();
    // Beside the staging folder, not in it: Astro empties its output folder when a build starts.
    // A database over the network is copied too: the build then reads a local file, not the server (decision 043).
    const backupFile = await snapshotDatabase(database, join(dir, `.backup-${id}.db`));
    done('integrity ok', 'toàn vẹn');

    begin('build');
    const stamp = await buildStamp(database);
    const previous = currentReleaseId(dir);
    const since = (previous && readRelease(dir, previous)?.lastAuditId) || 0;
    const history = await changesSince(database, since);
    // The build reads the backup: every page comes from one consistent snapshot, whatever staff do meanwhile.
    const snapshotUrl = `file:${backupFile}`;
    const changeLogFile = join(dir, `.changes-${id}.json`);
    const changeLog = await withSnapshot(backupFile, (snapshot) =>
      makeChangeLog(snapshot, readReleaseChangeLog(dir, previous), { id, date: releaseDate }),
    );
    await writeFile(changeLogFile, JSON.stringify(changeLog));
    // What the release needs rendered, from the same snapshot the build reads (decision 032).
    const planned = await withSnapshot(backupFile, (snapshot) => planRelease(snapshot, dir, env));
    const { plan } = planned;
    log.push(`${new Date().toISOString()} plan: ${describePlan(plan, 'en')}`);
    options.onPlan?.(plan);
    const planFile = join(dir, `.plan-${id}.json`);
    if (plan.mode === 'incremental') {
      const reusedPaths = RECORD_KINDS.flatMap((kind) => plan.reused[kind].flatMap((key) => recordPagePaths(kind, key)));
      await writeFile(planFile, JSON.stringify({ render: plan.render, reusedPaths }));
    }
    const buildEnv = {
      ...env,
      DATABASE_URL: snapshotUrl,
      REGISTRY_RELEASE_ID: id,
      REGISTRY_RELEASE_DATE: releaseDate,
      REGISTRY_CHANGES_FILE: changeLogFile,
      ...(plan.mode === 'incremental' ? { REGISTRY_RENDER_PLAN: planFile } : {}),
    };
    const tail: string[] = [];
    try {
      await (options.build ?? buildSite)(staging, buildEnv, stamp, {
        onLine: (line) => {
          tail.push(line);
          if (tail.length > BUILD_TAIL) tail.shift();
          options.onBuildLine?.(line);
        },
        ...(options.onBuildSpawn ? { onSpawn: options.onBuildSpawn } : {}),
      });
    } catch (error) {
      // What Astro printed last says why (a page that threw, a missing file): it goes into the log.
      log.push(...tail.map((line) => `  | ${line}`));
      throw error;
    }
    // Pages reused from the served release show its day: a build that crossed midnight would mix two.
    if (todayIso() !== planned.today) throw new Error('the day changed during the build; publish again');
    const client = join(staging, 'client');
    const previousClient = planned.previous === null ? null : join(dir, planned.previous, 'client');
    const reused =
      plan.mode === 'incremental' && previousClient !== null ? await reuseRecordPages(previousClient, client, plan.reused) : [];
    const sharing = await shareUnchanged(previousClient, client, new Set(reused));
    await rm(planFile, { force: true });
    const shared = reused.length + sharing.shared;
    // Only files without their forms are compressed: the new ones, and shared ones whose release had none
    // (one published before precompression); the others brought their .br/.gz along (#19.5).
    const packing = Date.now();
    const packed = await precompressFiles(await filesWithoutForms(client));
    const ratio = packed.identity > 0 ? ((100 * packed.br) / packed.identity).toFixed(0) : '100';
    const packSeconds = ((Date.now() - packing) / 1000).toFixed(1);
    done(
      `${describePlan(plan, 'en')}; ${sharing.newFiles.length} new files, ${shared} shared with the served release; ` +
        `${packed.files} text files precompressed in ${packSeconds} s (brotli ${ratio} % of their size)`,
      `${describePlan(plan, 'vi')}; ${sharing.newFiles.length} tệp mới, ${shared} tệp dùng chung với bản đang phục vụ; ` +
        `${packed.files} tệp văn bản đã nén sẵn trong ${packSeconds} giây`,
    );

    begin('validate');
    const budget = Number(env['PUBLISH_BUDGET_MB'] || DEFAULT_BUDGET_MB) * 1024 * 1024;
    const checked = await withSnapshot(backupFile, (snapshot) => validate(snapshot, join(staging, 'client'), budget));
    if (hasProblems(checked)) throw new Error(describeProblems(checked).join('\n'));
    const size = `${(checked.bytes / 1048576).toFixed(1)} MB`;
    done(`${checked.pages} pages, ${size}`, `${checked.pages} trang, ${size}`);

    begin('record');
    const release: ReleaseRecord = {
      id,
      stamp,
      publishedAt: new Date().toISOString(),
      actor: options.actor.name,
      durationMs: Date.now() - started,
      pages: checked.pages,
      bytes: checked.bytes,
      lastAuditId: history.lastAuditId,
      changes: history.changes,
      backup: 'backup.db',
    };
    moveDatabaseFile(backupFile, join(staging, 'backup.db'));
    renameSync(changeLogFile, join(staging, CHANGE_LOG_FILE));
    const otherPages = checked.pages - 2 * Object.keys(planned.record.pages).length;
    writeFileSync(join(staging, RENDER_RECORD_FILE), JSON.stringify({ ...planned.record, otherPages }));
    writeFileSync(join(staging, RELEASE_FILE), JSON.stringify(release, null, 1));
    done(
      `${release.changes.total} change${release.changes.total === 1 ? '' : 's'} since the last release`,
      `${release.changes.total} thay đổi so với bản trước`,
    );

    begin('switch');
    renameSync(staging, join(dir, id));
    try {
      switchCurrent(dir, id);
    } catch (error) {
      // Not switched: the release folder goes, the live site stays as it was.
      rmSync(join(dir, id), { recursive: true, force: true });
      throw error;
    }
    const pruned = await pruneReleases(dir);
    if (pruned.length > 0) done(`removed ${pruned.join(', ')}`, `đã xoá ${pruned.length} bản cũ`);
    else done();
    // Published: the audit row follows the switch; failing to write it does not undo the release.
    await writeTransaction(database, (tx) =>
      recordAudit(tx, options.actor, {
        action: 'publish',
        entity: 'releases',
        entityId: null,
        after: { id, pages: release.pages, bytes: release.bytes, changes: release.changes.total, durationMs: release.durationMs },
      }),
    ).catch((error: unknown) => log.push(`audit row not written: ${String(error)}`));
    return { ok: true, release };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.push(`${new Date().toISOString()} ${step} FAILED: ${message}`);
    await rm(staging, { recursive: true, force: true });
    for (const leftover of readdirSync(dir).filter(
      (n) => n.startsWith(`.backup-${id}`) || n.startsWith(`.changes-${id}`) || n.startsWith(`.plan-${id}`),
    ))
      rmSync(join(dir, leftover), { force: true });
    return { ok: false, reason: 'failed', step, message, log };
  } finally {
    taken.lock.release();
  }
}
