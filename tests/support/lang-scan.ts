/**
 * Finds Vietnamese text that an English page does not mark as Vietnamese (#18.2): text nodes holding
 * Vietnamese letters (a combining mark once decomposed, or đ) with no ancestor whose lang is "vi".
 * Runs in the browser through page.evaluate, so it must be self-contained.
 */
export function unmarkedVietnamese(): string[] {
  const found: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    if (!/[\u0300-\u036f]|đ|Đ/.test(text.normalize('NFD'))) continue;
    const parent = node.parentElement;
    if (!parent || parent.closest('script, style, noscript, template')) continue;
    const lang = parent.closest('[lang]')?.getAttribute('lang') ?? '';
    if (!/^vi\b/i.test(lang)) found.push(`${parent.tagName.toLowerCase()}: ${text.trim().slice(0, 80)}`);
  }
  return found;
}
