/** One entry of an Atom feed. */
export interface FeedEntry {
  id: string;
  title: string;
  url: string;
  updated: string;
  summary: string;
}

/** Escapes text for XML and drops characters XML 1.0 forbids: escapeXml('a & <b>') → 'a &amp; &lt;b&gt;'. */
export function escapeXml(s: string): string {
  return (
    s
      // Control characters are exactly what XML 1.0 forbids, so matching them is the point here.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

/** An Atom 1.0 feed document. */
export function atomFeed(feed: {
  id: string;
  title: string;
  subtitle: string;
  selfUrl: string;
  siteUrl: string;
  lang: 'vi' | 'en';
  updated: string;
  entries: readonly FeedEntry[];
}): string {
  const x = escapeXml;
  const entries = feed.entries.map(
    (e) =>
      `  <entry>\n    <id>${x(e.id)}</id>\n    <title>${x(e.title)}</title>\n    <link href="${x(e.url)}"/>\n    <updated>${x(e.updated)}</updated>\n    <summary>${x(e.summary)}</summary>\n  </entry>\n`,
  );
  return (
    `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${feed.lang}">\n` +
    `  <id>${x(feed.id)}</id>\n  <title>${x(feed.title)}</title>\n  <subtitle>${x(feed.subtitle)}</subtitle>\n` +
    `  <link rel="self" type="application/atom+xml" href="${x(feed.selfUrl)}"/>\n  <link rel="alternate" type="text/html" href="${x(feed.siteUrl)}"/>\n` +
    `  <updated>${x(feed.updated)}</updated>\n${entries.join('')}</feed>\n`
  );
}
