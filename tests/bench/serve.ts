/**
 * The site server under load (R23, R32): `benchServe` starts src/server/site-server.ts on a free port in
 * a child Node (so the server and the load generator each have a core, as in production the server and a
 * publish are separate), hammers one path over keep-alive connections and, if given, runs `during()` at the
 * same time (the publish bench passes a series of publishes). Prints nothing; returns the figures.
 *
 * The load runs for `seconds`, or until `during()` has finished if that takes longer, so every publish
 * happens under load. A request counts as failed when it errors or answers anything but 200.
 */
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../support/paths.ts';

export interface BenchServeOptions {
  releasesDir: string;
  /** Path and query to request, e.g. `/` or `/products/tra-o-long/`. */
  path: string;
  /** Concurrent keep-alive connections; 50 by default. */
  connections?: number;
  /** Seconds of load at least; 10 by default. */
  seconds?: number;
  /** Runs alongside the load (publishes); a rejection stops the load and is rethrown. */
  during?: () => Promise<void>;
}

export interface BenchServeResult {
  /** Requests answered or failed. */
  requests: number;
  reqPerSec: number;
  /** Latency percentiles in milliseconds. */
  p50: number;
  p99: number;
  /** Errors and non-200 answers. */
  failed: number;
  /** How the failed ones ended: status code, or 0 for a connection error, with counts. */
  failures: Record<number, number>;
  /** What the server logged (switches, handler loads, errors). */
  serverLog: string;
}

const quantile = (sorted: number[], q: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : NaN;

/** The server in a child Node; it prints its URL and stops when its stdin closes. */
async function startChild(releasesDir: string): Promise<{ url: string; stop: () => Promise<void>; log: () => string }> {
  const module = pathToFileURL(`${ROOT}src/server/site-server.ts`).href;
  const script = `
    const { startSiteServer } = await import(${JSON.stringify(module)});
    const site = await startSiteServer({ releasesDir: ${JSON.stringify(releasesDir)}, host: '127.0.0.1', port: 0, log: (line) => process.stderr.write(line + '\\n') });
    process.stdout.write(JSON.stringify({ url: site.url }) + '\\n');
    process.stdin.resume();
    process.stdin.on('end', () => site.close().then(() => process.exit(0)));
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.once('exit', (code) => reject(new Error(`the site server exited (${code}) before listening:\n${stderr}`)));
  });
  return {
    url,
    log: () => stderr,
    stop: async () => {
      child.stdin.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** One GET, body read to the end; the status, or 0 when the request failed. */
function get(url: URL, path: string, agent: Agent): Promise<number> {
  return new Promise((resolve) => {
    const req = request({ hostname: url.hostname, port: url.port, path, agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', () => resolve(0));
    });
    req.on('error', () => resolve(0));
    req.end();
  });
}

export async function benchServe(options: BenchServeOptions): Promise<BenchServeResult> {
  const connections = options.connections ?? 50;
  const seconds = options.seconds ?? 10;
  const server = await startChild(options.releasesDir);
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const url = new URL(server.url);
  const latencies: number[] = [];
  let failed = 0;
  const failures: Record<number, number> = {};
  let duringDone = !options.during;
  let duringError: Error | undefined;
  const minimumEnd = performance.now() + seconds * 1000;
  const running = () => duringError === undefined && (performance.now() < minimumEnd || !duringDone);

  try {
    const started = performance.now();
    const worker = async () => {
      while (running()) {
        const sent = performance.now();
        const status = await get(url, options.path, agent);
        latencies.push(performance.now() - sent);
        if (status !== 200) {
          failed++;
          failures[status] = (failures[status] ?? 0) + 1;
        }
      }
    };
    const during = options.during
      ? options.during().then(
          () => void (duringDone = true),
          (error: unknown) => void (duringError = error instanceof Error ? error : new Error(`during() failed: ${JSON.stringify(error)}`)),
        )
      : Promise.resolve();
    await Promise.all([...Array.from({ length: connections }, worker), during]);
    const elapsed = (performance.now() - started) / 1000;
    if (duringError !== undefined) throw duringError;
    const sorted = [...latencies].sort((a, b) => a - b);
    return {
      requests: latencies.length,
      reqPerSec: latencies.length / elapsed,
      p50: quantile(sorted, 0.5),
      p99: quantile(sorted, 0.99),
      failed,
      failures,
      serverLog: server.log(),
    };
  } finally {
    agent.destroy();
    await server.stop();
  }
}
