/**
 * Incremental releases (#19.1, decision 032): which pages a publish must render, decided from a dependency
 * record. Each record page (a product, a producer, a certificate's verification page, both languages) has a
 * fingerprint: the hash of everything its loaders read, and of the day when the page shows it. A release keeps
 * the fingerprints it was built from; the next publish renders the record pages whose fingerprint changed and
 * every other page (listings, counts, search, data, feed, sitemap, fairs, decisions), and takes the unchanged
 * record pages from the served release. Anything the record cannot vouch for — no record, another code
 * version, another site address — is a full build.
 */

/** The record pages that can be taken from the previous release, each a route folder in both languages. */
export const RECORD_KINDS = ['products', 'producers', 'verify'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** Bumped when the fingerprints change meaning: an older record then vouches for nothing. */
export const RENDER_RECORD_VERSION = 1;

/** The file beside release.json that keeps a release's dependency record (not served: outside `client`). */
export const RENDER_RECORD_FILE = 'render-record.json';

export interface RenderRecord {
  version: number;
  /** Hash of the sources, configuration and lockfile the release was built with. */
  code: string;
  /** The site address absolute URLs were made with. */
  site: string;
  /** `kind/key` → fingerprint of the page's inputs, e.g. "products/tra-o-long" → "9f…". */
  pages: Record<string, string>;
  /** HTML pages of the release that are not record pages (listings, facets, fairs…): for the plan's page count. */
  otherPages?: number;
}

export type FullReason = 'no-release' | 'no-record' | 'format' | 'code' | 'site';

export type RenderPlan =
  | { mode: 'full'; reason: FullReason; records: number; pagesToRender: number | null }
  | {
      mode: 'incremental';
      /** Record keys to render: new or changed since the served release. */
      render: Record<RecordKind, string[]>;
      /** Record keys whose pages are taken from the served release. */
      reused: Record<RecordKind, string[]>;
      /** Records changed since the served release: added, changed, removed. */
      changed: { added: number; changed: number; removed: number };
      pagesToRender: number | null;
    };

/** "products/tra-o-long" → ["products", "tra-o-long"]; null for a key of no record kind. */
export function splitRecordKey(key: string): [RecordKind, string] | null {
  const slash = key.indexOf('/');
  const kind = key.slice(0, slash) as RecordKind;
  return slash > 0 && RECORD_KINDS.includes(kind) ? [kind, key.slice(slash + 1)] : null;
}

/** The files of a record page in a release's client folder: ("producers", "htx-tra") → both languages' index.html. */
export function recordPageFiles(kind: RecordKind, key: string): string[] {
  return [`${kind}/${key}/index.html`, `en/${kind}/${key}/index.html`];
}

/** The site paths of a record page (what the sitemap lists): ("verify", "AB12") → ["/verify/AB12/", "/en/verify/AB12/"]. */
export function recordPagePaths(kind: RecordKind, key: string): string[] {
  return [`/${kind}/${key}/`, `/en/${kind}/${key}/`];
}

const emptyKinds = (): Record<RecordKind, string[]> => ({ products: [], producers: [], verify: [] });

/** Pages a build renders: every record page twice (two languages) plus the other pages, when known. */
const pagesOf = (recordKeys: number, other: number | undefined) => (other === undefined ? null : recordKeys * 2 + other);

/**
 * What the next release needs, from the served release's record (null when there is none, or no release) and
 * the record of the data and code as they are now. Pure: the same two records always give the same plan.
 */
export function planRender(previous: RenderRecord | null | 'no-release', current: RenderRecord): RenderPlan {
  const records = Object.keys(current.pages).length;
  const full = (reason: FullReason): RenderPlan => ({
    mode: 'full',
    reason,
    records,
    pagesToRender: pagesOf(records, previous !== null && previous !== 'no-release' ? previous.otherPages : undefined),
  });
  if (previous === 'no-release') return full('no-release');
  if (previous === null) return full('no-record');
  if (previous.version !== current.version) return full('format');
  if (previous.code !== current.code) return full('code');
  if (previous.site !== current.site) return full('site');
  const render = emptyKinds();
  const reused = emptyKinds();
  const changed = { added: 0, changed: 0, removed: 0 };
  for (const [key, fingerprint] of Object.entries(current.pages)) {
    const split = splitRecordKey(key);
    if (!split) return full('format');
    const before = previous.pages[key];
    if (before === fingerprint) reused[split[0]].push(split[1]);
    else {
      render[split[0]].push(split[1]);
      if (before === undefined) changed.added++;
      else changed.changed++;
    }
  }
  for (const key of Object.keys(previous.pages)) if (!(key in current.pages)) changed.removed++;
  const rendered = RECORD_KINDS.reduce((n, kind) => n + render[kind].length, 0);
  return { mode: 'incremental', render, reused, changed, pagesToRender: pagesOf(rendered, previous.otherPages) };
}

/** Records changed since the served release, as the admin counts them (every record in a full build without a record). */
export function changedRecords(plan: RenderPlan): number | null {
  if (plan.mode === 'incremental') return plan.changed.added + plan.changed.changed + plan.changed.removed;
  return plan.reason === 'no-release' ? plan.records : null;
}

/** Why a build is full, in both languages (the CLI prints English, the admin Vietnamese). */
export const FULL_REASONS: Record<FullReason, { vi: string; en: string }> = {
  'no-release': { vi: 'chưa có bản phát hành nào', en: 'there is no release yet' },
  'no-record': {
    vi: 'bản đang phục vụ không có bản ghi phụ thuộc',
    en: 'the served release has no dependency record',
  },
  format: { vi: 'bản ghi phụ thuộc thuộc phiên bản cũ', en: 'the dependency record is of an older format' },
  code: { vi: 'mã nguồn hoặc cấu hình đã thay đổi', en: 'the code or configuration changed' },
  site: { vi: 'địa chỉ trang (SITE_URL) đã thay đổi', en: 'the site address (SITE_URL) changed' },
};

/** One line for the publish log and the admin: "incremental: 3 records changed, 81 pages to render". */
export function describePlan(plan: RenderPlan, locale: 'vi' | 'en'): string {
  const pages = plan.pagesToRender;
  if (plan.mode === 'full') {
    const count = pages === null ? '' : locale === 'vi' ? `, ${pages} trang cần dựng` : `, ${pages} pages to render`;
    return locale === 'vi'
      ? `dựng toàn bộ vì ${FULL_REASONS[plan.reason].vi}${count}`
      : `full build because ${FULL_REASONS[plan.reason].en}${count}`;
  }
  const n = changedRecords(plan) ?? 0;
  const count = pages === null ? '' : locale === 'vi' ? `, ${pages} trang cần dựng` : `, ${pages} pages to render`;
  return locale === 'vi'
    ? `dựng phần thay đổi: ${n} bản ghi thay đổi${count}`
    : `incremental: ${n} record${n === 1 ? '' : 's'} changed${count}`;
}

/** ANSI colour codes, which Astro adds when it thinks it writes to a terminal. */
const ANSI = new RegExp(String.raw`\u001b\[[0-9;]*m`, 'g');

/** True for the line Astro prints as it renders an HTML page: "  ├─ /products/tra-o-long/index.html" (progress, #19.6). */
export function isRenderedPageLine(line: string): boolean {
  return /[├└]─ \S*\.html\b/.test(line.replace(ANSI, ''));
}
