import { TransactionRollbackError } from 'drizzle-orm/errors';
import type { ImportRow } from '#domain/import/rows.ts';
import { recordAudit, type Actor } from '#db/audit.ts';
import { writeTransaction, type Database } from '#db/client.ts';
import { ImportWriter } from './import-writer.ts';
import type { StoredProvinceUnit } from './provinces.ts';

export interface ImportSummary {
  rows: number;
  created: { establishments: number; products: number; certifications: number };
  updatedCertifications: number;
  unchanged: number;
  /** Decision records created for numbers no stored decision carried (src/db/queries/import-writer.ts). */
  createdDecisions: number;
  dryRun: boolean;
  /** What each row did (or, in a dry run, would do): the preview's classification. */
  outcomes: RowOutcome[];
}

/**
 * One row's effect: a new certification, an update of one already registered (a changed decision number,
 * score or source), or nothing (the same certification is already registered: a duplicate of it). Whether
 * its establishment and product were created with it.
 */
export interface RowOutcome {
  line: number;
  outcome: 'new' | 'update' | 'unchanged';
  createdEstablishment: boolean;
  createdProduct: boolean;
  /** The records the row reached (ids are only meaningful once committed, not in a dry run). */
  productId: number;
  certificationId: number;
}

/**
 * Writes validated rows in one transaction, through the process's write queue: establishments and
 * products are matched or created, certifications matched by their import key (src/db/queries/import-writer.ts:
 * matched in memory, written in batches). All or nothing; a dry run rolls back at the end. Every record
 * created or changed gets its audit row; the import's own entry lists the totals and every record it created.
 */
export async function applyImport(
  database: Pick<Database, 'client' | 'db'>,
  rows: readonly ImportRow<StoredProvinceUnit>[],
  options: { actor: Actor; dryRun?: boolean; file?: string },
): Promise<ImportSummary> {
  const summary: ImportSummary = {
    rows: rows.length,
    created: { establishments: 0, products: 0, certifications: 0 },
    updatedCertifications: 0,
    unchanged: 0,
    createdDecisions: 0,
    dryRun: options.dryRun ?? false,
    outcomes: [],
  };
  try {
    await writeTransaction(database, async (tx) => {
      const writer = new ImportWriter(tx, options.actor, summary);
      await writer.write(rows);
      // The totals and the ids of what was created; the per-row outcomes are the preview's.
      const entry = {
        ...(options.file ? { file: options.file } : {}),
        rows: summary.rows,
        created: summary.created,
        updatedCertifications: summary.updatedCertifications,
        unchanged: summary.unchanged,
        dryRun: summary.dryRun,
        createdIds: writer.createdIds,
      };
      await recordAudit(tx, options.actor, { action: 'import', entity: 'certifications', entityId: null, after: entry });
      if (summary.dryRun) tx.rollback();
    });
  } catch (error) {
    if (!(error instanceof TransactionRollbackError)) throw error;
  }
  return summary;
}
