/**
 * Keeps a fair on the phone: registers the service worker (public/sw.js), then asks it to store the
 * fair's pack (its offline.json) together with this page's own files, so the directory, its search
 * and the shortlist work when the hall's network fails. Sets html[data-offline-pack] to the state.
 */
export type OfflinePackState = 'unsupported' | 'saving' | 'ready' | 'failed';

export interface ArmOfflinePackOptions {
  /** The fair's pack, e.g. /fairs/<slug>/offline.json or /en/fairs/<slug>/offline.json. */
  manifestUrl: string;
  /** While saving, `cached` counts the URLs done so far; when ready, the URLs actually kept. */
  onState: (state: OfflinePackState, detail?: { cached: number; total: number }) => void;
}

interface PackMessage {
  type: 'pack-progress' | 'pack-ready';
  pack: string;
  done?: number;
  cached?: number;
  failed?: string[];
  total: number;
}

/** Saves the fair for offline use; reports through onState and never throws. */
export async function armOfflinePack({ manifestUrl, onState }: ArmOfflinePackOptions): Promise<void> {
  const report = (state: OfflinePackState, detail?: { cached: number; total: number }) => {
    document.documentElement.dataset['offlinePack'] = state;
    onState(state, detail);
  };
  // Absent on http:// away from localhost and in some private modes; elsewhere registering can be refused.
  const workers = (navigator as Partial<Navigator>).serviceWorker;
  try {
    if (!workers) throw new Error('no service workers');
    await workers.register('/sw.js', { scope: '/' });
  } catch {
    return report('unsupported');
  }
  try {
    // ready never settles when the worker cannot activate (a browser policy, a broken install).
    const { active } = await Promise.race([workers.ready, timeout(15_000)]);
    const manifest = (await (await fetch(manifestUrl, { cache: 'no-cache' })).json()) as { pack: string; urls: string[] };
    // Files the page is still loading (fonts, the island's chunks) are listed once they have loaded.
    if (document.readyState !== 'complete') await new Promise((loaded) => addEventListener('load', loaded, { once: true }));
    const own = [location.pathname, ...ownFiles()];
    const urls = new Set([...manifest.urls, ...own]);
    report('saving', { cached: 0, total: urls.size });
    const result = await ask(active!, { type: 'cache-pack', pack: manifest.pack, urls: [...urls] }, (m) =>
      report('saving', { cached: m.done ?? 0, total: m.total }),
    );
    // The page, its files and its data must be kept; another page missing (a product withdrawn since
    // the build) does not stop the fair from working offline.
    const essential = new Set([...own, ...manifest.urls.filter((u) => u.endsWith('.json'))]);
    const isBroken = result.failed?.some((u) => essential.has(u));
    report(isBroken ? 'failed' : 'ready', { cached: result.cached ?? 0, total: result.total });
  } catch {
    report('failed');
  }
}

/** This page's same-origin files: what it loaded so far (scripts, fonts, data) and every script tag. */
function ownFiles(): string[] {
  const loaded = performance.getEntriesByType('resource').map((e) => e.name);
  const scripts = [...document.querySelectorAll<HTMLScriptElement>('script[src]')].map((s) => s.src);
  return [...loaded, ...scripts]
    .map((u) => new URL(u, location.href))
    .filter((u) => u.origin === location.origin)
    .map((u) => u.pathname + u.search);
}

/** A promise that rejects after ms milliseconds. */
function timeout(ms: number): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms));
}

/** Posts a message to the worker on its own channel and resolves with its final answer (or gives up). */
function ask(worker: ServiceWorker, message: unknown, onProgress: (m: PackMessage) => void): Promise<PackMessage> {
  // A worker stopped by the browser mid-pack never answers.
  const answer = new Promise<PackMessage>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = ({ data }: MessageEvent<PackMessage>) => (data.type === 'pack-ready' ? resolve(data) : onProgress(data));
    worker.postMessage(message, [channel.port2]);
  });
  return Promise.race([answer, timeout(120_000)]);
}
