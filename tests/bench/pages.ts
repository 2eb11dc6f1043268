/**
 * Page weights and Lighthouse (mobile) scores of the built public site, against QUALITY.md §2.
 * Prints figures and whether each meets its target; never fails because a target is missed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Result } from 'lighthouse';
import { chromiumPath } from '../support/chromium.ts';
import { ROOT } from '../support/paths.ts';

/** The flags every Chromium here needs (no sandbox as root, no GPU, no network beyond loopback). */
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const TARGET = { htmlCssBrotli: 20 * 1024, performance: 98, other: 100 };
const LIGHTHOUSE_RUNS = 2;

const brotli = (bytes: Buffer) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]!;

/** Prints rows as a table: columns after the first are right-aligned. */
function table(head: string[], rows: string[][]) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

/** Which §2 targets a path is held to. */
function pageKind(path: string): 'product' | 'producer' | 'verification' | 'other' {
  if (/^(\/en)?\/products\/[^/]+\/$/.test(path)) return 'product';
  if (/^(\/en)?\/producers\//.test(path)) return 'producer';
  if (/^(\/en)?\/verify\//.test(path)) return 'verification';
  return 'other';
}

// ---------------------------------------------------------------------------------------------
// The server and what it serves

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Serves a built folder the way `npm start` does (src/server/site-server.ts following a `current` link),
 * in a child process on Node 24 (this process's binary).
 */
export async function startServer(outDir: string, env: NodeJS.ProcessEnv, port: number): Promise<ChildProcess> {
  const origin = `http://127.0.0.1:${port}`;
  // The server serves only a folder of its releases directory that `current` names (decision 014): the built
  // folder's parent is that directory here, and `current` names the built folder.
  const releases = dirname(resolve(outDir));
  rmSync(join(releases, 'current'), { force: true });
  symlinkSync(basename(resolve(outDir)), join(releases, 'current'));
  const child = spawn(process.execPath, [join(ROOT, 'src', 'cli', 'serve.ts')], {
    env: { ...env, HOST: '127.0.0.1', PORT: String(port), REGISTRY_RELEASES_DIR: releases },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-2000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited: string | undefined;
  child.once('exit', (code, signal) => (exited = `exited with ${signal ?? code}`));
  child.once('error', (error) => (exited = error.message));

  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline && !exited) {
    try {
      await fetch(`${origin}/`, { signal: AbortSignal.timeout(1000) });
      return child;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  child.kill();
  const lines = output
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const why = lines.findLast((line) => /error/i.test(line)) ?? lines.at(-1);
  throw new Error(`the built server at ${origin} ${exited ?? 'did not answer in 20 s'}${why ? ` (${why})` : ''}`);
}

/**
 * A built file under client/ (how the server serves prerendered pages and assets), or, for pages
 * rendered on demand (the verification form), the server's answer; undefined when neither exists.
 */
async function load(clientDir: string, origin: string, path: string, online: boolean): Promise<Buffer | undefined> {
  const pathname = decodeURIComponent(new URL(path, origin).pathname);
  const file = join(clientDir, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
  if (file.startsWith(clientDir) && existsSync(file) && statSync(file).isFile()) return readFileSync(file);
  if (!online) return undefined;
  const response = await fetch(new URL(path, origin), { redirect: 'manual', signal: AbortSignal.timeout(10_000) });
  return response.ok ? Buffer.from(await response.arrayBuffer()) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Page weights

const attribute = (tag: string, name: string) =>
  new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i')
    .exec(tag)
    ?.slice(1)
    .find((v) => v !== undefined);
const SCRIPT_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript', 'text/ecmascript']);
/** Modules a script needs before it runs: static imports and re-exports (minified or not). */
const STATIC_IMPORTS = /(?:\bimport|\bexport)\s*(?:[\w*{}\s,$]+?\s*from\s*)?["']([^"']+)["']/g;
/** Modules a script may load later: import("…") with a literal specifier (bundlers emit backticks). */
const DYNAMIC_IMPORTS = /\bimport\s*\(\s*(?:"([^"]+)"|'([^']+)'|`([^`$]+)`)\s*\)/g;
const specifiers = (code: string, pattern: RegExp) =>
  [...code.matchAll(pattern)].map((m) => m.slice(1).find((v) => v !== undefined)!).filter((s) => /^(\.{0,2}\/|https?:)/.test(s));

interface Weight {
  html: number;
  htmlBrotli: number;
  cssFiles: number;
  htmlCssBrotli: number;
  jsFiles: number;
  jsRaw: number;
  jsBrotli: number;
  lazyFiles: number;
  lazyBrotli: number;
  missing: string[];
}

/**
 * What one page costs: its HTML (with inline styles), its linked style sheets, and every script it
 * runs or can load — inline and external scripts, module preloads, island components and their
 * renderers, followed through their imports. JSON-LD and other data blocks are not JavaScript.
 * Brotli sizes are per response (each file compressed on its own), as a browser receives them.
 */
async function weigh(clientDir: string, origin: string, online: boolean, path: string, html: Buffer): Promise<Weight> {
  const text = html.toString('utf8');
  const base = new URL(path, origin);
  const sameOrigin = (ref: string) => {
    const url = new URL(ref, base);
    return url.origin === origin ? url.pathname : undefined;
  };
  const missing: string[] = [];
  const css = new Map<string, Buffer>();
  const js = new Map<string, Buffer>();
  const inlineJs: Buffer[] = [];

  for (const [tag] of text.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attribute(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
    const href = attribute(tag, 'href');
    if (!href) continue;
    if (rel.includes('stylesheet')) css.set(href, Buffer.alloc(0));
    if (rel.includes('modulepreload')) js.set(href, Buffer.alloc(0));
  }
  for (const [, attrs, body] of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const type = (attribute(` ${attrs}`, 'type') ?? '').trim().toLowerCase();
    if (!SCRIPT_TYPES.has(type)) continue; // application/ld+json, application/json, importmap …
    const src = attribute(` ${attrs}`, 'src');
    if (src) js.set(src, Buffer.alloc(0));
    else if (body!.trim()) inlineJs.push(Buffer.from(body!));
  }
  for (const [tag] of text.matchAll(/<astro-island\b[^>]*>/gi)) {
    for (const name of ['component-url', 'renderer-url']) {
      const url = attribute(tag, name);
      if (url) js.set(url, Buffer.alloc(0));
    }
  }

  for (const [ref] of css) {
    const local = sameOrigin(ref);
    const bytes = local ? await load(clientDir, origin, local, online) : undefined;
    if (bytes) css.set(ref, bytes);
    else {
      css.delete(ref);
      missing.push(ref);
    }
  }
  // Follow the module graphs: first what runs at load (static imports), then what the page can
  // load later (dynamic imports and everything they import), each file once.
  const lazy = new Map<string, Buffer>();
  const eagerQueue = [...js.keys()].map((ref) => new URL(ref, base).href);
  const lazyQueue: string[] = [];
  js.clear();
  for (const code of inlineJs) {
    eagerQueue.push(...specifiers(code.toString('utf8'), STATIC_IMPORTS).map((s) => new URL(s, base).href));
    lazyQueue.push(...specifiers(code.toString('utf8'), DYNAMIC_IMPORTS).map((s) => new URL(s, base).href));
  }
  const seen = new Set<string>();
  for (const [queue, into] of [
    [eagerQueue, js],
    [lazyQueue, lazy],
  ] as const) {
    while (queue.length > 0) {
      const href = queue.shift()!;
      if (seen.has(href)) continue;
      seen.add(href);
      const local = sameOrigin(href);
      const bytes = local ? await load(clientDir, origin, local, online) : undefined;
      if (!bytes) {
        missing.push(href.replace(origin, ''));
        continue;
      }
      into.set(href, bytes);
      const code = bytes.toString('utf8');
      queue.push(...specifiers(code, STATIC_IMPORTS).map((s) => new URL(s, href).href));
      lazyQueue.push(...specifiers(code, DYNAMIC_IMPORTS).map((s) => new URL(s, href).href));
    }
  }

  const htmlBrotli = brotli(html);
  const cssBytes = [...css.values()];
  const jsBytes = [...js.values(), ...inlineJs];
  return {
    html: html.length,
    htmlBrotli,
    cssFiles: cssBytes.length,
    htmlCssBrotli: htmlBrotli + cssBytes.reduce((sum, b) => sum + brotli(b), 0),
    jsFiles: js.size + inlineJs.length,
    jsRaw: jsBytes.reduce((sum, b) => sum + b.length, 0),
    jsBrotli: jsBytes.reduce((sum, b) => sum + brotli(b), 0),
    lazyFiles: lazy.size,
    lazyBrotli: [...lazy.values()].reduce((sum, b) => sum + brotli(b), 0),
    missing,
  };
}

function printWeights(weights: [string, Weight][]) {
  console.log(
    '\nPage weights (built files; brotli quality 11, each response compressed on its own; JS = run at load, JSON-LD excluded; later JS = files it can import on demand)',
  );
  console.log('targets: HTML + CSS of a product page ≤ 20 KB brotli; 0 bytes of JavaScript on product, producer and verification pages');
  const rows = weights.map(([path, w]) => {
    const kind = pageKind(path);
    const checks: string[] = [];
    if (kind === 'product') checks.push(w.htmlCssBrotli <= TARGET.htmlCssBrotli ? 'yes' : 'no (HTML+CSS)');
    if (kind !== 'other') checks.push(w.jsRaw === 0 ? 'yes' : 'no (JS)');
    const meets = checks.length === 0 ? '—' : checks.every((c) => c === 'yes') ? 'yes' : checks.filter((c) => c !== 'yes').join(', ');
    return [
      path,
      kb(w.html),
      kb(w.htmlBrotli),
      String(w.cssFiles),
      kb(w.htmlCssBrotli),
      String(w.jsFiles),
      kb(w.jsRaw),
      kb(w.jsBrotli),
      w.lazyFiles === 0 ? '—' : `${w.lazyFiles}: ${kb(w.lazyBrotli)}`,
      meets,
    ];
  });
  table(['path', 'HTML', 'HTML br', 'CSS files', 'HTML+CSS br', 'JS files', 'JS', 'JS br', 'later JS br', 'meets target'], rows);
  for (const [path, w] of weights) {
    if (w.missing.length > 0) console.log(`  ${path}: referenced but not found in the build: ${w.missing.join(', ')}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Lighthouse

interface Scores {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  lhr: Result;
}

async function audit(port: number, url: string): Promise<Scores> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
  });
  if (!result) throw new Error('Lighthouse returned no result');
  const lhr = result.lhr;
  if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
  const score = (id: string) => {
    const value = lhr.categories[id]?.score;
    if (value === null || value === undefined) throw new Error(`no ${id} score`);
    return Math.round(value * 100);
  };
  const metric = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    fcp: metric('first-contentful-paint'),
    lcp: metric('largest-contentful-paint'),
    tbt: metric('total-blocking-time'),
    cls: metric('cumulative-layout-shift'),
    lhr,
  };
}

/** The diagnostic that shows where a failing performance metric comes from. */
const METRIC_DIAGNOSTICS: Record<string, string> = {
  'cumulative-layout-shift': 'layout-shifts',
  'largest-contentful-paint': 'largest-contentful-paint-element',
  'total-blocking-time': 'long-tasks',
};

interface DetailItem {
  node?: { selector?: string; snippet?: string };
  url?: string;
  items?: DetailItem[];
}

/** The first few elements or URLs an audit names (tables nested in lists flattened). */
function offenders(result: Result['audits'][string] | undefined): string[] {
  const flatten = (items: DetailItem[]): DetailItem[] => items.flatMap((item) => (item.items ? flatten(item.items) : [item]));
  const details = result?.details as { items?: DetailItem[] } | undefined;
  return flatten(details?.items ?? [])
    .map((item) => item.node?.snippet ?? item.node?.selector ?? item.url)
    .filter((where): where is string => !!where)
    .slice(0, 3)
    .map((where) => (where.length > 150 ? `${where.slice(0, 147)}…` : where));
}

/** Why a run lost points: scored audits below 1 (metrics below 0.9), with a few offending elements. */
function shortfalls(lhr: Result): string[] {
  const lines: string[] = [];
  for (const [id, category] of Object.entries(lhr.categories)) {
    for (const ref of category.auditRefs) {
      const result = lhr.audits[ref.id];
      if (!result || ref.weight === 0 || result.score === null) continue;
      if (result.score >= (id === 'performance' ? 0.9 : 1)) continue;
      const value = id === 'performance' && result.displayValue ? ` (${result.displayValue})` : '';
      lines.push(`${id}: ${ref.id} — ${result.title}${value}`);
      const diagnostic = METRIC_DIAGNOSTICS[ref.id];
      for (const where of offenders(diagnostic ? lhr.audits[diagnostic] : result)) lines.push(`    ${where}`);
    }
  }
  return lines;
}

async function runLighthouse(origin: string, paths: string[]) {
  const loadAtStart = loadavg()[0]!.toFixed(1);
  const chrome = await chromeLauncher.launch({ chromePath: chromiumPath(), chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  const rows: string[][] = [];
  const notes: string[] = [];
  let version = '';
  try {
    for (const path of paths) {
      const runs: Scores[] = [];
      for (let run = 1; run <= LIGHTHOUSE_RUNS; run++) {
        try {
          runs.push(await audit(chrome.port, `${origin}${path}`));
        } catch (error) {
          notes.push(`${path}: Lighthouse run ${run} failed: ${errorText(error)}`);
        }
      }
      if (runs.length === 0) {
        rows.push([path, 'failed', '', '', '', '', '', '', '', '', '']);
        continue;
      }
      version = runs[0]!.lhr.lighthouseVersion;
      const best = runs.reduce((a, b) => (b.performance > a.performance || (b.performance === a.performance && b.lcp < a.lcp) ? b : a));
      const meets =
        best.performance >= TARGET.performance &&
        best.accessibility === TARGET.other &&
        best.bestPractices === TARGET.other &&
        best.seo === TARGET.other;
      rows.push([
        path,
        String(best.performance),
        runs.map((r) => r.performance).join('/'),
        String(best.accessibility),
        String(best.bestPractices),
        String(best.seo),
        `${Math.round(best.fcp)} ms`,
        `${Math.round(best.lcp)} ms`,
        `${Math.round(best.tbt)} ms`,
        best.cls.toFixed(3),
        meets ? 'yes' : 'no',
      ]);
      const lost = shortfalls(best.lhr);
      if (lost.length > 0) notes.push(`${path}:\n    ${lost.join('\n    ')}`);
      for (const warning of best.lhr.runWarnings) notes.push(`${path}: Lighthouse warning: ${errorText(warning)}`);
    }
  } finally {
    chrome.kill();
  }
  console.log(
    `\nLighthouse${version ? ` ${version}` : ''} (mobile, default config, simulated throttling; each page run ${LIGHTHOUSE_RUNS}×, the run with the better performance score shown)`,
  );
  console.log('targets: performance ≥ 98, accessibility 100, best practices 100, SEO 100');
  console.log(
    `load average ${loadAtStart} on ${availableParallelism()} cores when it started (simulated throttling scales the CPU time it observes: a busy machine lowers performance)`,
  );
  table(['path', 'perf', 'perf runs', 'a11y', 'best pr.', 'SEO', 'FCP', 'LCP', 'TBT', 'CLS', 'meets target'], rows);
  if (notes.length > 0) {
    console.log('\naudits that cost points (in the run shown) and failures:');
    for (const note of notes) console.log(`  ${note}`);
  }
}

// ---------------------------------------------------------------------------------------------

/**
 * Prints page weights and Lighthouse (mobile) scores for the given paths of the site built in
 * outDir. Paths that are neither built files nor answered by the server are reported and skipped.
 * env is the server's environment (DATABASE_URL for the pages rendered on demand).
 */
export async function benchPages(outDir: string, paths: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const started = performance.now();
  const clientDir = join(outDir, 'client');
  const origin = `http://127.0.0.1:${await freePort()}`;
  let server: ChildProcess | undefined;
  const stop = () => server?.kill();
  process.once('exit', stop);
  try {
    try {
      server = await startServer(outDir, env, Number(new URL(origin).port));
    } catch (error) {
      console.log(`\n${errorText(error)}; pages rendered on demand and Lighthouse are skipped`);
    }
    const weights: [string, Weight][] = [];
    const skipped: string[] = [];
    for (const path of paths) {
      try {
        const html = await load(clientDir, origin, path, !!server);
        if (html) weights.push([path, await weigh(clientDir, origin, !!server, path, html)]);
        else skipped.push(path);
      } catch (error) {
        console.log(`  ${path}: could not be weighed: ${errorText(error)}`);
      }
    }
    printWeights(weights);
    if (skipped.length > 0) console.log(`  not in this build (skipped): ${skipped.join(', ')}`);

    if (server) {
      try {
        await runLighthouse(
          origin,
          weights.map(([path]) => path),
        );
      } catch (error) {
        console.log(`\nLighthouse could not run: ${errorText(error)}`);
      }
    }
  } finally {
    stop();
    process.off('exit', stop);
  }
  console.log(`pages bench: ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
