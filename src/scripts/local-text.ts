/** Language-tagged text in the islands (#18.2): the browser twin of src/components/LocalText.astro. */
import type { Locale } from '#domain/i18n.ts';
import type { LocalText } from '#domain/local-text.ts';
import { marked } from './dom.ts';

/** Nodes for the parts, each part not in the page's language in a span with its lang; matched words marked. */
export function localNodes(parts: LocalText | readonly LocalText[], locale: Locale, query = ''): Node[] {
  const list: readonly LocalText[] = 'text' in parts ? [parts] : parts;
  return list.flatMap((part) => {
    const nodes = marked(part.text, query);
    if (part.lang === locale) return nodes;
    const span = document.createElement('span');
    span.lang = part.lang;
    span.append(...nodes);
    return [span];
  });
}
