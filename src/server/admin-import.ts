/**
 * The admin's import: a staged upload is previewed (with the mapping chosen for its headers, or the one
 * remembered for them), then committed in one transaction after a checked backup. Pages stay thin; this
 * is what they call.
 */
import { inArray } from 'drizzle-orm';
import type { ImportColumnKey, ImportIssue } from '#domain/import/columns.ts';
import type { CsvRecord } from '#domain/import/csv.ts';
import { rejectedRowsCsv, type ImportPreview } from '#domain/import/preview.ts';
import type { Actor } from '#db/audit.ts';
import { writeTransaction, type Database } from '#db/client.ts';
import { rememberColumns, rememberedColumns } from '#db/queries/import-mappings.ts';
import { products } from '#db/schema/index.ts';
import { backupBeforeImport } from './backup.ts';
import { importList, previewRead, readList, type ImportMode } from './importer.ts';
import {
  claimStaged,
  dropStagedBytes,
  isClaimHeld,
  releaseClaim,
  reloadStaged,
  saveStaged,
  stagedBytes,
  type StagedImport,
  type StagedResult,
} from './import-staging.ts';

export interface StagedPreview {
  preview: ImportPreview;
  records: CsvRecord[];
  /** Where the column mapping in effect came from. */
  mapping: 'documented' | 'chosen' | 'remembered';
}

/** The preview of a staged list; null when its bytes are gone (committed, or swept). */
export async function previewStaged(database: Database, staged: StagedImport): Promise<StagedPreview | null> {
  const bytes = await stagedBytes(staged);
  if (!bytes) return null;
  const read = await readList(bytes);
  const header = read.ok ? (read.records[0]?.cells.map((c) => c.trim()) ?? []) : [];
  let columns: (ImportColumnKey | null)[] | undefined = staged.columns?.length === header.length ? staged.columns : undefined;
  let mapping: StagedPreview['mapping'] = columns ? 'chosen' : 'documented';
  if (!columns && header.length > 0) {
    const remembered = await rememberedColumns(database.db, header);
    if (remembered) {
      columns = remembered;
      mapping = 'remembered';
    }
  }
  const preview = await previewRead(database, read, columns ? { columns } : {});
  return { preview, records: read.ok ? read.records : [], mapping };
}

/** Keeps the mapping chosen for this file, and for every later file with the same headers. */
export async function chooseColumns(
  database: Database,
  staged: StagedImport,
  header: readonly string[],
  columns: (ImportColumnKey | null)[],
  userId: number,
): Promise<void> {
  await writeTransaction(database, (tx) => rememberColumns(tx, userId, header, columns));
  await saveStaged({ ...staged, columns });
}

export type CommitOutcome = { ok: true; result: StagedResult } | { ok: false; errors: ImportIssue[]; message: string };

/** The commits running in this process, by token: a second request for the same list shares the first's. */
const running = new Map<string, Promise<CommitOutcome>>();
/** How often a commit waiting on another process's looks for its outcome, and for how long at most. */
const WAIT_STEP_MS = 100;
const WAIT_LIMIT_MS = 5 * 60 * 1000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Commits a staged list once (#17.8), however many times it is asked at once: the first request claims
 * the list (src/server/import-staging.ts) and runs the commit; the others, in this process or another,
 * get its outcome, with no second backup or audit row. A list already committed answers with its outcome.
 * The commit itself: validated again (the registry may have changed since the preview), a checked
 * backup, then one transaction. With mode 'all' any error refuses the whole list and nothing is written.
 */
export function commitStaged(
  database: Database,
  staged: StagedImport,
  options: { mode: ImportMode; actor: Actor },
): Promise<CommitOutcome> {
  const current = running.get(staged.token);
  if (current) return current;
  const commit = commitClaimed(database, staged, options).finally(() => running.delete(staged.token));
  running.set(staged.token, commit);
  return commit;
}

async function commitClaimed(
  database: Database,
  staged: StagedImport,
  options: { mode: ImportMode; actor: Actor },
): Promise<CommitOutcome> {
  const isOwnClaimLive = () => running.has(staged.token);
  const deadline = Date.now() + WAIT_LIMIT_MS;
  for (;;) {
    if ((await claimStaged(staged.token, isOwnClaimLive)) === 'claimed') {
      try {
        // Under the claim: a commit that finished before it was taken has left its outcome.
        const latest = await reloadStaged(staged);
        if (latest.result) return { ok: true, result: latest.result };
        return await commitOnce(database, latest, options);
      } finally {
        await releaseClaim(staged.token);
      }
    }
    // Another process is committing it: wait for its outcome, or for its claim to go (it wrote nothing).
    while ((await isClaimHeld(staged.token, isOwnClaimLive)) && Date.now() < deadline) {
      const latest = await reloadStaged(staged);
      if (latest.result) return { ok: true, result: latest.result };
      await sleep(WAIT_STEP_MS);
    }
    const latest = await reloadStaged(staged);
    if (latest.result) return { ok: true, result: latest.result };
    if (Date.now() >= deadline)
      return { ok: false, errors: [], message: 'Danh sách đang được nhập ở nơi khác; hãy tải lại trang sau ít phút.' };
  }
}

async function commitOnce(database: Database, staged: StagedImport, options: { mode: ImportMode; actor: Actor }): Promise<CommitOutcome> {
  const bytes = await stagedBytes(staged);
  if (!bytes) return { ok: false, errors: [], message: 'Tệp đã được nhập hoặc đã hết hạn; hãy tải lên lại.' };
  let backup: string | null = null;
  const outcome = await importList(database, bytes, {
    actor: options.actor,
    mode: options.mode,
    file: staged.name,
    ...(staged.columns ? { columns: staged.columns } : {}),
    beforeWrite: async () => (backup = await backupBeforeImport(database)),
  });
  if (!outcome.ok) {
    const rows = new Set(outcome.errors.map((e) => e.line)).size;
    return {
      ok: false,
      errors: outcome.errors,
      message:
        options.mode === 'all'
          ? `Không nhập gì: ${rows} dòng có lỗi. Sửa tệp rồi tải lên lại, hoặc chọn “chỉ nhập các dòng hợp lệ”.`
          : 'Không nhập gì: không có dòng hợp lệ nào, hoặc tiêu đề cột có lỗi.',
    };
  }
  const { summary } = outcome;
  const ids = [...new Set(summary.outcomes.filter((o) => o.outcome !== 'unchanged').map((o) => o.productId))].slice(0, 200);
  const names =
    ids.length > 0
      ? await database.db.select({ id: products.id, name: products.name }).from(products).where(inArray(products.id, ids))
      : [];
  const byId = new Map(names.map((p) => [p.id, p.name]));
  const result: StagedResult = {
    at: new Date().toISOString(),
    mode: options.mode,
    rows: summary.rows,
    created: summary.created,
    updatedCertifications: summary.updatedCertifications,
    unchanged: summary.unchanged,
    rejected: new Set(outcome.errors.map((e) => e.line)).size,
    backup,
    products: ids.map((id) => ({ id, name: byId.get(id) ?? `#${id}` })),
  };
  await saveStaged({ ...staged, result });
  await dropStagedBytes(staged);
  return { ok: true, result };
}

/** The rejected rows of a staged list as CSV (its own header and cells, reasons in a last column). */
export async function rejectedOfStaged(database: Database, staged: StagedImport): Promise<string | null> {
  const previewed = await previewStaged(database, staged);
  if (!previewed) return null;
  return rejectedRowsCsv(previewed.records, previewed.preview);
}
