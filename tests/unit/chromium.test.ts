import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_CHROMIUM, resolveChromium, SYSTEM_CHROMIUMS, untar, type ChromiumLookup } from '../support/chromium.ts';

const PACKAGED = { path: '/p/.tmp/chromium-153.0.0/chromium', env: { FONTCONFIG_FILE: '/p/.tmp/chromium-153.0.0/fonts.conf' } };

/** A machine with these files, and the npm package installed or not; records whether the package was unpacked. */
function machine(files: string[], env: NodeJS.ProcessEnv = {}, installed = true) {
  const calls = { packaged: 0 };
  const lookup: ChromiumLookup = {
    env,
    exists: (path) => files.includes(path),
    packaged: () => {
      calls.packaged++;
      return installed ? PACKAGED : null;
    },
  };
  return { lookup, calls };
}

describe('resolveChromium', () => {
  it('takes CHROMIUM_PATH first when it names a file, before a system Chromium', () => {
    const { lookup, calls } = machine(['/opt/chrome/chrome', '/usr/bin/chromium'], { CHROMIUM_PATH: '/opt/chrome/chrome' });
    expect(resolveChromium(lookup)).toEqual({ path: '/opt/chrome/chrome', source: 'CHROMIUM_PATH', env: {} });
    expect(calls.packaged).toBe(0);
  });

  it('takes the system Chromium when there is no CHROMIUM_PATH, without unpacking the npm one (the CI fast path)', () => {
    const { lookup, calls } = machine(['/usr/bin/chromium']);
    expect(resolveChromium(lookup)).toEqual({ path: '/usr/bin/chromium', source: 'system', env: {} });
    expect(calls.packaged).toBe(0);
  });

  it.each(SYSTEM_CHROMIUMS)('finds a system browser at %s', (path) => {
    expect(resolveChromium(machine([path]).lookup)).toMatchObject({ path, source: 'system' });
  });

  it('passes over a CHROMIUM_PATH that names nothing to the system Chromium', () => {
    const { lookup } = machine(['/usr/bin/chromium'], { CHROMIUM_PATH: '/nowhere/chromium' });
    expect(resolveChromium(lookup).source).toBe('system');
  });

  it('falls back to the Chromium from npm, with its fonts settings, when there is no other', () => {
    const { lookup, calls } = machine([], { CHROMIUM_PATH: '/nowhere/chromium' });
    expect(resolveChromium(lookup)).toEqual({ ...PACKAGED, source: 'npm' });
    expect(calls.packaged).toBe(1);
  });

  it('says exactly what to install when there is none at all', () => {
    expect(() => resolveChromium(machine([], {}, false).lookup)).toThrow(NO_CHROMIUM);
    expect(NO_CHROMIUM).toContain('sudo apt-get install -y chromium');
    expect(NO_CHROMIUM).toContain('@sparticuz/chromium');
  });

  it('names the CHROMIUM_PATH that was not found', () => {
    expect(() => resolveChromium(machine([], { CHROMIUM_PATH: '/nowhere/chromium' }, false).lookup)).toThrow(
      /^CHROMIUM_PATH=\/nowhere\/chromium does not exist\.\nNo Chromium/,
    );
  });
});

/** One ustar entry: header (name, octal size, type) and the content padded to 512 bytes. */
function entry(name: string, content: string, type = '0'): Buffer {
  const header = Buffer.alloc(512);
  header.write(name, 0);
  header.write(`${Buffer.byteLength(content).toString(8).padStart(11, '0')}\0`, 124);
  header.write(type, 156);
  const body = Buffer.alloc(Math.ceil(Buffer.byteLength(content) / 512) * 512);
  body.write(content);
  return Buffer.concat([header, body]);
}

describe('untar', () => {
  it('writes the regular files of an archive, folders included, and skips folder entries', () => {
    const dir = mkdtempSync(join(tmpdir(), 'untar-'));
    try {
      const archive = Buffer.concat([
        entry('fonts/', '', '5'),
        entry('fonts/Open_Sans/a.ttf', 'x'.repeat(700)),
        entry('fonts.conf', '<fontconfig/>'),
        Buffer.alloc(1024),
      ]);
      expect(untar(archive, dir)).toEqual(['fonts/Open_Sans/a.ttf', 'fonts.conf']);
      expect(readFileSync(join(dir, 'fonts/Open_Sans/a.ttf'), 'utf8')).toBe('x'.repeat(700));
      expect(readFileSync(join(dir, 'fonts.conf'), 'utf8')).toBe('<fontconfig/>');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a path that climbs out of the folder', () => {
    expect(() => untar(entry('../evil', 'x'), tmpdir())).toThrow(/unsafe path/);
  });
});
