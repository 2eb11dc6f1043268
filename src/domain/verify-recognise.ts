/**
 * Recognises, in a search query, something the verification page answers better than the product
 * search: a decision number or a registry code. Runs in the browser (header combobox, /search/), so it
 * imports only small pure modules, never node:crypto (src/domain/registry-code.ts makes codes with it).
 */
import { parseDecisionNumber } from './decision-number.ts';
import type { Locale } from './i18n.ts';
import { looksLikeRegistryCode, normalizeRegistryCode } from './registry-code-check.ts';

export interface VerifyOffer {
  kind: 'decision' | 'code';
  /** The offer's text: "Tra cứu quyết định 3116/QĐ-BCT →". */
  label: string;
  /** The verification answer's address: "/verify/?q=3116%2FQ%C4%90-BCT". */
  href: string;
}

const LABELS = {
  decision: { vi: 'Tra cứu quyết định', en: 'Verify decision' },
  code: { vi: 'Tra cứu mã', en: 'Verify code' },
} as const;

/**
 * The verification offer for a query that reads as a decision number (with "QĐ" or an issuer: a bare
 * number is more likely a year or a count) or as a registry code; null otherwise.
 * recogniseVerifiable('3116/QD-BCT', 'vi') → { kind: 'decision', label: 'Tra cứu quyết định 3116/QD-BCT →', href: '/verify/?q=3116%2FQD-BCT' }
 */
export function recogniseVerifiable(query: string, locale: Locale): VerifyOffer | null {
  const q = query.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (!q || q.length > 80) return null;
  const href = `${locale === 'en' ? '/en' : ''}/verify/?q=${encodeURIComponent(q)}`;
  if (looksLikeRegistryCode(q)) {
    const code = normalizeRegistryCode(q);
    return { kind: 'code', label: `${LABELS.code[locale]} ${code.slice(0, 3)}-${code.slice(3, 7)}-${code.slice(7)} →`, href };
  }
  const parsed = parseDecisionNumber(q);
  if (!parsed.ok || !/\d/.test(q)) return null;
  const isShaped = parsed.value.issuer !== null || /(^|[^a-z])q\s*[đd]/i.test(q);
  return isShaped ? { kind: 'decision', label: `${LABELS.decision[locale]} ${q} →`, href } : null;
}
