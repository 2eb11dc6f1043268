/**
 * What a release must satisfy before it is switched on (R32), as pure functions over its file list and
 * page text: every published entity has its page, internal links lead somewhere, the size is in budget.
 */
import { OPEN_DATA_FILES } from './open-data/catalog.ts';
import { REGIONS } from './levels.ts';
import { productDocumentPath } from './open-data/urls.ts';

/** Root-relative links and sources of a page (href, src, srcset), without query or fragment. */
export function internalLinks(html: string): string[] {
  const found = new Set<string>();
  for (const m of html.matchAll(/\s(?:href|src)="(\/[^"#?]*)[^"]*"/g)) found.add(decodeEntities(m[1]!));
  for (const m of html.matchAll(/\ssrcset="([^"]+)"/g))
    for (const part of m[1]!.split(',')) {
      const url = part.trim().split(/\s+/)[0] ?? '';
      if (url.startsWith('/')) found.add(decodeEntities(url.split(/[?#]/)[0]!));
    }
  // Protocol-relative URLs ("//host/…") are external.
  return [...found].filter((l) => !l.startsWith('//'));
}

const decodeEntities = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"');

/** The file a link needs in the client folder: "/a/" → "a/index.html", "/x.css" → "x.css", "/a" → "a/index.html". */
export function linkTarget(link: string): string {
  let path: string;
  try {
    path = decodeURI(link);
  } catch {
    path = link;
  }
  const trimmed = path.replace(/^\/+/, '');
  if (trimmed === '' || trimmed.endsWith('/')) return `${trimmed}index.html`;
  return /\.[a-z0-9]+$/i.test(trimmed) ? trimmed : `${trimmed}/index.html`;
}

/**
 * Links served by the running server rather than by files, which a release does not hold: the admin,
 * the certificate check form (it reads ?code= on demand), the report-a-mistake form (issue #16) and decisions'
 * uploaded documents (/documents/<hash>.pdf).
 */
export const isOnDemand = (link: string) =>
  /^\/(admin|_actions|_image|documents)(\/|$)/.test(link) || /^\/(en\/)?(verify|report)\/$/.test(link);

export interface ExpectedPages {
  products: readonly string[];
  producers: readonly string[];
  fairs: readonly string[];
  codes: readonly string[];
  /** Published decisions' slugs: with them, /decisions/ and each decision's page are expected too. */
  decisions?: readonly string[];
}

/** The open-data files /data/ offers (one set for both languages). */
const DATA_FILES = OPEN_DATA_FILES.map((f) => `data/${f.name}`);
/** The change feed in both languages and the change log (decision 017). */
const CHANGE_FILES = ['feed.xml', 'en/feed.xml', 'data/changes.json'];

/** The pages every published entity must have, in both languages, the open-data files and each product's JSON document. */
export function expectedPages(e: ExpectedPages): string[] {
  const paths = [
    '',
    'products/',
    'producers/',
    'fairs/',
    'search/',
    'data/',
    'stats/',
    ...REGIONS.map((r) => `stats/${r.code}/`),
    ...e.products.map((s) => `products/${s}/`),
    ...e.producers.map((s) => `producers/${s}/`),
    ...e.fairs.map((s) => `fairs/${s}/`),
    ...e.codes.map((c) => `verify/${c}/`),
    ...(e.decisions ? ['decisions/', ...e.decisions.map((s) => `decisions/${s}/`)] : []),
  ];
  const documents = e.products.flatMap((s) => productDocumentPath(s)?.slice(1) ?? []);
  return [...[...paths, ...paths.map((p) => `en/${p}`)].map((p) => `${p}index.html`), ...DATA_FILES, ...CHANGE_FILES, ...documents];
}

export interface ReleaseProblems {
  missingPages: string[];
  brokenLinks: { page: string; link: string }[];
  overBudget: { bytes: number; budget: number } | null;
  search: string[];
}

export const hasProblems = (p: ReleaseProblems) =>
  p.missingPages.length > 0 || p.brokenLinks.length > 0 || p.overBudget !== null || p.search.length > 0;

/** A short account of what failed, for the publish log and the admin. */
export function describeProblems(p: ReleaseProblems): string[] {
  const lines: string[] = [];
  if (p.missingPages.length > 0)
    lines.push(
      `${p.missingPages.length} trang thiếu / missing pages: ${p.missingPages.slice(0, 10).join(', ')}${p.missingPages.length > 10 ? ', …' : ''}`,
    );
  if (p.brokenLinks.length > 0)
    lines.push(
      `${p.brokenLinks.length} liên kết hỏng / broken links: ${p.brokenLinks
        .slice(0, 10)
        .map((b) => `${b.page} → ${b.link}`)
        .join('; ')}${p.brokenLinks.length > 10 ? '; …' : ''}`,
    );
  if (p.overBudget) lines.push(`vượt dung lượng / over budget: ${p.overBudget.bytes} > ${p.overBudget.budget} bytes`);
  lines.push(...p.search.map((s) => `tìm kiếm / search: ${s}`));
  return lines;
}
