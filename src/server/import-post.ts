/**
 * What a staff member's POST to an import preview (/admin/import/<token>/) does: choose the column
 * mapping (`op=map`) or commit the rows (`op=commit`, mode `all` or `valid`). The page renders the answer.
 */
import type { Database } from '#db/client.ts';
import type { ImportIssue } from '#domain/import/columns.ts';
import { readMappingForm } from '#domain/import/mapping.ts';
import { postedForm } from './admin-pages.ts';
import { chooseColumns, commitStaged, previewStaged } from './admin-import.ts';
import type { StagedImport } from './import-staging.ts';

/** Where the page goes after a POST: back to itself (303), to its 404, or shown again with what went wrong. */
export type ImportPostAnswer =
  | { kind: 'see-preview' }
  | { kind: 'not-found' }
  | { kind: 'refused'; status: 400 | 409 | 422; error: string | null; commitErrors: ImportIssue[]; mappingErrors: string[] };

const refused = (
  status: 400 | 409 | 422,
  error: string | null,
  more: Partial<{ commitErrors: ImportIssue[]; mappingErrors: string[] }> = {},
) => ({ kind: 'refused', status, error, commitErrors: more.commitErrors ?? [], mappingErrors: more.mappingErrors ?? [] }) as const;

/** Answers a POST to a staged import's preview for the staff member who staged it. */
export async function answerImportPost(
  database: Database,
  staged: StagedImport,
  request: Request,
  userId: number,
): Promise<ImportPostAnswer> {
  const form = await postedForm(request);
  const op = form?.get('op');
  const text = (name: string) => {
    const value = form?.get(name);
    return typeof value === 'string' ? value : null;
  };
  // A commit sent again (a second click, a resubmitted page) sees the first one's outcome (#17.8).
  if (staged.result && op === 'commit') return { kind: 'see-preview' };
  if (staged.result) return refused(409, 'Danh sách này đã được nhập.');
  if (op === 'map') {
    const current = await previewStaged(database, staged);
    if (!current) return { kind: 'not-found' };
    const read = readMappingForm(text, current.preview.header.length);
    if (!read.ok) return refused(400, null, { mappingErrors: read.errors });
    await chooseColumns(database, staged, current.preview.header, read.columns, userId);
    return { kind: 'see-preview' };
  }
  const mode = text('mode');
  if (op === 'commit' && (mode === 'all' || mode === 'valid')) {
    const outcome = await commitStaged(database, staged, { mode, actor: { userId } });
    if (outcome.ok) return { kind: 'see-preview' };
    return refused(422, outcome.message, { commitErrors: outcome.errors });
  }
  return refused(400, 'Yêu cầu không hợp lệ.');
}
