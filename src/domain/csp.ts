/**
 * The public pages' Content Security Policy (#17.5, decision 022).
 *
 * Astro's `security.csp` writes a `<meta http-equiv="content-security-policy">` into every page with the
 * hashes of the scripts and styles it bundles, so a copy of the site on any static host keeps the policy.
 * What Astro does not hash is listed here: the directives beyond script-src/style-src, and the one
 * `is:inline` script (Astro leaves those alone), whose hash astro.config.mjs adds; a style made at render
 * time (the print pages' running footer) adds its own hash through `Astro.csp`. The site server repeats
 * each page's meta policy as a header and adds `frame-ancestors`, which a meta tag cannot carry.
 * JSON-LD and JSON data blocks (`<script type="application/ld+json">`) are never executed, so CSP does not
 * apply to them and they need no hash.
 */
import { createHash } from 'node:crypto';

/** Directives beyond script-src and style-src (which Astro writes with its hashes). */
export const PUBLIC_CSP_DIRECTIVES = [
  "default-src 'self'",
  // Vite inlines small assets (a font subset, an icon) as data: URLs.
  "img-src 'self' data:",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

/** What a header adds to a page's meta policy: the directives a `<meta>` CSP is not allowed to carry. */
export const HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'none'"] as const;

/**
 * The search page's no-JavaScript notice hides itself before it is painted (a module script runs too late
 * and the page would shift). Rendered with `set:html` so that the hashed text is exactly what is sent.
 */
export const HIDE_NO_SCRIPT_NOTICE = 'document.currentScript.previousElementSibling.hidden = true;';

/** Inline scripts that Astro does not hash itself (is:inline). */
export const INLINE_SCRIPTS = [HIDE_NO_SCRIPT_NOTICE] as const;

/**
 * The hash of a script's or style's text as Astro takes it; in a policy it is quoted.
 * cspHash('a') → 'sha256-ypeBEsobvcr6wjGzmiPcTaeG7/gUfE5yuYB3ha/uSLs='
 */
export function cspHash(text: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

const META_CSP = /<meta\b[^>]*\bhttp-equiv\s*=\s*["']?content-security-policy["']?[^>]*>/i;
const CONTENT_ATTRIBUTE = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)')/i;

/** The policy of a page's CSP meta tag, entities decoded; null when the page has none. */
export function metaPolicyOf(html: string): string | null {
  const tag = META_CSP.exec(html)?.[0];
  if (!tag) return null;
  const match = CONTENT_ATTRIBUTE.exec(tag);
  const content = match?.[1] ?? match?.[2];
  return content === undefined ? null : decodeEntities(content).trim();
}

/** The header for a page: its meta policy (or none) plus the header-only directives. */
export function headerPolicyOf(metaPolicy: string | null): string {
  const directives = (metaPolicy ?? '')
    .split(';')
    .map((directive) => directive.trim())
    .filter(Boolean);
  return [...directives, ...HEADER_ONLY_DIRECTIVES].join('; ');
}

/** The sources a policy lists for one directive (empty when absent). */
export function sourcesOf(policy: string, directive: string): string[] {
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name?.toLowerCase() === directive) return sources;
  }
  return [];
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const EXECUTABLE_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);

const STYLE = /<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi;

/** The text of every `<style>` element of a page. */
export function inlineStylesOf(html: string): string[] {
  return [...html.matchAll(STYLE)].map(([, body = '']) => body);
}

/** The text of every inline script in a page that a browser would run (data blocks and src= scripts excluded). */
export function inlineScriptsOf(html: string): string[] {
  const scripts: string[] = [];
  for (const [, attributes = '', body = ''] of html.matchAll(SCRIPT)) {
    if (/\bsrc\s*=/i.test(attributes)) continue;
    const type = /\btype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attributes);
    const value = (type?.[1] ?? type?.[2] ?? type?.[3] ?? '').trim().toLowerCase();
    if (EXECUTABLE_TYPES.has(value)) scripts.push(body);
  }
  return scripts;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
