/**
 * The change log as Atom entries (issue #9): one entry per release (what it published, in counts) and
 * one per change of a certification, in Vietnamese or English. Pure: the server reads the log.
 */
import {
  CHANGE_KINDS,
  type ChangeEvent,
  type ChangeKind,
  type ChangeLog,
  type ComparedField,
  type DecisionState,
  type ReleaseChanges,
} from './change-log.ts';
import type { FeedEntry } from './atom.ts';
import { formatCount, formatDate, type Locale } from './i18n.ts';
import { levelLabel, type CertificationLevel, type RegionCode } from './levels.ts';
import { provinceWithSuccessor } from './provinces.ts';
import { formatRegistryCode } from './registry-code.ts';
import { vietnamClock } from './validity.ts';

/** The newest entries a feed holds (readers poll it; the whole history is /data/changes.json). */
export const FEED_ENTRIES = 200;

const KIND_WORDS: Record<ChangeKind, { vi: string; en: string }> = {
  added: { vi: 'Công nhận mới', en: 'Added' },
  changed: { vi: 'Sửa thông tin', en: 'Changed' },
  expired: { vi: 'Hết hiệu lực', en: 'Expired' },
  revoked: { vi: 'Thu hồi', en: 'Revoked' },
  reinstated: { vi: 'Khôi phục', en: 'Reinstated' },
  withdrawn: { vi: 'Gỡ khỏi danh bạ', en: 'Withdrawn from the registry' },
};

/** Counted in a release's summary: "3 công nhận mới", "1 revoked". */
const KIND_COUNTS: Record<ChangeKind, { vi: readonly [string, string]; en: readonly [string, string] }> = {
  added: { vi: ['chứng nhận mới', 'chứng nhận mới'], en: ['added', 'added'] },
  changed: { vi: ['chứng nhận sửa', 'chứng nhận sửa'], en: ['changed', 'changed'] },
  expired: { vi: ['hết hiệu lực', 'hết hiệu lực'], en: ['expired', 'expired'] },
  revoked: { vi: ['thu hồi', 'thu hồi'], en: ['revoked', 'revoked'] },
  reinstated: { vi: ['khôi phục', 'khôi phục'], en: ['reinstated', 'reinstated'] },
  withdrawn: { vi: ['gỡ khỏi danh bạ', 'gỡ khỏi danh bạ'], en: ['withdrawn', 'withdrawn'] },
};

const FIELD_WORDS: Record<ComparedField, { vi: string; en: string }> = {
  product: { vi: 'tên sản phẩm', en: 'product name' },
  productSlug: { vi: 'địa chỉ trang sản phẩm', en: 'product page' },
  level: { vi: 'cấp', en: 'level' },
  region: { vi: 'khu vực', en: 'region' },
  roundYear: { vi: 'năm', en: 'year' },
  province: { vi: 'tỉnh', en: 'province' },
  currentProvince: { vi: 'tỉnh hiện nay', en: 'current province' },
  decisionNo: { vi: 'số quyết định', en: 'decision number' },
  decision: { vi: 'quyết định công nhận', en: 'recognition decision' },
  decisionDate: { vi: 'ngày quyết định', en: 'decision date' },
  certificateNo: { vi: 'số giấy chứng nhận', en: 'certificate number' },
  issuer: { vi: 'cơ quan cấp', en: 'issuer' },
  score: { vi: 'điểm', en: 'score' },
  awardTier: { vi: 'hạng', en: 'tier' },
  validUntil: { vi: 'hiệu lực đến', en: 'valid until' },
  sourceUrl: { vi: 'nguồn', en: 'source' },
};

const WORDS = {
  release: { vi: 'Bản phát hành', en: 'Release' },
  baseline: {
    vi: 'bản đầu tiên của nhật ký thay đổi; các bản sau ghi từng chứng nhận mới, sửa, hết hiệu lực hoặc thu hồi',
    en: 'the first release of the change log; later releases list each certification added, changed, expired or revoked',
  },
  noChanges: { vi: 'không có thay đổi về chứng nhận', en: 'no change to any certification' },
  published: { vi: ['chứng nhận được công bố', 'chứng nhận được công bố'], en: ['certification published', 'certifications published'] },
  code: { vi: 'Mã tra cứu', en: 'Registry code' },
  newDecision: { vi: 'Quyết định mới', en: 'New decision' },
  decisionsAdded: { vi: ['quyết định mới', 'quyết định mới'], en: ['new decision', 'new decisions'] },
  none: { vi: '(trống)', en: '(none)' },
} as const;

export interface FeedLinks {
  /** An absolute URL of a site path in the feed's language. */
  page: (path: string) => string;
  /** A permanent id: tag URI or absolute URL. */
  id: (...parts: string[]) => string;
}

function value(v: string | number | null, field: ComparedField, locale: Locale): string {
  if (v === null || v === '') return WORDS.none[locale];
  if ((field === 'validUntil' || field === 'decisionDate') && typeof v === 'string') return formatDate(v, locale);
  if (field === 'level') return levelLabel({ level: v as CertificationLevel, region: null }, locale);
  return String(v);
}

function eventEntry(release: ReleaseChanges, event: ChangeEvent, locale: Locale, links: FeedLinks): FeedEntry {
  const c = event.certification;
  const level = levelLabel({ level: c.level as CertificationLevel, region: c.region as RegionCode | null }, locale);
  const changes = event.fields.map(
    (f) => `${FIELD_WORDS[f.field][locale]}: ${value(f.from, f.field, locale)} → ${value(f.to, f.field, locale)}`,
  );
  const facts = [
    provinceWithSuccessor(c.province, c.currentProvince, locale),
    c.decisionNo,
    event.kind === 'expired' && c.validUntil ? `${FIELD_WORDS.validUntil[locale]} ${formatDate(c.validUntil, locale)}` : null,
    `${WORDS.code[locale]} ${formatRegistryCode(event.code)}`,
  ];
  return {
    id: links.id('release', release.release, event.code, event.kind),
    title: `${KIND_WORDS[event.kind][locale]}: ${c.product} — ${level} ${c.roundYear}`,
    // A withdrawn certification has no page any more: its entry points at the release's log.
    url: event.kind === 'withdrawn' ? links.page('/data/') : links.page(`/products/${c.productSlug}/`),
    updated: release.date,
    summary: [...changes, ...facts].filter(Boolean).join(' · '),
  };
}

/** When a release's data was taken, in Vietnam (UTC+7): "04/12/2026 01:48", "4 Dec 2026 01:48". */
function releaseTime(iso: string, locale: Locale): string {
  const vietnam = vietnamClock(new Date(iso));
  return `${formatDate(vietnam.slice(0, 10), locale)} ${vietnam.slice(11, 16)}`;
}

/** "Bản phát hành 04/12/2026 01:48: 2 chứng nhận mới, 1 thu hồi", its summary the number published. */
function releaseEntry(release: ReleaseChanges, locale: Locale, links: FeedLinks): FeedEntry {
  const day = releaseTime(release.date, locale);
  const counted = CHANGE_KINDS.filter((k) => release.counts[k] > 0).map((k) =>
    formatCount(release.counts[k], locale, KIND_COUNTS[k][locale]),
  );
  const decisions = release.decisionsAdded?.length ?? 0;
  if (decisions > 0) counted.push(formatCount(decisions, locale, WORDS.decisionsAdded[locale]));
  const what = release.baseline ? WORDS.baseline[locale] : counted.length > 0 ? counted.join(', ') : WORDS.noChanges[locale];
  return {
    id: links.id('release', release.release),
    title: `${WORDS.release[locale]} ${day}: ${what}`,
    url: links.page('/data/'),
    updated: release.date,
    summary: `${formatCount(release.certifications, locale, WORDS.published[locale])} (${release.release}).`,
  };
}

/** "Quyết định mới: 3116/QĐ-BCT — Cấp quốc gia 2023", pointing at the decision's page. */
function decisionEntry(release: ReleaseChanges, d: DecisionState, locale: Locale, links: FeedLinks): FeedEntry {
  const level = levelLabel({ level: d.level as CertificationLevel, region: d.region as RegionCode | null }, locale);
  return {
    id: links.id('release', release.release, 'decision', d.slug),
    title: `${WORDS.newDecision[locale]}: ${d.number} — ${level} ${d.roundYear}`,
    url: links.page(`/decisions/${d.slug}/`),
    updated: release.date,
    summary: `${d.number} · ${level} ${d.roundYear}`,
  };
}

/** The feed's entries, newest release first: each release's summary, then its events; at most `limit`. */
export function changeFeedEntries(log: ChangeLog, locale: Locale, links: FeedLinks, limit = FEED_ENTRIES): FeedEntry[] {
  const entries: FeedEntry[] = [];
  for (const release of log.releases) {
    entries.push(releaseEntry(release, locale, links));
    for (const d of release.decisionsAdded ?? []) entries.push(decisionEntry(release, d, locale, links));
    for (const event of release.events) entries.push(eventEntry(release, event, locale, links));
    if (entries.length >= limit) break;
  }
  return entries.slice(0, limit);
}
