import { getDatabase } from '../db/client.ts';
import { listNewestCertifications } from '../db/queries/catalogue.ts';
import { describeCertification } from '../domain/certification-display.ts';
import { atomFeed } from '../domain/feed.ts';
import { localizePath, type Locale } from '../domain/i18n.ts';
import { provinceWithSuccessor } from '../domain/provinces.ts';
import { formatRegistryCode } from '../domain/registry-code.ts';
import { t } from '../domain/ui-strings.ts';
import { todayIso } from '../domain/validity.ts';

/** The Atom feed of the newest certifications, one entry per certification. */
export async function certificationFeed(locale: Locale, site: URL): Promise<Response> {
  const { db } = await getDatabase();
  const certs = await listNewestCertifications(db, 100);
  const today = todayIso();
  const s = t(locale);
  const abs = (path: string) => new URL(localizePath(path, locale), site).href;
  const entries = certs.map((c) => {
    const d = describeCertification(c, today, locale);
    return {
      id: abs(`/verify/${c.registryCode}/`),
      title: `${c.productName} — ${d.levelLabel} ${c.roundYear}`,
      url: abs(`/products/${c.productSlug}/`),
      updated: new Date(c.updatedAt).toISOString(),
      summary: [
        provinceWithSuccessor(c.provinceName, c.currentProvinceName, locale),
        c.decisionNo,
        `${s.registryCode} ${formatRegistryCode(c.registryCode)}`,
        d.statusLabel,
      ]
        .filter(Boolean)
        .join(' · '),
    };
  });
  const updated =
    entries
      .map((e) => e.updated)
      .sort()
      .at(-1) ?? new Date(0).toISOString();
  const xml = atomFeed({
    id: abs('/feed.xml'),
    title: s.feedTitle,
    subtitle: s.siteDescription,
    selfUrl: abs('/feed.xml'),
    siteUrl: abs('/'),
    lang: locale,
    updated,
    entries,
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
}
