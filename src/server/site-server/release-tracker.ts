/**
 * Which release answers: every request reads the `current` link (one readlink, no realpath unless the
 * target changed) and keeps the release it started with until it ends, so one response never mixes two
 * releases. A release neither current nor busy lets go of its cached files and its listeners.
 */
import { readlinkSync, realpathSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { basename, dirname, join, resolve } from 'node:path';
import { errorCode, errorText, newRelease, type Log, type Release } from './release.ts';

export interface TrackerHooks {
  /** A release became current (load what it needs early). */
  switched(release: Release): void;
  /** A release became current or busy again. */
  woke(release: Release): void;
  /** A release is neither current nor busy any more. */
  idle(release: Release): void;
}

/** Follows the `current` link of a releases folder. */
export class ReleaseTracker {
  private readonly link: string;
  private readonly releases = new Map<string, Release>();
  private seen: { target: string; release: Release } | null = null;
  private linkProblem = '';
  private readonly releasesDir: string;
  private readonly log: Log;
  private readonly hooks: TrackerHooks;

  constructor(releasesDir: string, log: Log, hooks: TrackerHooks) {
    this.releasesDir = releasesDir;
    this.log = log;
    this.hooks = hooks;
    this.link = join(releasesDir, 'current');
  }

  /** The release `current` names now; reads the link on every call, resolves it only when it changed. */
  current(): Release | null {
    let target: string;
    try {
      target = readlinkSync(this.link);
    } catch (error) {
      return this.noRelease(errorCode(error) === 'ENOENT' ? 'no current release' : `cannot read ${this.link}: ${errorText(error)}`);
    }
    if (this.seen?.target === target) return this.seen.release;
    let dir: string;
    try {
      dir = realpathSync(resolve(this.releasesDir, target));
    } catch (error) {
      return this.noRelease(`current points to ${target}, which cannot be resolved (${errorCode(error) || errorText(error)})`);
    }
    // Only a release folder of this directory, never a staging folder or anything outside it.
    if (dirname(dir) !== realpathSync(this.releasesDir) || basename(dir).startsWith('.'))
      return this.noRelease(`current points to ${target}, which is not a release folder of ${this.releasesDir}`);
    return this.switchTo(target, dir);
  }

  /** Whether a release is current or still answering a request. */
  isLive(release: Release): boolean {
    return release.inFlight > 0 || this.seen?.release === release;
  }

  /** Counts a request on its release until the response closes. */
  serve(release: Release, res: ServerResponse): void {
    release.inFlight++;
    this.hooks.woke(release);
    res.once('close', () => {
      release.inFlight--;
      this.settle(release);
    });
  }

  /** Lets a release go once it is neither current nor busy. */
  settle(release: Release): void {
    if (!this.isLive(release)) this.hooks.idle(release);
  }

  private switchTo(target: string, dir: string): Release {
    let release = this.releases.get(dir);
    if (!release) {
      release = newRelease(dir);
      this.releases.set(dir, release);
    }
    const previous = this.seen?.release;
    this.seen = { target, release };
    this.linkProblem = '';
    this.hooks.woke(release);
    if (previous && previous !== release) this.settle(previous);
    this.log(`site: serving release ${release.id}`);
    this.hooks.switched(release);
    return release;
  }

  private noRelease(problem: string): null {
    const previous = this.seen?.release;
    this.seen = null;
    if (previous) this.settle(previous);
    if (problem !== this.linkProblem) this.log(`site: ${problem}; answering 503`);
    this.linkProblem = problem;
    return null;
  }
}
