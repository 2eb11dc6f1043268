import { describe, expect, it } from 'vitest';
import { atomFeed, escapeXml } from '#domain/atom.ts';

const base = {
  id: 'https://e.vn/feed.xml',
  title: 'Chứng nhận mới',
  subtitle: 'S',
  selfUrl: 'https://e.vn/feed.xml',
  siteUrl: 'https://e.vn/',
  lang: 'vi' as const,
  updated: '2026-11-22T00:00:00.000Z',
};

describe('escapeXml', () => {
  it('escapes markup characters and keeps Vietnamese', () => {
    expect(escapeXml(`Trà "Ô" & <Long> 'x'`)).toBe('Trà &quot;Ô&quot; &amp; &lt;Long&gt; &apos;x&apos;');
  });

  it('drops control characters XML does not allow', () => {
    expect(escapeXml('a\u0000b\u0007c\td\n')).toBe('abc\td\n');
  });
});

describe('atomFeed', () => {
  it('writes one escaped entry per item', () => {
    const xml = atomFeed({
      ...base,
      entries: [
        {
          id: 'https://e.vn/verify/A/',
          title: 'Trà & <Ô Long>',
          url: 'https://e.vn/products/tra/?a=1&b=2',
          updated: base.updated,
          summary: 'Lạng Sơn',
        },
        { id: 'https://e.vn/verify/B/', title: 'Bún ngô', url: 'https://e.vn/products/bun-ngo/', updated: base.updated, summary: '' },
      ],
    });
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    expect(xml.match(/<entry>/g)).toHaveLength(2);
    expect(xml.match(/<\/entry>/g)).toHaveLength(2);
    expect(xml).toContain('<title>Trà &amp; &lt;Ô Long&gt;</title>');
    expect(xml).toContain('href="https://e.vn/products/tra/?a=1&amp;b=2"');
    expect(xml).toContain('xml:lang="vi"');
  });

  it('is a valid empty feed without entries', () => {
    const xml = atomFeed({ ...base, entries: [] });
    expect(xml).not.toContain('<entry>');
    expect(xml.trim().endsWith('</feed>')).toBe(true);
  });
});
