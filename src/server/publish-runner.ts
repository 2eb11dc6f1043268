/**
 * The admin's Publish button: one publish at a time in the background of the server process, its steps
 * kept in memory for the releases page (which refreshes itself while one runs: no script needed), and
 * rollback to a kept release. Both take the same lock as `npm run publish`.
 */
import { recordAudit, type Actor } from '#db/audit.ts';
import { writeTransaction, type Database } from '#db/client.ts';
import { describePlan, isRenderedPageLine } from '#domain/render-plan.ts';
import { publish, PUBLISH_STEPS, type BuildFunction, type PublishResult, type PublishStep } from './publish.ts';
import { processWide } from '#db/process-wide.ts';
import { acquirePublishLock, currentReleaseId, lockHolder, readRelease, switchCurrent, type LockHolder } from './releases.ts';

export interface PublishRun {
  actor: string;
  startedAt: string;
  finishedAt: string | null;
  steps: { step: PublishStep; state: 'start' | 'done'; /** In Vietnamese, for the admin. */ detail?: string; at: string }[];
  result: PublishResult | null;
  /** What the build renders, once planned (#19.6): in Vietnamese, with the pages it will render when known. */
  plan: { mode: 'full' | 'incremental'; text: string; pagesToRender: number | null } | null;
  /** HTML pages the build has rendered so far. */
  rendered: number;
}

/**
 * The run is process-wide (see process-wide.ts), not this module's: the admin is served by the current release's own
 * bundle, so the page that reports a publish comes from a different copy of this module (the new release's)
 * than the one that started it.
 */
const shared = processWide('publishRun', () => ({ latest: null as PublishRun | null }));

/** The run in progress, or the last one since the server started. */
export const publishRun = (): PublishRun | null => shared.latest;

/** Share of the steps done, 0–1, for the progress bar. */
export const progressOf = (run: PublishRun) => run.steps.filter((s) => s.state === 'done').length / PUBLISH_STEPS.length;

/**
 * Starts a publish in the background; the answer comes before it ends. Busy when a publish (here, from
 * the command line, or a rollback) holds the lock.
 */
export function startPublish(
  database: Database,
  options: { releasesDir: string; actor: Actor & { name: string }; build?: BuildFunction },
): { ok: true; run: PublishRun } | { ok: false; holder: LockHolder } {
  const latest = shared.latest;
  if (latest && latest.finishedAt === null) return { ok: false, holder: { who: latest.actor, since: latest.startedAt, pid: process.pid } };
  const holder = lockHolder(options.releasesDir);
  if (holder) return { ok: false, holder };
  const run: PublishRun = {
    actor: options.actor.name,
    startedAt: new Date().toISOString(),
    finishedAt: null,
    steps: [],
    result: null,
    plan: null,
    rendered: 0,
  };
  shared.latest = run;
  const done = publish(database, {
    releasesDir: options.releasesDir,
    actor: options.actor,
    ...(options.build ? { build: options.build } : {}),
    onStep: (step, state, _detail, detailVi) =>
      run.steps.push({ step, state, ...(detailVi ? { detail: detailVi } : {}), at: new Date().toISOString() }),
    onPlan: (plan) => (run.plan = { mode: plan.mode, text: describePlan(plan, 'vi'), pagesToRender: plan.pagesToRender }),
    onBuildLine: (line) => {
      if (isRenderedPageLine(line)) run.rendered++;
    },
  }).catch((error: unknown): PublishResult => ({
    ok: false,
    reason: 'failed',
    step: 'backup',
    message: String(error),
    log: [String(error)],
  }));
  void done.then((result) => {
    run.result = result;
    run.finishedAt = new Date().toISOString();
  });
  return { ok: true, run };
}

/** What the admin calls each step. */
export const STEP_NAMES: Record<PublishStep, string> = {
  backup: 'Sao lưu dữ liệu',
  build: 'Dựng trang',
  validate: 'Kiểm tra',
  record: 'Ghi nhận',
  switch: 'Chuyển sang bản mới',
};

const tick = () => new Promise((resolve) => setTimeout(resolve, 100));

/** Resolves when `step` of this run is done, or when the run ended without it (failed before or at it). */
export async function untilStepSettled(run: PublishRun, step: PublishStep): Promise<void> {
  while (run.finishedAt === null && !run.steps.some((s) => s.step === step && s.state === 'done')) await tick();
}

/**
 * Resolves when the build has rendered more pages than `seen`, when its step is settled, or after `ms`: the
 * admin's page streams a new progress line each time.
 */
export async function untilRenderedMore(run: PublishRun, seen: number, ms = 1000): Promise<void> {
  const until = Date.now() + ms;
  while (run.rendered === seen && Date.now() < until && !isStepSettled(run, 'build')) await tick();
}

/** True when `step` of this run is done, or the run has ended. */
export const isStepSettled = (run: PublishRun, step: PublishStep) =>
  run.finishedAt !== null || run.steps.some((s) => s.step === step && s.state === 'done');

/** Resolves when this run has ended. */
export async function untilFinished(run: PublishRun): Promise<void> {
  while (run.finishedAt === null) await tick();
}

/** Waits for the background publish (tests, and the CLI-like callers). */
export async function settled(): Promise<PublishRun | null> {
  while (shared.latest && shared.latest.finishedAt === null) await new Promise((resolve) => setTimeout(resolve, 50));
  return shared.latest;
}

/** Serves an earlier kept release again (admins only, audited); the lock keeps it from racing a publish. */
export async function rollback(
  database: Database,
  options: { releasesDir: string; id: string; actor: Actor & { name: string } },
): Promise<{ ok: true } | { ok: false; reason: 'busy'; holder: LockHolder } | { ok: false; reason: 'unknown' | 'current' }> {
  if (!readRelease(options.releasesDir, options.id)) return { ok: false, reason: 'unknown' };
  const from = currentReleaseId(options.releasesDir);
  if (from === options.id) return { ok: false, reason: 'current' };
  const taken = acquirePublishLock(options.releasesDir, options.actor.name);
  if (!taken.ok) return { ok: false, reason: 'busy', holder: taken.holder };
  try {
    switchCurrent(options.releasesDir, options.id);
  } finally {
    taken.lock.release();
  }
  await writeTransaction(database, (tx) =>
    recordAudit(tx, options.actor, {
      action: 'publish',
      entity: 'releases',
      entityId: null,
      before: { id: from },
      after: { id: options.id, rollback: true },
    }),
  );
  return { ok: true };
}
