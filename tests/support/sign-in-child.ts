/**
 * Sign-in attempts in a process of their own, for the test that the throttle survives a restart (#17.1):
 * DATABASE_URL names the database, ATTEMPTS a JSON list of { email, password, ip, deviceCookie? }; prints
 * one JSON line per attempt with its outcome (never the token).
 */
import { openDatabase } from '#db/client.ts';
import { signIn } from '#server/auth.ts';

const database = await openDatabase({ url: process.env['DATABASE_URL']! });
const attempts = JSON.parse(process.env['ATTEMPTS']!) as { email: string; password: string; ip: string; deviceCookie?: string }[];
for (const attempt of attempts) {
  const result = await signIn(database, { ...attempt, userAgent: 'child' });
  process.stdout.write(`${JSON.stringify(result.ok ? { ok: true } : result)}\n`);
}
database.close();
