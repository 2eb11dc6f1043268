/**
 * What `npm start` does with the releases (#17.10, decision 021): no downtime after a restart. When a release is
 * there but older than the sources or the data, the server starts on it at once and the new release is published
 * in the background (the admin's releases page shows its progress, as for its own Publish button); the server
 * follows `current`, so visitors get the new release when it is switched on. Only a fresh clone, with no release
 * at all, publishes before serving: there is nothing to serve yet (the admin itself lives in a release).
 */
import type { Database } from '#db/client.ts';
import { buildStamp } from './build.ts';
import { publish, type BuildFunction, type PublishResult } from './publish.ts';
import { startPublish, untilFinished } from './publish-runner.ts';
import { currentReleaseId, readRelease } from './releases.ts';

export type StartPlan = 'up to date' | 'first release' | 'background';

export interface StartUpOptions {
  releasesDir: string;
  /** One line per event (console.log by default). */
  log?: (line: string) => void;
  /** Replaces the Astro build (tests). */
  build?: BuildFunction;
}

export interface StartUp {
  plan: StartPlan;
  /**
   * Starts the background publish once the server is serving (plan 'background'); resolves with its result when
   * it has ended, or null when it could not start (another publish holds the lock).
   */
  afterServing(): Promise<PublishResult | null>;
}

const ACTOR = { label: 'start', name: 'npm start' };

const why = (result: Exclude<PublishResult, { ok: true }>) =>
  result.reason === 'busy' ? `another publish is running (${result.holder.who})` : `${result.step}: ${result.log.join('\n')}`;

/**
 * Decides what to publish before and after the server starts; publishes the first release itself (throws when that
 * fails: there would be nothing to serve).
 */
export async function prepareReleases(database: Database, options: StartUpOptions): Promise<StartUp> {
  const log = options.log ?? console.log;
  const dir = options.releasesDir;
  const build = options.build ? { build: options.build } : {};
  const stamp = await buildStamp(database);
  const current = currentReleaseId(dir);
  if (current && readRelease(dir, current)?.stamp === stamp) {
    log(`release ${current} in ${dir} is up to date`);
    return { plan: 'up to date', afterServing: () => Promise.resolve(null) };
  }
  if (!current) {
    log(`publishing the first release into ${dir} …`);
    const result = await publish(database, {
      releasesDir: dir,
      actor: ACTOR,
      ...build,
      onStep: (step, state, detail) => state === 'done' && log(`  ${step} ok${detail ? ` — ${detail}` : ''}`),
    });
    if (!result.ok) throw new Error(`could not publish the first release — ${why(result)}`);
    log(`published ${result.release.id}`);
    return { plan: 'first release', afterServing: () => Promise.resolve(null) };
  }
  return {
    plan: 'background',
    async afterServing() {
      const started = startPublish(database, { releasesDir: dir, actor: ACTOR, ...build });
      if (!started.ok) {
        log(`serving ${current}; not publishing now: another publish is running (${started.holder.who})`);
        return null;
      }
      log(`serving ${current} while a new release is published in the background (sources or data changed)`);
      await untilFinished(started.run);
      const result = started.run.result!;
      if (result.ok) log(`published ${result.release.id}: now serving it`);
      else log(`could not publish a new release — ${why(result)}; still serving ${current}`);
      return result;
    },
  };
}
