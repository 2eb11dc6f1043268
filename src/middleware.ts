/**
 * Admin access (R11, R22): every /admin request is matched against the route × role table in
 * src/domain/auth.ts; no row, no access (404). The session cookie gives the role; anonymous visitors are
 * sent to sign in (GET) or refused (other methods). Every admin response carries the security headers.
 * Public pages are static and pass straight through.
 */
import type { MiddlewareHandler } from 'astro';
import { getDatabase } from './db/client.ts';
import { adminRoute, bodyAccepted, isAllowed } from './domain/auth.ts';
import { currentUser, SESSION_COOKIE } from './server/auth.ts';
import { readFormBody, refusedFormBody } from './server/form-body.ts';
import { ADMIN_SCRIPT_SRC } from './server/island-csp.ts';
import { securityEvent } from './server/security-log.ts';

export const ADMIN_HEADERS: Record<string, string> = {
  // Styles are inlined by the build (one request per page), so style-src allows inline; scripts do not.
  // Scripts: the site's own files and, by hash, the two inline scripts Astro writes before a React island.
  'Content-Security-Policy': `default-src 'self'; ${ADMIN_SCRIPT_SRC}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'`,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'Cache-Control': 'no-store',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

export const onRequest: MiddlewareHandler = async (context, next) => {
  context.locals.user = null;
  const { pathname } = context.url;
  if (!/^\/admin(\/|$)/.test(pathname) || context.isPrerendered) return next();

  const route = adminRoute(context.request.method, pathname);
  const user = await currentUser(await getDatabase(), context.cookies.get(SESSION_COOKIE)?.value);
  context.locals.user = user;
  const role = user?.role ?? 'anonymous';
  let response: Response;
  let reachedPage = false;
  if (!route)
    response = new Response('Không tìm thấy / Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  else if (!isAllowed(route, role)) {
    if (role === 'anonymous' && route.method === 'GET')
      response = context.redirect(`/admin/login/?next=${encodeURIComponent(pathname)}`, 303);
    else
      response = new Response(role === 'anonymous' ? 'Cần đăng nhập / Sign in first' : 'Không có quyền / Forbidden', {
        status: role === 'anonymous' ? 401 : 403,
        headers: { 'Content-Type': 'text/plain; charset=utf-8' },
      });
  } else if (route.method === 'POST' && !bodyAccepted(route, context.request.headers.get('content-type')))
    response = new Response('Định dạng dữ liệu không được chấp nhận / Unsupported body type', {
      status: 415,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  else {
    // #17.2: every form's body is read here, under its limit, before the page runs; pages get it from postedForm.
    const body = route.method === 'POST' && route.body === 'form' ? await readFormBody(context.request) : null;
    if (body && !body.ok) response = refusedFormBody(body.status);
    else {
      reachedPage = true;
      response = await next();
    }
  }

  // R25: every refusal made here is a security event (the 303 to the sign-in form is not: sessions expire;
  // a page's own answers, such as a wrong password, log their own events).
  if (!reachedPage && [401, 403, 404, 413, 415].includes(response.status)) {
    let ip: string | undefined;
    try {
      ip = context.clientAddress;
    } catch {
      // No client address (an adapter without one): log without it.
    }
    securityEvent('access.denied', { userId: user?.id, ip, path: pathname, method: context.request.method, status: response.status });
  }

  const headers = new Headers(response.headers);
  // A response that sandboxes itself (a decision's PDF) keeps its stricter policy.
  const sandboxed = headers.get('Content-Security-Policy')?.includes('sandbox') ? headers.get('Content-Security-Policy') : null;
  for (const [name, value] of Object.entries(ADMIN_HEADERS)) headers.set(name, value);
  if (sandboxed) headers.set('Content-Security-Policy', sandboxed);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
};
