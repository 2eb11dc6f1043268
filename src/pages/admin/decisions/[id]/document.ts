import type { APIRoute } from 'astro';
import { getDatabase } from '#db/client.ts';
import { getDecisionDocument } from '#db/queries/admin/decision-document.ts';
import { readDecisionDocumentForm } from '#domain/admin/decision-document-form.ts';
import { safeDocumentName } from '#domain/decision-document.ts';
import { MULTIPART_OVERHEAD_BYTES } from '#domain/images.ts';
import { MAX_DOCUMENT_BYTES, PDF_MESSAGES, PDF_STATUS } from '#domain/pdf-check.ts';
import { recordId } from '#server/admin-pages.ts';
import { removeDecisionDocument, storeDecisionDocument } from '#server/documents.ts';
import { readLimited } from '#server/images.ts';
import { problemPage } from '#server/problem-page.ts';

export const prerender = false;

const BODY_LIMIT = MAX_DOCUMENT_BYTES + MULTIPART_OVERHEAD_BYTES;
const TITLE = 'Không lưu được văn bản';
const seeOther = (location: string) => new Response(null, { status: 303, headers: { Location: location } });
const CONFLICT =
  'Có người vừa sửa quyết định này; hãy tải lại trang rồi thử lại. / Someone changed this decision meanwhile; reload and try again.';

/**
 * A decision's PDF (issue #16): upload or replace it, or remove it. The body's limit is enforced while it
 * streams; the file is checked by content; a refusal changes nothing and gets a page that leads back; a
 * change goes back to the decision (`?document=<notice>#document`).
 */
export const POST: APIRoute = async ({ params, request, locals }) => {
  const id = recordId(params['id']);
  const database = await getDatabase();
  const decision = id === null ? null : await getDecisionDocument(database.db, id);
  if (!decision) return problemPage(404, TITLE, 'Không tìm thấy quyết định. / Decision not found.', '/admin/decisions/');
  const back = `/admin/decisions/${decision.id}/#document`;
  const tooLarge = () => problemPage(413, TITLE, PDF_MESSAGES['too-large'].vi, back);

  if (Number(request.headers.get('content-length') ?? NaN) > BODY_LIMIT) return tooLarge();
  let form: FormData;
  try {
    const body = await readLimited(request.body, BODY_LIMIT);
    if (!body.ok) return tooLarge();
    form = await new Response(body.bytes, { headers: { 'Content-Type': request.headers.get('content-type') ?? '' } }).formData();
  } catch {
    return problemPage(400, TITLE, 'Dữ liệu gửi lên không đọc được. / The form could not be read.', back);
  }
  const fields: Record<string, string> = {};
  const files = new Map<string, File>();
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string') fields[name] = value;
    else files.set(name, value);
  }
  const read = readDecisionDocumentForm(fields);
  if (!read.ok) return problemPage(400, TITLE, Object.values(read.errors).join(' '), back);
  const { op, version } = read.value;
  if ([...files.keys()].some((name) => name !== 'file' || op !== 'upload'))
    return problemPage(400, TITLE, 'Trường tệp không được phép ở đây. / Unexpected file field.', back);

  const actor = { userId: locals.user!.id };
  if (op === 'remove') {
    const change = await removeDecisionDocument(database, { decisionId: decision.id, version, actor });
    if (!change.ok)
      return change.reason === 'conflict' ? problemPage(409, TITLE, CONFLICT, back) : problemPage(404, TITLE, 'Not found', back);
    return seeOther(`/admin/decisions/${decision.id}/?document=${change.changed ? 'removed' : 'unchanged'}#document`);
  }

  const file = files.get('file');
  if (!file || file.size === 0) return problemPage(PDF_STATUS.empty, TITLE, PDF_MESSAGES.empty.vi, back);
  if (file.size > MAX_DOCUMENT_BYTES) return tooLarge();
  const name = safeDocumentName(file.name, decision.slug);
  const stored = await storeDecisionDocument(database, {
    decisionId: decision.id,
    version,
    bytes: new Uint8Array(await file.arrayBuffer()),
    name,
    actor,
  });
  if (!stored.ok) return problemPage(stored.status, TITLE, stored.detail ? `${stored.message} (${stored.detail})` : stored.message, back);
  if (!stored.change.ok)
    return stored.change.reason === 'conflict' ? problemPage(409, TITLE, CONFLICT, back) : problemPage(404, TITLE, 'Not found', back);
  return seeOther(`/admin/decisions/${decision.id}/?document=${stored.change.changed ? 'added' : 'unchanged'}#document`);
};
