/**
 * Importing an official list at scale (issue #8): 10,000 synthetic valid rows (tests/support/synthetic.ts),
 * as CSV and as XLSX, into a fresh embedded database file and into a fresh sqld over HTTP (the peer, in
 * the same run). For each: the preview (previewImport, a dry run), the commit (importList, which reads and
 * validates the file again) and a second import of the same file (every row a duplicate), with the time
 * and the process's peak memory of each, medians of the runs. Target (the issue): preview + commit of
 * 10,000 rows ≤ 10 s. Never fails on speed.
 *
 * Memory: the embedded driver runs SQLite on the event loop, so a timer sampling process.memoryUsage()
 * never fires during an import into a file. The peak resident size is the kernel's high-water mark
 * (VmHWM, reset before each step through /proc/self/clear_refs), shown with its rise over the size at the
 * start of the step; the peak heap is the largest V8 reports before a collection during the step (garbage
 * included), the live heap the largest left after a full mark-compact one, if the step had one
 * (v8.GCProfiler); a 10 ms sampler adds what it sees (over HTTP the loop does turn). Native memory the
 * driver frees only when the event loop turns shows in the resident size, not in the heap. sqld's own
 * memory is its process's and not counted.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { GCProfiler } from 'node:v8';
import { importList, previewImport } from '#server/importer.ts';
import { createTestDatabase } from '../support/test-database.ts';
import { listCsv, listXlsx, syntheticList } from '../support/synthetic.ts';

const ROWS = 10_000;
const TARGET_MS = 10_000;
const currentYear = 2026;
const MiB = 1024 * 1024;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mib = (bytes: number) => `${(bytes / MiB).toFixed(0)} MiB`;

type Step = 'preview' | 'commit' | 'again';
interface Measure {
  ms: number;
  rss: number;
  /** Peak resident size above the size at the start of the step. */
  rise: number;
  heap: number;
  /** The largest heap left after a full collection (mark-compact), 0 when the step had none. */
  live: number;
}

/** Resets the kernel's record of this process's peak resident size to its current size (Linux only). */
function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}
function peakRss(): number {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Runs `work`, returning its time and the process's memory while it ran. */
async function measure<T>(work: () => Promise<T>): Promise<{ result: T } & Measure> {
  const hasPeak = resetPeakRss();
  const start = process.memoryUsage();
  let rss = start.rss;
  let heap = start.heapUsed;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    rss = Math.max(rss, now.rss);
    heap = Math.max(heap, now.heapUsed);
  }, 10);
  const gc = new GCProfiler();
  gc.start();
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  const collections = gc.stop()?.statistics ?? [];
  clearInterval(sampler);
  const end = process.memoryUsage();
  rss = Math.max(rss, end.rss, hasPeak ? peakRss() : 0);
  heap = Math.max(heap, end.heapUsed, ...collections.map((c) => c.beforeGC.heapStatistics.usedHeapSize));
  const live = Math.max(0, ...collections.filter((c) => c.gcType === 'MarkSweepCompact').map((c) => c.afterGC.heapStatistics.usedHeapSize));
  return { result, ms, rss, rise: rss - start.rss, heap, live };
}

/** Preview, commit and re-import of one file into a fresh database of `kind`. */
async function importOnce(kind: 'file' | 'sqld', bytes: Uint8Array): Promise<Record<Step, Measure>> {
  process.env['TEST_DATABASE'] = kind;
  const database = await createTestDatabase();
  try {
    const preview = await measure(() => previewImport(database, bytes, { currentYear }));
    if (preview.result.counts.new !== ROWS) throw new Error(`preview: ${JSON.stringify(preview.result.counts)}, expected ${ROWS} new`);
    const commit = await measure(() => importList(database, bytes, { actor: { label: 'bench' }, currentYear }));
    if (!commit.result.ok || commit.result.summary.created.certifications !== ROWS) throw new Error('the commit did not create every row');
    const again = await measure(() => importList(database, bytes, { actor: { label: 'bench' }, currentYear }));
    if (!again.result.ok || again.result.summary.unchanged !== ROWS) throw new Error('the second import was not all duplicates');
    return { preview, commit, again };
  } finally {
    await database.dispose();
  }
}

/** One line per step of one database and format: median time, then memory (medians too). */
function printSteps(kind: string, format: string, measured: Record<Step, Measure>[]): number {
  const of = (step: Step, figure: keyof Measure) => median(measured.map((m) => m[step][figure]));
  const line = (label: string, ms: number, memory: string) =>
    console.log(`${kind.padEnd(9)} ${format.padEnd(7)} ${label.padEnd(19)} ${`${(ms / 1000).toFixed(2)} s`.padStart(8)}  ${memory}`);
  const memory = (step: Step) =>
    `${mib(of(step, 'rss')).padStart(9)} ${`(+${mib(of(step, 'rise'))})`.padEnd(12)} ${mib(of(step, 'heap')).padStart(9)} (${of(step, 'live') > 0 ? mib(of(step, 'live')) : 'no full GC'})`;
  const total = median(measured.map((m) => m.preview.ms + m.commit.ms));
  line('preview', of('preview', 'ms'), memory('preview'));
  line('commit', of('commit', 'ms'), memory('commit'));
  line('preview + commit', total, total <= TARGET_MS ? 'target met' : 'target missed');
  line('again (duplicates)', of('again', 'ms'), memory('again'));
  return total;
}

export async function benchImportScale(runs: number): Promise<void> {
  const rows = syntheticList(ROWS);
  const files = { CSV: listCsv(rows), XLSX: await listXlsx(rows) };
  const previous = process.env['TEST_DATABASE'];
  console.log(
    `\nimport at scale: ${ROWS.toLocaleString('en')} synthetic valid rows (CSV ${(files.CSV.length / MiB).toFixed(1)} MiB, ` +
      `XLSX ${(files.XLSX.length / MiB).toFixed(1)} MiB), a fresh database each run, median of ${runs}; target preview + commit ≤ ${TARGET_MS / 1000} s`,
  );
  console.log('database  format  step                    time   peak RSS (rise)       peak heap (live)');
  const totals: Record<string, number> = {};
  try {
    for (const kind of ['file', 'sqld'] as const)
      for (const [format, bytes] of Object.entries(files)) {
        const measured: Record<Step, Measure>[] = [];
        for (let run = 0; run < runs; run++) measured.push(await importOnce(kind, bytes));
        totals[`${kind} ${format}`] = printSteps(kind, format, measured);
      }
  } finally {
    if (previous === undefined) delete process.env['TEST_DATABASE'];
    else process.env['TEST_DATABASE'] = previous;
  }
  const ratio = (format: string) => (totals[`sqld ${format}`]! / totals[`file ${format}`]!).toFixed(1);
  console.log(`preview + commit, sqld over HTTP / embedded file: CSV ${ratio('CSV')}×, XLSX ${ratio('XLSX')}×`);
}
