/**
 * A small attack on a running registry (issue #17): what a prober tries first, each with the answer that
 * proves it held. Loopback only, and bounded: at most MAX_REQUESTS requests, each cut off after
 * REQUEST_TIMEOUT_MS, the whole run after DEADLINE_MS. It never signs in and never writes: the one sign-in
 * attempt uses an address no account has.
 *
 *   node tests/security/attack.ts http://127.0.0.1:4321/
 *
 * Exits 1 when a probe fails. The e2e suite runs it against its own site (tests/e2e/security-attack.spec.ts).
 */
import { isIP } from 'node:net';
import { request } from 'node:http';
import { pathToFileURL } from 'node:url';

export const MAX_REQUESTS = 80;
export const REQUEST_TIMEOUT_MS = 5000;
export const DEADLINE_MS = 60_000;
const SECRET_MARKERS = ['SQLite format 3', 'DATABASE_AUTH_TOKEN', 'ADMIN_PASSWORD', 'BEGIN PRIVATE KEY'];
const XSS = '<script>alert(1)</script>';
/** Replaced by the target's own origin: a same-origin post, as the sign-in form sends. */
const ORIGIN_PLACEHOLDER = '{origin}';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}
export interface ProbeResult {
  name: string;
  ok: boolean;
  detail: string;
}
type Send = (path: string, init?: { method?: string; headers?: Record<string, string>; body?: string }) => Promise<Answer>;
interface Probe {
  name: string;
  run: (send: Send) => Promise<string | null>;
}

/** True for http(s) addresses of this machine only (127.0.0.0/8, ::1, localhost). */
export function isLoopbackUrl(address: string): boolean {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return isIP(host) === 6 && host === '::1';
}

const header = (answer: Answer, name: string) => {
  const value = answer.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : (value ?? '');
};
const directive = (policy: string, name: string) =>
  policy
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.split(/\s+/)[0] === name) ?? '';
const leaks = (answer: Answer) => SECRET_MARKERS.find((marker) => answer.body.includes(marker));

const TRAVERSALS = [
  '/../registry.db',
  '/%2e%2e/%2e%2e/db/registry.db',
  '/..%2f..%2fdb%2fregistry.db',
  '/products/%2e%2e%5c%2e%2e%5cpackage.json',
  '/.env',
  '/%2eenv',
  '/registry.db',
  '/current/../../.env',
  '/_astro/..%2f..%2f..%2fpackage.json',
  '/index.html%00.db',
  '//etc/passwd',
];

const PROBES: Probe[] = [
  {
    name: 'path traversal, dotfiles and databases are never served',
    async run(send) {
      for (const path of TRAVERSALS) {
        const answer = await send(path);
        if (answer.status < 400 && answer.status !== 301) return `${path} answered ${answer.status}`;
        const leaked = leaks(answer);
        if (leaked) return `${path} leaked "${leaked}"`;
      }
      return null;
    },
  },
  {
    name: 'public pages carry a script CSP without unsafe-inline, and framing is refused',
    async run(send) {
      for (const path of ['/', '/en/', '/products/', '/search/']) {
        const answer = await send(path);
        if (answer.status !== 200) return `${path} answered ${answer.status}`;
        const policy = header(answer, 'content-security-policy');
        const scripts = directive(policy, 'script-src') || directive(policy, 'default-src');
        if (!scripts) return `${path}: no script-src in the CSP header "${policy}"`;
        if (scripts.includes("'unsafe-inline'") || scripts.includes("'unsafe-eval'")) return `${path}: ${scripts}`;
        if (!/<meta http-equiv="content-security-policy"/i.test(answer.body)) return `${path}: no CSP meta tag`;
        if (directive(policy, 'frame-ancestors') !== "frame-ancestors 'none'") return `${path}: frame-ancestors missing`;
        if (header(answer, 'x-content-type-options') !== 'nosniff') return `${path}: no nosniff`;
      }
      return null;
    },
  },
  {
    name: 'script in the address is never reflected as markup',
    async run(send) {
      for (const path of [
        `/search/?q=${encodeURIComponent(XSS)}`,
        `/products/${encodeURIComponent(XSS)}/`,
        `/admin/login/?next=${encodeURIComponent(XSS)}`,
      ]) {
        const answer = await send(path);
        if (answer.body.includes(XSS)) return `${path} reflected the script`;
        if (answer.status >= 500) return `${path} answered ${answer.status}`;
      }
      return null;
    },
  },
  {
    name: 'the staff area is closed to anonymous and forged sessions',
    async run(send) {
      for (const cookie of ['', 'registry_session=forged', `registry_session=${'A'.repeat(4000)}`, "registry_session=' OR 1=1 --"]) {
        const headers = cookie ? { Cookie: cookie } : undefined;
        const page = await send('/admin/', headers ? { headers } : {});
        if (page.status !== 303 || !header(page, 'location').startsWith('/admin/login/'))
          return `GET /admin/ with "${cookie.slice(0, 30)}" answered ${page.status}`;
        const users = await send('/admin/users/', headers ? { headers } : {});
        if (users.status === 200) return `GET /admin/users/ answered 200 with "${cookie.slice(0, 30)}"`;
      }
      for (const path of ['/admin/products/new/', '/admin/publish/', '/admin/import/', '/admin/users/']) {
        const answer = await send(path, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://127.0.0.1' },
          body: 'name=x',
        });
        if (answer.status < 400) return `anonymous POST ${path} answered ${answer.status}`;
      }
      return null;
    },
  },
  {
    name: 'a cross-site form post to the sign-in is refused',
    async run(send) {
      const answer = await send('/admin/login/', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://evil.example' },
        body: 'email=attack-probe%40example.invalid&password=x',
      });
      if (answer.status !== 403) return `answered ${answer.status}`;
      return null;
    },
  },
  {
    name: 'a wrong sign-in gives no session, and injection in the e-mail gets nowhere',
    async run(send) {
      for (const email of ['attack-probe@example.invalid', "' OR 1=1 --@example.invalid"]) {
        const answer = await send('/admin/login/', {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN_PLACEHOLDER },
          body: new URLSearchParams({ email, password: "' OR '1'='1" }).toString(),
        });
        if (![400, 401, 429].includes(answer.status)) return `${email} answered ${answer.status}`;
        if (header(answer, 'set-cookie').includes('registry_session=') && !/registry_session=;/.test(header(answer, 'set-cookie')))
          return `${email} was given a session cookie`;
      }
      return null;
    },
  },
  {
    name: 'methods other than GET, HEAD and POST get 405, never a stack trace',
    async run(send) {
      for (const [method, path] of [
        ['TRACE', '/'],
        ['PUT', '/products/'],
        ['DELETE', '/admin/'],
      ] as const) {
        const answer = await send(path, { method });
        if (answer.status !== 405) return `${method} ${path} answered ${answer.status}`;
        if (!header(answer, 'allow').includes('GET')) return `${method} ${path} named no allowed methods`;
      }
      return null;
    },
  },
  {
    name: 'an oversized form body is refused with 413 before it is read',
    async run(send) {
      // 100 KB: over the 64 KB every form is held to, small enough to stay a bounded probe.
      const body = `email=x%40example.invalid&password=${'a'.repeat(100 * 1024)}`;
      for (const path of ['/admin/login/', '/report/']) {
        const answer = await send(path, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN_PLACEHOLDER },
          body,
        });
        if (answer.status !== 413) return `POST ${path} of 100 KB answered ${answer.status}`;
      }
      return null;
    },
  },
  {
    name: 'an SVG opened on its own cannot run script',
    async run(send) {
      const answer = await send('/favicon.svg');
      if (answer.status !== 200) return `answered ${answer.status}`;
      const policy = header(answer, 'content-security-policy');
      return policy.includes('sandbox') && directive(policy, 'default-src') === "default-src 'none'" ? null : `CSP "${policy}"`;
    },
  },
];

/** Runs every probe against a server on this machine; rejects at once for any other address. */
export async function runAttack(base: string, log: (line: string) => void = () => {}): Promise<ProbeResult[]> {
  if (!isLoopbackUrl(base))
    throw new Error(`refusing ${base}: this script only attacks a server on this machine (127.0.0.1, ::1, localhost)`);
  const target = new URL(base);
  const deadline = Date.now() + DEADLINE_MS;
  let requests = 0;
  const send: Send = (path, init = {}) => {
    if (++requests > MAX_REQUESTS) return Promise.reject(new Error(`more than ${MAX_REQUESTS} requests`));
    if (Date.now() > deadline) return Promise.reject(new Error(`past the ${DEADLINE_MS / 1000} s deadline`));
    const headers = { ...init.headers };
    if (headers['Origin'] === ORIGIN_PLACEHOLDER) headers['Origin'] = target.origin;
    if (init.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(init.body));
    return new Promise((resolve, reject) => {
      // The path is sent exactly as written (fetch would normalise the traversals away).
      const req = request(
        { hostname: target.hostname, port: target.port, path, method: init.method ?? 'GET', headers, timeout: REQUEST_TIMEOUT_MS },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            // Enough of any answer to look for leaks; the rest is not kept.
            if (size < 1024 * 1024) chunks.push(chunk);
            size += chunk.length;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${path}: no answer in ${REQUEST_TIMEOUT_MS} ms`)));
      req.on('error', reject);
      req.end(init.body);
    });
  };
  const results: ProbeResult[] = [];
  for (const probe of PROBES) {
    let detail: string | null;
    try {
      detail = await probe.run(send);
    } catch (error) {
      detail = error instanceof Error ? error.message : String(error);
    }
    results.push({ name: probe.name, ok: detail === null, detail: detail ?? '' });
    log(`${detail === null ? 'held  ' : 'FAILED'} ${probe.name}${detail ? `: ${detail}` : ''}`);
  }
  log(`${requests} requests`);
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const base = process.argv[2] ?? 'http://127.0.0.1:4321/';
  const results = await runAttack(base, (line) => console.log(line)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  });
  process.exitCode = results.every((r) => r.ok) ? 0 : 1;
}
