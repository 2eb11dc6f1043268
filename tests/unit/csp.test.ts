import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  headerPolicyOf,
  HIDE_NO_SCRIPT_NOTICE,
  INLINE_SCRIPTS,
  inlineScriptsOf,
  inlineStylesOf,
  metaPolicyOf,
  cspHash,
  sourcesOf,
} from '#domain/csp.ts';

describe('cspHash', () => {
  it("hashes 'a' to the SHA-256 a browser computes", () => {
    expect(cspHash('a')).toBe('sha256-ypeBEsobvcr6wjGzmiPcTaeG7/gUfE5yuYB3ha/uSLs=');
  });

  it('hashes the UTF-8 bytes, so Vietnamese text in a script is hashed as the browser sees it', () => {
    expect(cspHash('"Đồng Tháp"')).not.toBe(cspHash('"Đồng Tháp"'.normalize('NFD')));
    expect(cspHash('"Đồng Tháp"')).toBe(`sha256-${createHash('sha256').update(Buffer.from('"Đồng Tháp"', 'utf8')).digest('base64')}`);
  });

  it('lists the search page notice among the scripts Astro does not hash', () => {
    expect(INLINE_SCRIPTS).toContain(HIDE_NO_SCRIPT_NOTICE);
  });
});

describe('metaPolicyOf', () => {
  it('reads the policy of the meta tag as Astro writes it', () => {
    const html = `<head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' 'sha256-x='"></head>`;
    expect(metaPolicyOf(html)).toBe("default-src 'self'; script-src 'self' 'sha256-x='");
  });

  it('decodes entities and accepts any case and attribute order', () => {
    const html = `<META content="script-src &#39;self&#39; &#x27;sha256-y=&#x27;" HTTP-EQUIV='Content-Security-Policy'>`;
    expect(metaPolicyOf(html)).toBe("script-src 'self' 'sha256-y='");
  });

  it('is null for a page without one, and ignores other meta tags', () => {
    expect(metaPolicyOf('<meta name="description" content="Trà Thái Nguyên">')).toBeNull();
    expect(metaPolicyOf('')).toBeNull();
  });
});

describe('headerPolicyOf', () => {
  it('adds frame-ancestors, which a meta tag cannot carry, to the page policy', () => {
    expect(headerPolicyOf("default-src 'self';script-src 'self' 'sha256-x=';")).toBe(
      "default-src 'self'; script-src 'self' 'sha256-x='; frame-ancestors 'none'",
    );
  });

  it('is frame-ancestors alone for a response without a page policy', () => {
    expect(headerPolicyOf(null)).toBe("frame-ancestors 'none'");
  });
});

describe('sourcesOf', () => {
  it('lists the sources of one directive', () => {
    expect(sourcesOf("default-src 'self'; script-src 'self' 'sha256-x='", 'script-src')).toEqual(["'self'", "'sha256-x='"]);
  });

  it('is empty when the directive is absent', () => {
    expect(sourcesOf("default-src 'self'", 'script-src')).toEqual([]);
  });
});

describe('inlineStylesOf', () => {
  it('finds every style element with its exact text', () => {
    expect(inlineStylesOf('<style>a{}</style><p>x</p><style media="print">@page { margin: 1cm }</style>')).toEqual([
      'a{}',
      '@page { margin: 1cm }',
    ]);
  });
});

describe('inlineScriptsOf', () => {
  it('finds classic and module inline scripts, with their exact text', () => {
    const html = '<script>a()</script><script type="module">b()\n</script><script type=text/javascript>c()</script>';
    expect(inlineScriptsOf(html)).toEqual(['a()', 'b()\n', 'c()']);
  });

  it('leaves out data blocks (JSON-LD, JSON) and scripts loaded by src', () => {
    const html =
      '<script type="application/ld+json">{"name":"Nước mắm Phú Quốc"}</script>' +
      '<script type="application/json" id="s">{"a":1}</script>' +
      '<script type="module" src="/_astro/x.js"></script>';
    expect(inlineScriptsOf(html)).toEqual([]);
  });
});
