/**
 * A publish in a process of its own, for the tests that kill it (R29, R32): publishes DATABASE_URL into
 * RELEASES_DIR with the slow stand-in build, printing `start <step>` / `done <step>` lines as it goes.
 */
import { openDatabase } from '#db/client.ts';
import { publish } from '#server/publish.ts';
import { fakeBuild } from './fake-build.ts';

const database = await openDatabase({ url: process.env['DATABASE_URL']! });
const result = await publish(database, {
  releasesDir: process.env['RELEASES_DIR']!,
  actor: { label: 'child', name: 'killed publish' },
  build: fakeBuild({ pauseEvery: 5, pauseMs: Number(process.env['PAUSE_MS'] || 5) }),
  onStep: (step, state) => process.stdout.write(`${state} ${step}\n`),
});
process.stdout.write(`${result.ok ? 'published' : 'failed'}\n`);
database.close();
