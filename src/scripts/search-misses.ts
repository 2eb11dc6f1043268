/**
 * The zero-result help of the search page, loaded only when a query finds nothing (a dynamic import, so
 * the glossary and province names cost nothing until then): near queries that find something, and a
 * plain word for a province with nothing in the registry yet. See src/domain/search/misses.ts.
 */
import type { Locale } from '#domain/i18n.ts';
import { MISS_WORDS, suggestionNote } from '#domain/search/miss-strings.ts';
import { missHelp } from '#domain/search/misses.ts';
import { el } from './dom.ts';
import { loadMissData } from './search-province-note.ts';

export interface MissHelpOptions {
  q: string;
  locale: Locale;
  /** Where the product search files live ("/search/products/"). */
  base: string;
  /** The heading of the suggestions ("Có phải bạn muốn tìm:"). */
  heading: string;
  /** How many products a query finds with the filters chosen. */
  count: (query: string) => Promise<number>;
  /** The address of the search page for a query, with the filters chosen. */
  hrefOf: (query: string) => string;
}

/** The paragraphs of help for a query that found nothing; none when the help data cannot be fetched. */
export async function missHelpNodes(options: MissHelpOptions): Promise<Node[]> {
  const data = await loadMissData(options.base).catch(() => undefined);
  if (!data) return [];
  const help = await missHelp(options.q, data, options.count);
  const nodes: Node[] = help.emptyProvinces.map((p) => el('p', {}, MISS_WORDS[options.locale].emptyProvince(p)));
  if (help.suggestions.length > 0) {
    const list = el(
      'ul',
      { className: 'miss-suggestions' },
      ...help.suggestions.map((s) => {
        const link = el('a', { href: options.hrefOf(s.query) }, s.query);
        link.dataset['navigate'] = '';
        return el('li', {}, link, el('span', { className: 'meta' }, ` — ${suggestionNote(s, options.locale)}`));
      }),
    );
    nodes.push(el('p', {}, options.heading), list);
  }
  return nodes;
}
