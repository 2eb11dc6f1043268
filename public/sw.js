/**
 * The offline fair pack's service worker (scope /). Plain JavaScript, served untouched from public/.
 *
 * - On { type: 'cache-pack', urls, pack } from a fair page it stores every same-origin URL of the pack
 *   and answers with progress and { type: 'pack-ready', pack, cached, failed, total }.
 * - Hashed /_astro/ files never change: cache first.
 * - Pages, JSON and the rest: network first, the cached copy when the network fails or is slower
 *   than NETWORK_TIMEOUT_MS (a fair hall's network often hangs rather than fails), and for a page
 *   with nothing cached a small offline page (503) that links to the fairs kept on this phone.
 * Only ok, storable GET responses of this origin outside /admin/ are ever cached.
 */
/* global self, caches */
const VERSION = 'v1';
const PREFIX = 'registry-';
const ASSETS = `${PREFIX}assets-${VERSION}`;
const PAGES = `${PREFIX}pages-${VERSION}`;
const NETWORK_TIMEOUT_MS = 4000;
const PACK_CONCURRENCY = 6;

self.addEventListener('install', (event) => {
  event.waitUntil(self.skipWaiting());
});

// A new version drops the caches of older versions (ours only: they share the origin with nothing else).
self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== ASSETS && n !== PAGES).map((n) => caches.delete(n)));
      await self.clients.claim();
    })(),
  );
});

/** A URL this worker may handle: this origin, GET, not the admin. */
function isOurs(url, method) {
  return method === 'GET' && url.origin === self.location.origin && !url.pathname.startsWith('/admin/');
}

/** The cache a URL belongs in: hashed build assets apart from pages and data. */
function cacheFor(url) {
  return caches.open(url.pathname.startsWith('/_astro/') ? ASSETS : PAGES);
}

/** Whether a response may be kept: ok, of this origin, not a redirect's end, not marked no-store. */
function isStorable(response) {
  // A redirected response cannot answer a navigation later (browsers refuse it), so it is never kept.
  return response.ok && response.type === 'basic' && !response.redirected && !/no-store/i.test(response.headers.get('Cache-Control') ?? '');
}

// ---- The pack ------------------------------------------------------------------------------------

self.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'cache-pack' || !Array.isArray(data.urls)) return;
  const port = event.ports[0];
  const reply = (message) => (port ? port.postMessage(message) : event.source?.postMessage(message));
  event.waitUntil(cachePack(String(data.pack), data.urls, reply));
});

/** Fetches and stores every URL of a pack, a few at a time; failures are reported, never thrown. */
async function cachePack(pack, urls, reply) {
  const targets = [...new Set(urls.map((u) => new URL(String(u), self.location.origin).href))].map((href) => new URL(href));
  const failed = [];
  let done = 0;
  let cached = 0;
  const store = async (url) => {
    try {
      if (!isOurs(url, 'GET')) throw new Error('not cacheable');
      // no-cache: revalidate with the server so the pack holds what the site serves now.
      const response = await fetch(url.href, { cache: 'no-cache', credentials: 'same-origin' });
      if (!response.ok || response.type !== 'basic') throw new Error(`HTTP ${response.status}`);
      // A redirect's end is stored under its final URL as a plain response (see isStorable).
      const key = response.redirected ? response.url : url.href;
      const body = response.redirected ? new Response(await response.blob(), response) : response;
      await (await cacheFor(new URL(key))).put(key, body);
      cached++;
    } catch {
      failed.push(url.pathname + url.search);
    }
    done++;
    reply({ type: 'pack-progress', pack, done, total: targets.length });
  };
  const queue = [...targets];
  const worker = async () => {
    for (let url = queue.shift(); url; url = queue.shift()) await store(url);
  };
  await Promise.all(Array.from({ length: PACK_CONCURRENCY }, worker));
  reply({ type: 'pack-ready', pack, cached, failed, total: targets.length });
}

// ---- Serving -------------------------------------------------------------------------------------

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (!isOurs(url, request.method)) return; // the browser handles it as if there were no worker
  if (url.pathname.startsWith('/_astro/')) event.respondWith(cacheFirst(request, url));
  else event.respondWith(networkFirst(request, url, event));
});

async function cacheFirst(request, url) {
  const cache = await cacheFor(url);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (isStorable(response)) await cache.put(request, response.clone());
  return response;
}

async function networkFirst(request, url, event) {
  const cache = await cacheFor(url);
  const isNavigation = request.mode === 'navigate';
  const network = fetch(request).then((response) => {
    if (isStorable(response)) event.waitUntil(cache.put(request, response.clone()));
    return response;
  });
  const fromCache = async () =>
    (await cache.match(request)) ?? (isNavigation ? await cache.match(request, { ignoreSearch: true }) : undefined);
  try {
    const response = await Promise.race([network, new Promise((resolve) => setTimeout(resolve, NETWORK_TIMEOUT_MS))]);
    if (response) return response;
    // The network is slow: answer from the cache, and keep waiting only when there is nothing there.
    network.catch(() => {});
    return (await fromCache()) ?? (await network);
  } catch {
    const hit = await fromCache();
    if (hit) return hit;
    if (isNavigation) return offlinePage();
    return new Response('', { status: 503, statusText: 'Offline' });
  }
}

// ---- The offline page ----------------------------------------------------------------------------

/** A page in both languages saying the network is gone, with links to the fair pages kept here. */
async function offlinePage() {
  const cache = await caches.open(PAGES);
  const fairs = [];
  for (const request of await cache.keys()) {
    const { pathname, search } = new URL(request.url);
    if (search || !/^(\/en)?\/fairs\/[^/]+\/$/.test(pathname)) continue;
    const html = await (await cache.match(request)).text();
    // The <title> is already escaped HTML text; [^<] keeps any markup out.
    const title = (/<title>([^<]*)<\/title>/.exec(html)?.[1] ?? pathname).split(' · ')[0];
    const isEnglish = pathname.startsWith('/en/');
    fairs.push(`<li><a href="${pathname}" lang="${isEnglish ? 'en' : 'vi'}">${title}${isEnglish ? ' (English)' : ''}</a></li>`);
  }
  const list = fairs.length ? `<ul>${fairs.join('')}</ul>` : '';
  const body = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Không có mạng · Offline</title>
<style>body{font:1.05rem/1.5 system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}h1{font-size:1.4rem;color:#0b5d3b}a{color:#0b5d3b}li{margin:.4rem 0}</style>
</head>
<body>
<main>
<h1>Không có kết nối mạng</h1>
<p>Trang này chưa được lưu trên máy. Các hội chợ đã lưu vẫn mở được khi không có mạng:</p>
<div lang="en">
<h2>You are offline</h2>
<p>This page has not been saved on this device. The fairs saved here still open without a network:</p>
</div>
${list || '<p>Chưa lưu hội chợ nào. <span lang="en">No fair saved yet.</span></p>'}
</main>
</body>
</html>`;
  return new Response(body, {
    status: 503,
    statusText: 'Offline',
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}
