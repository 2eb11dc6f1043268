import { changeFeedEntries } from '#domain/change-log-feed.ts';
import { atomFeed } from '#domain/atom.ts';
import { localizePath, type Locale } from '#domain/i18n.ts';
import { t } from '#domain/ui-strings.ts';
import { buildChangeLog, publicChangeLog } from './release-change-log.ts';

/**
 * /feed.xml and /en/feed.xml: the change feed of certifications (issue #9). Each release is an entry with
 * its counts, followed by one entry per certification it added, changed, expired, revoked, reinstated or
 * withdrew; ids are tag URIs of the site's host, so an entry keeps its id whatever the page it links to.
 */
export async function certificationFeed(locale: Locale, site: URL, prerendering: boolean): Promise<Response> {
  const log = await buildChangeLog(prerendering);
  const s = t(locale);
  const abs = (path: string) => new URL(localizePath(path, locale), site).href;
  const entries = changeFeedEntries(log, locale, {
    page: abs,
    id: (...parts) => `tag:${site.hostname},2026:${locale}/${parts.join('/')}`,
  });
  const xml = atomFeed({
    id: abs('/feed.xml'),
    title: s.feedTitle,
    subtitle: s.feedSubtitle,
    selfUrl: abs('/feed.xml'),
    siteUrl: abs('/data/'),
    lang: locale,
    updated: log.releases[0]?.date ?? new Date(0).toISOString(),
    entries,
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
}

/** /data/changes.json: every kept release's changes, for machines. */
export async function changeLogFile(prerendering: boolean): Promise<Response> {
  const log = await buildChangeLog(prerendering);
  return new Response(`${JSON.stringify(publicChangeLog(log), null, 1)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}
