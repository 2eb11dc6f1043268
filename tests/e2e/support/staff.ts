import type { BrowserContext, Page } from '@playwright/test';
import { openDatabase } from '#db/client.ts';
import { SESSION_COOKIE, signIn } from '#server/auth.ts';
import { STAFF_EMAIL, STAFF_PASSWORD, STAFF_SITE, type Site, type StaffRole } from './sites.ts';

/**
 * Opens a staff session the way the sign-in form does (the same signIn: password check, throttle, session row),
 * but straight against the site's database, and hands its cookie to the browser context: a story about editing
 * need not type a password first (the sign-in form has stories of its own in admin.spec.ts). Each call is a new
 * session, so a story that signs out or changes a password touches no other story.
 */
export async function staffSessionCookie(role: StaffRole, site: Site = STAFF_SITE) {
  const database = await openDatabase({ url: site.databaseUrl });
  try {
    const result = await signIn(database, {
      email: STAFF_EMAIL[role],
      password: STAFF_PASSWORD,
      ip: '127.0.0.1',
      userAgent: 'e2e staff helper',
    });
    if (!result.ok) throw new Error(`could not open a session for ${role}: ${result.reason}`);
    return {
      name: SESSION_COOKIE,
      value: result.token,
      domain: '127.0.0.1',
      path: '/admin',
      httpOnly: true,
      secure: false,
      sameSite: 'Strict' as const,
      expires: Math.floor(result.expiresAt.getTime() / 1000),
    };
  } finally {
    database.close();
  }
}

/** Signs the page's (or context's) browser in as the role on the site: a session cookie, no form. */
export async function signInAs(target: Page | BrowserContext, role: StaffRole, site: Site = STAFF_SITE): Promise<void> {
  const context = 'context' in target ? target.context() : target;
  await context.addCookies([await staffSessionCookie(role, site)]);
}
