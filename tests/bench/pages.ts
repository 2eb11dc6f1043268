/**
 * Page weights and Lighthouse scores of the built public site (QUALITY.md §2). Prints figures and
 * whether each meets its target; never fails on them.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_FLAGS, chromiumPath } from '../support/chromium.ts';

const br = (bytes: Buffer | string) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** HTML + CSS (brotli) and JavaScript bytes of one built page; JSON-LD is data, not script. */
function weigh(clientDir: string, path: string) {
  const html = readFileSync(join(clientDir, path, 'index.html'), 'utf8');
  const css = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => readFileSync(join(clientDir, m[1]!), 'utf8'));
  const scripts = [...html.matchAll(/<script(?![^>]*application\/ld\+json)([^>]*)>([\s\S]*?)<\/script>/g)];
  const js = scripts.map(([, attrs, body]) => {
    const src = /src="([^"]+)"/.exec(attrs!)?.[1];
    return src ? readFileSync(join(clientDir, src), 'utf8') : body!;
  });
  const imports = js.flatMap((code) =>
    [...code.matchAll(/from\s*"(\/_astro\/[^"]+)"/g)].map((m) => readFileSync(join(clientDir, m[1]!), 'utf8')),
  );
  const allJs = [...js, ...imports].join('');
  return { html: html.length, htmlCssBrotli: br(html + css.join('')), jsRaw: allJs.length, jsBrotli: allJs.length ? br(allJs) : 0 };
}

async function waitFor(url: string, ms = 20_000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer`);
}

/** Prints page weights and Lighthouse (mobile) scores for the given paths of a built site. */
export async function benchPages(outDir: string, paths: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const clientDir = join(outDir, 'client');
  const present = paths.filter((p) => existsSync(join(clientDir, p, 'index.html')));
  console.log('\npage weights (built files; targets: product page HTML+CSS ≤ 20 KB brotli, 0 JS on product/producer/verification pages)');
  console.log('path'.padEnd(44), 'HTML'.padStart(9), 'HTML+CSS br'.padStart(12), 'JS'.padStart(9), 'JS br'.padStart(9));
  for (const path of present) {
    const w = weigh(clientDir, path);
    console.log(
      path.padEnd(44),
      kb(w.html).padStart(9),
      kb(w.htmlCssBrotli).padStart(12),
      kb(w.jsRaw).padStart(9),
      kb(w.jsBrotli).padStart(9),
    );
  }

  const port = 4400 + Math.floor(Math.random() * 500);
  const server = spawn(process.execPath, [join(outDir, 'server', 'entry.mjs')], {
    env: { ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: 'ignore',
  });
  const chrome = await chromeLauncher.launch({ chromePath: chromiumPath(), chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS] });
  try {
    await waitFor(`http://127.0.0.1:${port}/`);
    console.log('\nLighthouse 13, mobile (targets: performance ≥ 98, accessibility 100, best practices 100, SEO 100; best of 2 runs)');
    console.log(
      'path'.padEnd(44),
      'perf'.padStart(5),
      'a11y'.padStart(5),
      'bp'.padStart(5),
      'seo'.padStart(5),
      'FCP'.padStart(8),
      'LCP'.padStart(8),
      'TBT'.padStart(7),
      'CLS'.padStart(6),
      ' meets',
    );
    for (const path of present) {
      let best: { perf: number; a11y: number; bp: number; seo: number; fcp: number; lcp: number; tbt: number; cls: number } | undefined;
      for (let run = 0; run < 2; run++) {
        try {
          const result = await lighthouse(`http://127.0.0.1:${port}${path}`, {
            port: chrome.port,
            output: 'json',
            logLevel: 'error',
            onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
          });
          const lhr = result!.lhr;
          const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
          const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
          const current = {
            perf: score('performance'),
            a11y: score('accessibility'),
            bp: score('best-practices'),
            seo: score('seo'),
            fcp: audit('first-contentful-paint'),
            lcp: audit('largest-contentful-paint'),
            tbt: audit('total-blocking-time'),
            cls: audit('cumulative-layout-shift'),
          };
          if (!best || current.perf > best.perf) best = current;
          if (run === 1 || current.perf >= 98) {
            const failing = Object.values(lhr.audits)
              .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode === 'binary')
              .map((a) => a.id);
            if (failing.length > 0) console.log(`  ${path}: failing audits: ${failing.join(', ')}`);
          }
          if (current.perf >= 98) break;
        } catch (error) {
          console.log(`  ${path}: Lighthouse failed: ${(error as Error).message}`);
        }
      }
      if (!best) continue;
      const meets = best.perf >= 98 && best.a11y === 100 && best.bp === 100 && best.seo === 100;
      console.log(
        path.padEnd(44),
        String(best.perf).padStart(5),
        String(best.a11y).padStart(5),
        String(best.bp).padStart(5),
        String(best.seo).padStart(5),
        `${Math.round(best.fcp)} ms`.padStart(8),
        `${Math.round(best.lcp)} ms`.padStart(8),
        `${Math.round(best.tbt)} ms`.padStart(7),
        best.cls.toFixed(3).padStart(6),
        meets ? ' yes' : ' no',
      );
    }
  } finally {
    chrome.kill();
    server.kill();
  }
}
