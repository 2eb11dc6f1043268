/**
 * #17.8: a staged import committed several times at once runs once. The other commits get the first's
 * outcome: no second backup, no second audit row, no second set of rows, and not an error.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, certifications, users } from '#db/schema/index.ts';
import { commitStaged, type CommitOutcome } from '#server/admin-import.ts';
import { backupsDirOf } from '#server/backup.ts';
import { loadStaged, stageImport, type StagedImport } from '#server/import-staging.ts';
import { ROOT, TMP } from '../support/paths.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const csv = (lines: string[]) => new TextEncoder().encode(`${lines.join('\n')}\n`);
const HEADER = 'product_name,producer,province,level,year';
let database: TestDatabase;
let userId: number;
let uploads: string;
let listNumber = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  uploads = mkdtempSync(join(TMP, 'commit-once-'));
  process.env['UPLOADS_DIR'] = uploads;
  [{ id: userId }] = (await database.db
    .insert(users)
    .values({ email: 'mot-lan@example.vn', passwordHash: 'x', role: 'editor' })
    .returning({ id: users.id })) as [{ id: number }];
});
afterAll(async () => {
  await database.dispose();
  rmSync(uploads, { recursive: true, force: true });
  delete process.env['UPLOADS_DIR'];
});

/** A new list of three rows no earlier list has, staged; returns it and the number of rows. */
async function stageList(): Promise<{ staged: StagedImport; rows: number }> {
  const n = ++listNumber;
  const rows = [
    `Chè Shan tuyết lô ${n},HTX Suối Giàng ${n},Yên Bái,provincial,2024`,
    `Nón lá Chuông lô ${n},Làng nghề Chuông ${n},Hà Nội,provincial,2024`,
    `Nước mắm Cửa Hội lô ${n},Cơ sở Hải Long ${n},Nghệ An,provincial,2024`,
  ];
  return { staged: await stageImport(csv([HEADER, ...rows]), { userId, name: `lo-${n}.csv` }), rows: rows.length };
}

const certificationCount = async () => (await database.db.select({ n: count() }).from(certifications))[0]!.n;
const importAudits = async () => (await database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'import')))[0]!.n;
const backups = () => {
  const dir = backupsDirOf(database.url);
  return dir && existsSync(dir) ? readdirSync(dir).length : 0;
};

/** What must be true after one list was committed exactly once, whatever the commits answered. */
async function expectCommittedOnce(
  outcomes: CommitOutcome[],
  before: { certifications: number; audits: number; backups: number },
  rows: number,
) {
  for (const outcome of outcomes) expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
  const results = outcomes.map((o) => (o.ok ? o.result : null));
  for (const result of results) expect(result).toEqual(results[0]);
  expect(results[0]).toMatchObject({ rows, created: { certifications: rows } });
  expect(await certificationCount()).toBe(before.certifications + rows);
  expect(await importAudits()).toBe(before.audits + 1);
  if (database.kind === 'file') expect(backups()).toBe(before.backups + 1);
}

const snapshot = async () => ({ certifications: await certificationCount(), audits: await importAudits(), backups: backups() });

describe('three commits of one staged list at once', () => {
  it('in one server process: one import, one backup, one audit row, and all three answered with its outcome', async () => {
    const { staged, rows } = await stageList();
    const before = await snapshot();
    // As three requests would: each loaded the list before any commit began.
    const loaded = await Promise.all([1, 2, 3].map(() => loadStaged(staged.token, userId)));
    const outcomes = await Promise.all(loaded.map((s) => commitStaged(database, s!, { mode: 'valid', actor: { userId } })));
    await expectCommittedOnce(outcomes, before, rows);
    expect((await loadStaged(staged.token, userId))?.result).toEqual(outcomes[0]!.ok && outcomes[0]!.result);
  });

  it('in three processes: the claim lets one commit and the others wait for its outcome', async () => {
    const { staged, rows } = await stageList();
    const before = await snapshot();
    const children = [1, 2, 3].map(() =>
      spawn(process.execPath, [join(ROOT, 'tests/support/commit-child.ts')], {
        env: { ...process.env, DATABASE_URL: database.url, UPLOADS_DIR: uploads, TOKEN: staged.token, USER_ID: String(userId) },
        stdio: ['pipe', 'pipe', 'inherit'],
      }),
    );
    const lines = children.map((child) => {
      let out = '';
      child.stdout.setEncoding('utf8');
      const ready = new Promise<void>((resolve) =>
        child.stdout.on('data', (chunk: string) => {
          out += chunk;
          if (out.startsWith('ready\n')) resolve();
        }),
      );
      const done = new Promise<string>((resolve, reject) =>
        child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`child exited ${code}: ${out}`)))),
      );
      return { ready, done };
    });
    await Promise.all(lines.map((l) => l.ready));
    for (const child of children) child.stdin.end('go\n');
    const outputs = await Promise.all(lines.map((l) => l.done));
    const outcomes = outputs.map((out) => JSON.parse(out.split('\n')[1]!) as CommitOutcome);
    await expectCommittedOnce(outcomes, before, rows);
  }, 180_000);

  it('a commit sent after the first finished gets the same outcome and writes nothing', async () => {
    const { staged, rows } = await stageList();
    const before = await snapshot();
    const first = await commitStaged(database, staged, { mode: 'valid', actor: { userId } });
    const again = await commitStaged(database, (await loadStaged(staged.token, userId))!, { mode: 'all', actor: { userId } });
    const stale = await commitStaged(database, staged, { mode: 'valid', actor: { userId } });
    await expectCommittedOnce([first, again, stale], before, rows);
  });
});

describe('the commit claim', () => {
  it('is taken over from a process that died holding it, and the list is committed', async () => {
    const { staged, rows } = await stageList();
    const before = await snapshot();
    const dead = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => dead.on('close', resolve));
    const claim = { owner: 'ended-process', pid: dead.pid, host: (await import('node:os')).hostname(), at: new Date().toISOString() };
    writeFileSync(join(uploads, 'imports', `${staged.token}.claim`), JSON.stringify(claim));
    const outcome = await commitStaged(database, staged, { mode: 'valid', actor: { userId } });
    await expectCommittedOnce([outcome], before, rows);
    expect(existsSync(join(uploads, 'imports', `${staged.token}.claim`))).toBe(false);
  });

  it('is let go after a commit that wrote nothing, so the list can be committed the other way', async () => {
    const n = ++listNumber;
    const staged = await stageImport(
      csv([HEADER, `Miến dong lô ${n},HTX Bình Liêu ${n},Quảng Ninh,provincial,2024`, `,Không tên ${n},Nghệ An,provincial,2024`]),
      {
        userId,
        name: `loi-${n}.csv`,
      },
    );
    const before = await snapshot();
    const refused = await Promise.all([1, 2].map(() => commitStaged(database, staged, { mode: 'all', actor: { userId } })));
    for (const outcome of refused) expect(outcome.ok).toBe(false);
    expect(await snapshot()).toEqual(before);
    expect(existsSync(join(uploads, 'imports', `${staged.token}.claim`))).toBe(false);
    await expectCommittedOnce([await commitStaged(database, staged, { mode: 'valid', actor: { userId } })], before, 1);
  });
});
