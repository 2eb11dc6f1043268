/** Small DOM helpers shared by the islands: nodes are built with textContent, never from HTML strings. */
import type { CardFields } from '#domain/listing.ts';
import { cardParts } from '#domain/local-text.ts';
import { highlight } from '#domain/search/highlight.ts';
import type { CataloguePayload } from './catalogue-filters.ts';
import { localNodes } from './local-text.ts';

/** An element with properties and children. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** Text with the words a query matched wrapped in <mark>; plain text when there is no query. */
export function marked(text: string, query = ''): Node[] {
  if (!query) return [document.createTextNode(text)];
  return highlight(text, query).map((piece) => (piece.match ? el('mark', {}, piece.text) : document.createTextNode(piece.text)));
}

/** A product card as the server renders it (ProductCard.astro), optionally with matched words marked. */
/** What a card needs besides the item: the facet labels, two words and where product pages live. */
export interface CardContext {
  labels: CataloguePayload['labels'];
  strings: Pick<CataloguePayload['strings'], 'certifications' | 'unknownProducer'>;
  productBase: string;
}

export function productCard(item: CardFields, data: CardContext, locale: 'vi' | 'en', heading: 'h2' | 'h3', query = ''): HTMLLIElement {
  const badges = el(
    'ul',
    { className: 'badges' },
    el(
      'li',
      { className: `badge ${item.topLevel === 'national' ? 'national' : ''}` },
      `${data.labels.level[item.topLevel]} ${item.newestYear}`,
    ),
  );
  if (item.status !== 'valid')
    badges.append(el('li', { className: `badge ${item.status}` }, data.labels.status[item.status] ?? item.status));
  if (item.certificationCount > 1)
    badges.append(el('li', { className: 'badge' }, `${item.certificationCount} ${data.strings.certifications}`));
  const { title, meta } = cardParts(item, locale, data.strings.unknownProducer);
  return el(
    'li',
    { className: 'card' },
    el(heading, {}, el('a', { href: `${data.productBase}${item.slug}/` }, ...localNodes(title, locale, query))),
    el('p', { className: 'meta' }, ...localNodes(meta, locale, query)),
    badges,
  );
}
