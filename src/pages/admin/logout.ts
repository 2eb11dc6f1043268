import type { APIRoute } from 'astro';
import { getDatabase } from '#db/client.ts';
import { SESSION_COOKIE, signOut } from '#server/auth.ts';

export const prerender = false;

/** Ends the session (R09) and returns to the sign-in form. POST only: no GET changes anything (R10). */
export const POST: APIRoute = async ({ cookies, redirect }) => {
  await signOut(await getDatabase(), cookies.get(SESSION_COOKIE)?.value);
  cookies.delete(SESSION_COOKIE, { path: '/admin' });
  return redirect('/admin/login/', 303);
};
