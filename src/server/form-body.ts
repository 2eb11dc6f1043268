/**
 * Reading a form's body (#17.2): every signed-in form and the anonymous sign-in read their body through
 * `readFormBody`, which stops at FORM_BODY_LIMIT while the body streams (a declared length over it is
 * refused without reading a byte). The middleware reads it once for every form route of the table and
 * answers 413 or 400 itself; pages then get the same FormData from `postedForm`. The site server holds
 * bodies to the same limit before Astro sees them (src/server/body-limit.ts), so there a 413 arrives
 * cleanly; this is the guard for every other way the app is run.
 */
import { FORM_BODY_LIMIT } from '#domain/auth.ts';
import { readLimited } from './body-limit.ts';

export type FormBody = { ok: true; form: FormData } | { ok: false; status: 400 | 413 };

/** Bodies already read for a request (by the middleware), so the page reads none twice. */
const read = new WeakMap<Request, FormBody>();

/** The request's form, read at most once and never past `limit` bytes; 413 when larger, 400 when unreadable. */
export async function readFormBody(request: Request, limit = FORM_BODY_LIMIT): Promise<FormBody> {
  const known = read.get(request);
  if (known) return known;
  const result = await readForm(request, limit);
  read.set(request, result);
  return result;
}

async function readForm(request: Request, limit: number): Promise<FormBody> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > limit) return { ok: false, status: 413 };
  try {
    const body = await readLimited(request.body, limit);
    if (!body.ok) return { ok: false, status: 413 };
    const form = await new Response(body.bytes, { headers: { 'Content-Type': request.headers.get('content-type') ?? '' } }).formData();
    return { ok: true, form };
  } catch {
    return { ok: false, status: 400 };
  }
}

/** The answer to a form body that was refused, in both languages (the admin's plain refusals are). */
export function refusedFormBody(status: 400 | 413): Response {
  const text =
    status === 413
      ? `Dữ liệu gửi lên quá lớn (tối đa ${FORM_BODY_LIMIT / 1024} KB) / The form data is too large (at most ${FORM_BODY_LIMIT / 1024} KB)`
      : 'Không đọc được dữ liệu gửi lên / The form data could not be read';
  // Close the connection: the rest of an oversized body is never read.
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' } });
}
