import { formatIssue, type ImportIssue } from '../domain/import/columns.ts';
import { decodeCsvBytes } from '../domain/import/csv.ts';
import { validateImport } from '../domain/import/rows.ts';
import type { Actor } from '../db/audit.ts';
import type { Database } from '../db/client.ts';
import { applyImport, type ImportSummary } from '../db/queries/import.ts';
import { listProvinceUnits } from '../db/queries/provinces.ts';
import { ensureReferenceData } from '../db/reference.ts';

export type ImportOutcome =
  { ok: true; summary: ImportSummary; warnings: ImportIssue[] } | { ok: false; errors: ImportIssue[]; warnings: ImportIssue[] };

/**
 * Imports an official list (CSV bytes in the DESIGN.md format): the whole file is validated first;
 * with any error nothing is written. The CLI, the seed and the admin all come through here.
 */
export async function importCsv(
  database: Database,
  bytes: Uint8Array,
  options: { actor: Actor; dryRun?: boolean; currentYear?: number },
): Promise<ImportOutcome> {
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) return { ok: false, errors: [{ line: 1, column: null, reason: decoded.reason }], warnings: [] };
  await database.db.transaction(async (tx) => ensureReferenceData(tx));
  const provinces = await listProvinceUnits(database.db);
  const currentYear = options.currentYear ?? new Date().getFullYear();
  const { rows, errors, warnings } = validateImport(decoded.text, { provinces, currentYear });
  if (errors.length > 0) return { ok: false, errors, warnings };
  const summary = await applyImport(database.db, rows, { actor: options.actor, dryRun: options.dryRun ?? false });
  return { ok: true, summary, warnings };
}

/** The summary as the CLI prints it. */
export function describeImport(outcome: ImportOutcome): string[] {
  const lines = outcome.warnings.map((w) => `warning: ${formatIssue(w)}`);
  if (!outcome.ok) return [...outcome.errors.map(formatIssue), ...lines, `${outcome.errors.length} error(s): nothing was imported.`];
  const s = outcome.summary;
  const verb = s.dryRun ? 'would create' : 'created';
  return [
    ...lines,
    `${s.rows} row(s) read; ${verb} ${s.created.certifications} certification(s), ${s.created.products} product(s), ${s.created.establishments} establishment(s); ${s.updatedCertifications} updated; ${s.unchanged} unchanged.`,
    ...(s.dryRun ? ['Dry run: nothing was written.'] : []),
  ];
}
