import { foldVietnamese, normalizeText } from './text.ts';

export type ProductKind = 'single' | 'set';

/**
 * Reads a product name as an official list writes it: "Bộ sản phẩm …" (or "Product set: …") marks a
 * set, and a list in parentheses or after the colon names its items.
 * "Bộ sản phẩm bản lề cửa (Bản lề A; Bản lề B)" → { kind: 'set', items: ['Bản lề A', 'Bản lề B'] }.
 */
export function parseProductName(raw: string): { name: string; kind: ProductKind; items: string[] } {
  const name = normalizeText(raw);
  const folded = foldVietnamese(name);
  const isSet = /^(bo san pham|product set)\b/.test(folded);
  if (!isSet) return { name, kind: 'single', items: [] };
  const inParens = /\(([^()]+)\)\s*$/.exec(name)?.[1];
  const afterColon = /^[^:]+:(.+)$/.exec(name)?.[1];
  const list = inParens ?? afterColon;
  if (!list) return { name, kind: 'set', items: [] };
  const separator = list.includes(';') ? ';' : ',';
  const items = list
    .split(separator)
    .map((item) => normalizeText(item))
    .filter((item) => item.length > 0);
  return { name, kind: 'set', items: items.length > 1 ? items : [] };
}
