/**
 * `npm run import` as an operator runs it (#17.12): a checked backup before any bulk write (R31), at most
 * 1,000 errors listed with a last line saying how many more (R18), files over 10 MB or 50,000 rows refused
 * with the reason (R19), and a disk that fills up under the import (R30) — a file-size limit (`ulimit -f`) on
 * the importing process, so the real write path meets EFBIG as it would ENOSPC, for every developer (no root,
 * no tmpfs). Each time: exit 1, the reason, nothing imported, `integrity_check` ok.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '#db/client.ts';
import { MAX_REPORTED_ERRORS } from '#domain/import/rows.ts';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '#server/importer.ts';
import { ROOT, TEMPLATE_DB } from '../support/paths.ts';
import { LIST_HEADER, listCsv, syntheticList } from '../support/synthetic.ts';
import { tempDirs } from '../support/temp-dirs.ts';

const dirs = tempDirs('import-cli-');

let dir: string;
let dbPath: string;
beforeEach(() => {
  dir = dirs.make();
  dbPath = join(dir, 'registry.db');
  copyFileSync(TEMPLATE_DB, dbPath);
});
afterAll(() => {
  dirs.removeAll();
});

/** Runs `npm run import -- FILE` on this test's database; `fileSizeKb` limits the size of any file it writes. */
function runImport(file: string, options: { fileSizeKb?: number; args?: string[] } = {}) {
  const command = [process.execPath, join(ROOT, 'src/cli/import.ts'), file, ...(options.args ?? [])];
  const [program, ...args] = options.fileSizeKb ? ['bash', '-c', `ulimit -f ${options.fileSizeKb} && exec "$0" "$@"`, ...command] : command;
  const run = spawnSync(program!, args, { cwd: ROOT, env: { ...process.env, DATABASE_URL: `file:${dbPath}` }, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, lines: run.stderr.trimEnd().split('\n') };
}

/** What an import changes, and whether the file is sound. */
async function stateOf(path = dbPath) {
  const database = await openDatabase({ url: `file:${path}` });
  try {
    const count = async (table: string) => Number((await database.client.execute(`SELECT count(*) FROM ${table}`)).rows[0]![0]);
    return {
      integrity: (await database.client.execute('PRAGMA integrity_check')).rows[0]![0],
      certifications: await count('certifications'),
      products: await count('products'),
      imports: Number((await database.client.execute("SELECT count(*) FROM audit_log WHERE action = 'import'")).rows[0]![0]),
    };
  } finally {
    database.close();
  }
}

const backups = () => {
  try {
    return readdirSync(join(dir, 'backups')).filter((n) => n.endsWith('.db'));
  } catch {
    return [];
  }
};

const writeList = (name: string, content: Buffer | string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

// Each test starts the command line once or twice (a Node process that migrates and imports): seconds each, more on a busy machine.
describe.skipIf(process.env['TEST_DATABASE'] === 'sqld')('npm run import', { timeout: 300_000 }, () => {
  it('takes a checked backup of the database as it was before writing (R31)', async () => {
    // A first import, so the backup of the second has something to hold.
    expect(runImport(writeList('first.csv', listCsv(syntheticList(40, 1)))).code).toBe(0);
    const before = await stateOf();
    const run = runImport(writeList('second.csv', listCsv(syntheticList(30, 2))));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^backup: .*before-import-.*\.db \(integrity ok\)$/m);
    const after = await stateOf();
    expect(after.certifications).toBeGreaterThan(before.certifications);
    // Two imports, two backups; the newest holds the data of before the second.
    expect(backups()).toHaveLength(2);
    const newest = backups().sort().at(-1)!;
    expect(await stateOf(join(dir, 'backups', newest))).toEqual(before);
  });

  it('imports nothing when the backup cannot be taken (R31)', async () => {
    writeFileSync(join(dir, 'backups'), 'a file where the backups folder should be');
    const before = await stateOf();
    const run = runImport(writeList('list.csv', listCsv(syntheticList(30))));
    expect(run.code).toBe(1);
    expect(run.lines.at(-1)).toMatch(/(EEXIST|ENOTDIR).*Nothing was imported\.$/);
    expect(await stateOf()).toEqual(before);
  });

  it('lists at most 1,000 errors and says on the next line how many more there are (R18)', async () => {
    const extra = 437;
    const rows = syntheticList(MAX_REPORTED_ERRORS + extra).map((row) => ['', ...row.slice(1)]);
    const before = await stateOf();
    const run = runImport(writeList('errors.csv', listCsv(rows)));
    expect(run.code).toBe(1);
    const listed = run.lines.filter((l) => /^line \d+/.test(l));
    expect(listed).toHaveLength(MAX_REPORTED_ERRORS);
    expect(listed[0]).toMatch(/^line 2, column product_name: product name is required/);
    expect(run.lines).toContain(`… and ${extra} more error(s) not listed (the first ${MAX_REPORTED_ERRORS} are shown).`);
    expect(run.lines.at(-1)).toBe(`${MAX_REPORTED_ERRORS + extra} error(s): nothing was imported.`);
    expect(await stateOf()).toEqual(before);
    expect(backups()).toEqual([]);
  });

  it(`refuses a CSV over ${MAX_IMPORT_BYTES / 1048576} MB before reading it, with the reason (R19)`, async () => {
    const row = `${'Chè Shan tuyết '.repeat(20)},Hợp tác xã,Hà Giang,1,3,2024,,,\n`;
    const big = `${LIST_HEADER.join(',')}\n${row.repeat(Math.ceil(MAX_IMPORT_BYTES / Buffer.byteLength(row)))}`;
    const path = writeList('big.csv', big);
    expect(statSync(path).size).toBeGreaterThan(MAX_IMPORT_BYTES);
    const before = await stateOf();
    const run = runImport(path);
    expect(run.code).toBe(1);
    expect(run.lines).toEqual([`${path}: the file is larger than 10 MB: split the list. Nothing was imported.`]);
    expect(await stateOf()).toEqual(before);
    expect(backups()).toEqual([]);
  });

  it(`refuses a CSV of more than ${MAX_IMPORT_ROWS.toLocaleString('en')} rows, with the reason (R19)`, async () => {
    const rows = MAX_IMPORT_ROWS + 1;
    const csv = `${LIST_HEADER.join(',')}\n${'Chè,HTX,Hà Giang,1,3,2024,,,\n'.repeat(rows)}`;
    expect(Buffer.byteLength(csv)).toBeLessThan(MAX_IMPORT_BYTES);
    const before = await stateOf();
    const run = runImport(writeList('rows.csv', csv));
    expect(run.code).toBe(1);
    expect(run.lines[0]).toBe(`line 1: the file has ${rows} rows; at most ${MAX_IMPORT_ROWS} are accepted: split the list`);
    expect(run.lines.at(-1)).toBe('1 error(s): nothing was imported.');
    expect(await stateOf()).toEqual(before);
  });

  it('on a disk that fills up mid-import writes nothing, says why, and leaves the file sound (R30)', async () => {
    const list = writeList('list.csv', listCsv(syntheticList(1500)));
    const before = await stateOf();
    // Room for the backup (the database as it is), not for what the import writes.
    const limitKb = Math.ceil(statSync(dbPath).size / 1024) + 256;
    const run = runImport(list, { fileSizeKb: limitKb });
    expect(run.code).toBe(1);
    expect(run.lines.at(-1)).toMatch(/^SQLITE_(FULL|IOERR)\w*: .*(disk|full).*\. Nothing was imported\.$/i);
    expect(await stateOf()).toEqual(before);
    expect(backups()).toHaveLength(1);
    // With room again, the same import goes through.
    const again = runImport(list);
    expect(again.code, again.stderr).toBe(0);
    const after = await stateOf();
    expect(after.integrity).toBe('ok');
    expect(after.certifications).toBe(before.certifications + 1500);
  });
});
