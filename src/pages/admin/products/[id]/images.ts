import type { APIRoute } from 'astro';
import { getDatabase, writeTransaction } from '#db/client.ts';
import {
  addProductImage,
  getProductForImages,
  moveProductImage,
  removeProductImage,
  setProductImageAlt,
  type ImageListChange,
} from '#db/queries/product-images.ts';
import { readProductImageForm, type ImageNotice } from '#domain/admin/product-image-form.ts';
import { MAX_UPLOAD_BYTES, MULTIPART_OVERHEAD_BYTES, UPLOAD_MESSAGES, UPLOAD_STATUS } from '#domain/images.ts';
import { imageJobs, ingestImage, readLimited } from '#server/images.ts';

export const prerender = false;

const BODY_LIMIT = MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD_BYTES;
const RETRY_AFTER_SECONDS = 15;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A refusal as a short page a person can read, with the way back (the form is on the product page). */
function problem(status: number, message: string, back: string, headers: Record<string, string> = {}): Response {
  const html = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>Không lưu được ảnh</title></head>
<body><main><h1>Không lưu được ảnh</h1><p>${escapeHtml(message)}</p>
<p><a href="${escapeHtml(back)}">← Quay lại / Back</a></p></main></body></html>`;
  return new Response(html, { status, headers: { 'Content-Type': 'text/html; charset=utf-8', ...headers } });
}

const seeOther = (location: string) => new Response(null, { status: 303, headers: { Location: location } });

/**
 * A product's photos (R13–R17): add one, change its alt text, move it, remove it. The body is read with
 * its limit enforced while it streams, then parsed as multipart; bad input changes nothing and gets a
 * 4xx page; a change goes back to the product page (`?image=<notice>#images`).
 */
export const POST: APIRoute = async ({ params, request, locals, rewrite }) => {
  const productId = Number(params['id']);
  const database = await getDatabase();
  const product = Number.isSafeInteger(productId) && productId > 0 ? await getProductForImages(database.db, productId) : null;
  if (!product) return problem(404, 'Không tìm thấy sản phẩm. / Product not found.', '/admin/products/');
  const back = `/admin/products/${productId}/#images`;
  const done = (notice: ImageNotice) => seeOther(`/admin/products/${productId}/?image=${notice}#images`);

  // Refuse before reading what cannot be accepted: a declared size over the limit, or an upload when
  // the image queue is full (small posts such as "move up" still pass).
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > BODY_LIMIT) return problem(413, UPLOAD_MESSAGES['too-large'], back);
  if (imageJobs.isFull && !(declared <= MULTIPART_OVERHEAD_BYTES))
    return problem(503, UPLOAD_MESSAGES.busy, back, { 'Retry-After': String(RETRY_AFTER_SECONDS) });

  let form: FormData;
  try {
    const body = await readLimited(request.body, BODY_LIMIT);
    if (!body.ok) return problem(413, UPLOAD_MESSAGES['too-large'], back);
    form = await new Response(body.bytes, { headers: { 'Content-Type': request.headers.get('content-type') ?? '' } }).formData();
  } catch {
    return problem(400, 'Dữ liệu gửi lên không đọc được. / The form could not be read.', back);
  }

  const fields: Record<string, string> = {};
  const files = new Map<string, File>();
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string') fields[name] = value;
    else files.set(name, value);
  }
  const read = readProductImageForm(fields);
  if (!read.ok)
    return fields['op'] === 'add'
      ? backToForm(400, Object.values(read.errors).join(' '))
      : problem(400, Object.values(read.errors).join(' '), back);
  const op = read.value;
  if ([...files.keys()].some((name) => name !== 'file' || op.op !== 'add'))
    return problem(400, 'Trường tệp không được phép ở đây. / Unexpected file field.', back);

  const actor = { userId: locals.user!.id };
  if (op.op === 'add') {
    const file = files.get('file');
    if (!file || file.size === 0) return backToForm(UPLOAD_STATUS.empty, UPLOAD_MESSAGES.empty);
    if (file.size > MAX_UPLOAD_BYTES) return backToForm(413, UPLOAD_MESSAGES['too-large']);
    const alt = { altVi: op.altVi, altEn: op.altEn };
    const stored = await ingestImage(database, new Uint8Array(await file.arrayBuffer()), (tx, image) =>
      addProductImage(tx, actor, productId, image.id, alt),
    );
    if (!stored.ok)
      return backToForm(stored.status, stored.message, stored.status === 503 ? { 'Retry-After': String(RETRY_AFTER_SECONDS) } : {});
    return outcome(stored.attached, 'added');
  }

  const result = await writeTransaction(database, (tx) => {
    if (op.op === 'alt') return setProductImageAlt(tx, actor, productId, op.imageId, { altVi: op.altVi, altEn: op.altEn });
    if (op.op === 'remove') return removeProductImage(tx, actor, productId, op.imageId);
    return moveProductImage(tx, actor, productId, op.imageId, op.op);
  });
  return outcome(result, op.op === 'alt' ? 'alt' : op.op === 'remove' ? 'removed' : 'moved');

  /**
   * A refused upload (#20.4): the product page again, styled as every admin page, its upload form holding
   * what was typed and the reason beside it, with the refusal's status. The file itself cannot be kept
   * (no browser lets a page choose a file), so the message asks for it again.
   */
  async function backToForm(status: number, message: string, headers: Record<string, string> = {}): Promise<Response> {
    locals.imageProblem = { message, altVi: fields['altVi'] ?? '', altEn: fields['altEn'] ?? '' };
    const page = await rewrite(
      new Request(new URL(`/admin/products/${productId}/`, request.url), {
        method: 'GET',
        headers: { cookie: request.headers.get('cookie') ?? '' },
      }),
    );
    const merged = new Headers(page.headers);
    for (const [name, value] of Object.entries(headers)) merged.set(name, value);
    return new Response(page.body, { status, headers: merged });
  }

  function outcome(result: ImageListChange, notice: ImageNotice): Response {
    if (result.ok) return done(result.changed ? notice : 'unchanged');
    if (result.reason === 'already-attached') return done('exists');
    return problem(404, 'Ảnh không có trong sản phẩm này. / The photo is not on this product.', back);
  }
};
