/**
 * Decisions' PDFs on disk (issue #16): checked by content (src/domain/pdf-check.ts), stored by SHA-256 as
 * `<UPLOADS_DIR>/documents/<sha256>.pdf`, outside the web root, the file written (atomically, durably)
 * before the row that names it and removed only after no row names it any more; served with headers
 * under which a PDF can run nothing (src/domain/decision-document.ts).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Actor } from '#db/audit.ts';
import { writeTransaction, type Database } from '#db/client.ts';
import { isDocumentReferenced, setDecisionDocument, type DocumentChange } from '#db/queries/admin/decision-document.ts';
import { DOCUMENT_FILE, documentHeaders } from '#domain/decision-document.ts';
import { checkPdf, PDF_MESSAGES, PDF_STATUS, type PdfRefusal } from '#domain/pdf-check.ts';
import { syncDir, uploadsDir, writeAtomically } from './images.ts';
import { processWide } from '#db/process-wide.ts';

/** Where documents are stored: a folder of the uploads directory, read per call like uploadsDir(). */
export function documentsDir(): string {
  return join(uploadsDir(), 'documents');
}

/** Hashes an upload of this process is storing: a removal running meanwhile leaves their files alone. */
const inFlight = processWide('documentsInFlight', () => new Map<string, number>());

export type StoreResult =
  | { ok: true; hash: string; change: DocumentChange }
  | { ok: false; status: 413 | 415 | 422; reason: PdfRefusal; message: string; detail?: string };

/**
 * Checks an uploaded PDF and makes it the decision's document if the decision is still at `version`.
 * A refused file writes nothing. The same content uploaded twice is stored once.
 */
export async function storeDecisionDocument(
  database: Pick<Database, 'client' | 'db'>,
  input: { decisionId: number; version: number; bytes: Uint8Array; name: string; actor: Actor },
): Promise<StoreResult> {
  const check = checkPdf(input.bytes);
  if (!check.ok)
    return {
      ok: false,
      status: PDF_STATUS[check.reason],
      reason: check.reason,
      message: PDF_MESSAGES[check.reason].vi,
      ...(check.detail ? { detail: check.detail } : {}),
    };
  const hash = createHash('sha256').update(input.bytes).digest('hex');
  const dir = documentsDir();
  const file = `${hash}.pdf`;
  inFlight.set(hash, (inFlight.get(hash) ?? 0) + 1);
  try {
    await mkdir(dir, { recursive: true });
    const present = await stat(join(dir, file)).then(
      (s) => s.size === input.bytes.length,
      () => false,
    );
    if (!present) {
      const temps = new Set<string>();
      try {
        await writeAtomically(dir, file, input.bytes, temps);
      } finally {
        await Promise.all([...temps].map((t) => rm(t, { force: true })));
      }
      await syncDir(dir);
    }
    const change = await writeTransaction(database, (tx) =>
      setDecisionDocument(tx, input.actor, input.decisionId, input.version, { hash, name: input.name, bytes: input.bytes.length }),
    );
    if (change.ok && change.replaced) await removeUnreferenced(database, change.replaced);
    if (!change.ok) await removeUnreferenced(database, hash, 1);
    return { ok: true, hash, change };
  } finally {
    const n = (inFlight.get(hash) ?? 1) - 1;
    if (n > 0) inFlight.set(hash, n);
    else inFlight.delete(hash);
  }
}

/** Removes the decision's document (row first, then the file if nothing else names it). */
export async function removeDecisionDocument(
  database: Pick<Database, 'client' | 'db'>,
  input: { decisionId: number; version: number; actor: Actor },
): Promise<DocumentChange> {
  const change = await writeTransaction(database, (tx) => setDecisionDocument(tx, input.actor, input.decisionId, input.version, null));
  if (change.ok && change.replaced) await removeUnreferenced(database, change.replaced);
  return change;
}

/** Deletes a stored document no decision names and no other upload of this process is storing. */
async function removeUnreferenced(database: Pick<Database, 'db'>, hash: string, ownHolds = 0): Promise<void> {
  if ((inFlight.get(hash) ?? 0) > ownHolds) return;
  // If the database cannot answer, keep the file: a file too many is harmless, a missing one is not.
  const referenced = await isDocumentReferenced(database.db, hash).catch(() => true);
  if (!referenced) await rm(join(documentsDir(), `${hash}.pdf`), { force: true });
}

const notFound = () =>
  new Response('Không tìm thấy / Not found', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' },
  });

/**
 * A stored document as a response, streamed from disk, under `name`; 404 when the file is missing.
 * `cacheControl` overrides the public default (staff downloads are private). A matching If-None-Match
 * answers 304.
 */
export async function documentResponse(hash: string, name: string, request: Request, cacheControl?: string): Promise<Response> {
  if (!DOCUMENT_FILE.test(`${hash}.pdf`)) return notFound();
  const path = join(documentsDir(), `${hash}.pdf`);
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) return notFound();
  const headers = documentHeaders(name, hash, info.size);
  if (cacheControl) headers['Cache-Control'] = cacheControl;
  if (request.headers.get('if-none-match') === headers['ETag']) {
    const { 'Content-Length': _length, ...rest } = headers;
    void _length;
    return new Response(null, { status: 304, headers: rest });
  }
  if (request.method === 'HEAD') return new Response(null, { headers });
  return new Response(Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>, { headers });
}

export { notFound as documentNotFound };
