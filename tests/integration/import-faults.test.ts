/**
 * An import killed with SIGKILL (R20, R29): a child process imports a generated list of a few thousand
 * rows (new certifications, and updates of ones already registered) into an embedded database file, and
 * is killed at random moments spread over the import. Each time the file passes `integrity_check` and holds
 * the data of before the import or of after it, never a mixture: the same counts in every table the
 * import writes, the same certifications and products, and after it, the import's audit entry.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '#db/client.ts';
import { importList } from '#server/importer.ts';
import { ROOT, TEMPLATE_DB, TMP } from '../support/paths.ts';
import { listCsv, syntheticList } from '../support/synthetic.ts';

/** Rows in the list: enough that writing them takes a while, few enough for a dozen runs in a minute. */
const ROWS = 3000;
/** Of which the first ones are registered before, with another decision number: the import updates them. */
const REGISTERED = 300;
const MIN_KILLS = 12;
/** Kills that must land while the import's transaction is open (between its BEGIN and its COMMIT's end). */
const MIN_KILLS_WRITING = 5;
const MAX_KILLS = 30;

const TABLES = ['certifications', 'products', 'product_set_items', 'establishments', 'organisations', 'organisation_names', 'audit_log'];

let dir: string;
let listFile: string;

/** What an import may change, read from a database file: counts, the records' contents, the import's audit entry. */
async function stateOf(path: string): Promise<{ integrity: string; state: unknown }> {
  const database = await openDatabase({ url: `file:${path}` });
  try {
    const integrity = (await database.client.execute('PRAGMA integrity_check')).rows[0]![0] as string;
    const counts: Record<string, number> = {};
    for (const table of TABLES) counts[table] = Number((await database.client.execute(`SELECT count(*) FROM ${table}`)).rows[0]![0]);
    const digest = async (sql: string) =>
      createHash('sha256')
        .update(JSON.stringify((await database.client.execute(sql)).rows))
        .digest('hex');
    const state = {
      counts,
      certifications: await digest(
        'SELECT id, product_id, registry_code, import_key, decision_no, score, source_url, version FROM certifications ORDER BY id',
      ),
      products: await digest('SELECT id, slug, group_id, establishment_id, version FROM products ORDER BY id'),
      establishments: await digest('SELECT id, slug, province_id FROM establishments ORDER BY id'),
      imported: Number(
        (await database.client.execute("SELECT count(*) FROM audit_log WHERE action = 'import' AND actor_label = 'import:child'"))
          .rows[0]![0],
      ),
    };
    return { integrity, state };
  } finally {
    database.close();
  }
}

/** A fresh copy of the registry as it was before the import. */
function freshCopy(name: string): string {
  const path = join(dir, name);
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  copyFileSync(join(dir, 'before.db'), path);
  return path;
}

/** Starts tests/support/import-child.ts on `path`; `marks` are its lines with when the parent read them (ms after start). */
function importInChild(path: string) {
  const child = spawn(process.execPath, [join(ROOT, 'tests/support/import-child.ts')], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: `file:${path}`, LIST_FILE: listFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const started = performance.now();
  const marks: { line: string; at: number }[] = [];
  let pending = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split('\n');
    pending = lines.pop()!;
    for (const line of lines) marks.push({ line, at: performance.now() - started });
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // 'close' comes after the pipes are drained: every line printed before the kill has been read.
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const at = (line: string) => marks.find((m) => m.line === line)?.at;
  return {
    child,
    closed,
    marks,
    at,
    stderr: () => stderr,
    async ready() {
      while (at('ready') === undefined) {
        if (child.exitCode !== null || child.signalCode !== null) throw new Error(`child ended before "ready": ${stderr}`);
        await sleep(2);
      }
      return at('ready')!;
    },
  };
}

/** Where the import was when it died, from its last line: before its transaction, inside it, committing, or done. */
function phaseOf(lines: readonly string[]): 'starting' | 'validating' | 'writing' | 'committing' | 'committed' {
  if (lines.includes('committed 2')) return 'committed';
  if (lines.includes('commit 2')) return 'committing';
  if (lines.includes('begin 2')) return 'writing';
  return lines.includes('ready') ? 'validating' : 'starting';
}

// R20 is about the embedded database file: on sqld the server holds the transaction and a killed client only
// drops its stream, which the server rolls back on its own schedule.
describe.skipIf(process.env['TEST_DATABASE'] === 'sqld')('an import killed with SIGKILL (R20)', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(TMP, 'import-faults-'));
    const rows = syntheticList(ROWS, 20);
    listFile = join(dir, 'list.csv');
    writeFileSync(listFile, listCsv(rows));
    // The registry before: the real seed and part of the list as an earlier round published it.
    copyFileSync(TEMPLATE_DB, join(dir, 'before.db'));
    const database = await openDatabase({ url: `file:${join(dir, 'before.db')}` });
    const seed = await importList(database, readFileSync(join(ROOT, 'db/seed/certified-products.csv')), { actor: { label: 'seed' } });
    const earlier = rows.slice(0, REGISTERED).map((r) => r.map((cell, i) => (i === 6 ? `${i}/QĐ-CŨ` : i === 3 ? '' : cell)));
    const registered = await importList(database, listCsv(earlier), { actor: { label: 'seed' }, currentYear: 2026 });
    if (!seed.ok || !registered.ok) throw new Error('the registry before the import could not be set up');
    await database.client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
    database.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('at a dozen moments spread over it leaves the data all before or all after, and the file sound', { timeout: 120_000 }, async () => {
    const before = await stateOf(freshCopy('check.db'));
    expect(before.integrity).toBe('ok');

    // One import to the end: the state after, and when (after "ready") its transaction begins and commits.
    const full = importInChild(freshCopy('full.db'));
    const ready = await full.ready();
    await full.closed;
    expect(
      full.marks.map((m) => m.line),
      full.stderr(),
    ).toContain('imported');
    const after = await stateOf(join(dir, 'full.db'));
    expect(after.integrity).toBe('ok');
    expect(after.state).not.toEqual(before.state);
    const begins = full.at('begin 2')! - ready;
    const ends = full.at('committed 2')! - ready;

    // Kills from a little before the import's transaction to just after its commit, in strata so they
    // spread over all of it; more while too few have landed inside the transaction.
    const seen: string[] = [];
    let recovering: string | null = null;
    for (let kill = 0; kill < MAX_KILLS; kill++) {
      const writing = seen.filter((p) => p === 'writing' || p === 'committing').length;
      if (kill >= MIN_KILLS && writing >= MIN_KILLS_WRITING) break;
      const from = begins * 0.7;
      const to = ends * 1.1;
      const delay = from + ((kill % MIN_KILLS) + Math.random()) * ((to - from) / MIN_KILLS);
      const path = freshCopy(`kill-${kill}.db`);
      const run = importInChild(path);
      await run.ready();
      await sleep(delay);
      run.child.kill('SIGKILL');
      await run.closed;
      const phase = phaseOf(run.marks.map((m) => m.line));
      seen.push(phase);

      const found = await stateOf(path);
      expect(found.integrity, `kill ${kill} (${phase})`).toBe('ok');
      expect([before.state, after.state], `kill ${kill} (${phase})`).toContainEqual(found.state);
      // What the child printed bounds the outcome: before its COMMIT began nothing is there; once it ended, all of it.
      if (phase === 'committed') expect(found.state, `kill ${kill}`).toEqual(after.state);
      else if (phase !== 'committing') expect(found.state, `kill ${kill} (${phase})`).toEqual(before.state);
      if (recovering === null && JSON.stringify(found.state) === JSON.stringify(before.state)) recovering = path;
      else for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    }
    const writing = seen.filter((p) => p === 'writing' || p === 'committing').length;
    expect(seen.length).toBeGreaterThanOrEqual(MIN_KILLS);
    expect(writing, `phases of the kills: ${seen.join(', ')}`).toBeGreaterThanOrEqual(MIN_KILLS_WRITING);

    // The dead import left nothing in the way: the same import, run again on what it left, completes.
    const database = await openDatabase({ url: `file:${recovering!}` });
    try {
      const outcome = await importList(database, readFileSync(listFile), { actor: { label: 'import:child' }, currentYear: 2026 });
      expect(outcome.ok).toBe(true);
    } finally {
      database.close();
    }
    expect(await stateOf(recovering!)).toEqual(after);
  });
});
