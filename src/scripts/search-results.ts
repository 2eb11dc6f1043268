/**
 * The rows of the /search/ page (src/scripts/search-page.ts): exhibitor and producer cards, the chips of
 * the chosen facets and the facet counts. Built with DOM methods and textContent, never HTML strings.
 */
import { FACETS, selectionToQuery, type FacetKey, type Selection } from '#domain/listing.ts';
import { joinParts, own, vi } from '#domain/local-text.ts';
import type { ExhibitorSearchRow, ProducerSearchRow } from '#domain/search/documents.ts';
import { el } from './dom.ts';
import { localNodes } from './local-text.ts';
import type { ProductSearch } from './search-client.ts';

type Locale = 'vi' | 'en';
export type Display = ProductSearch['manifest']['display'];

/** The page's address for words and facets. */
export function urlOf(path: string, q: string, selection: Selection): string {
  const params = new URLSearchParams(selectionToQuery(selection));
  if (q) params.set('q', q);
  const query = params.toString();
  return `${path}${query ? `?${query}` : ''}`;
}

/** A link the page follows itself (no reload). */
export function navigating(link: HTMLAnchorElement): HTMLAnchorElement {
  link.dataset['navigate'] = '';
  return link;
}

/** The cards of the exhibitors found, linking to their booth on the fair's page. */
export function exhibitorCards(
  exhibitors: readonly ExhibitorSearchRow[],
  fairBase: string,
  words: { booth: string; sample: string },
  locale: Locale,
  q: string,
): HTMLLIElement[] {
  return exhibitors.map((row) => {
    const parts = joinParts(
      [
        row.booth ? [own(`${words.booth} ${row.booth}`, locale)] : null,
        row.fairName ? [vi(row.fairName)] : null,
        row.province ? [vi(row.province)] : null,
      ],
      ' · ',
      locale,
    );
    const card = el(
      'li',
      { className: 'card' },
      el('h3', {}, el('a', { href: `${fairBase}${row.fairSlug}/#x-${row.id}` }, ...localNodes(vi(row.name), locale, q))),
      el('p', { className: 'meta' }, ...localNodes(parts, locale)),
    );
    if (row.isSample) card.append(el('p', {}, el('span', { className: 'badge sample' }, words.sample)));
    return card;
  });
}

/** The cards of the producers found, linking to their pages. */
export function producerCards(producers: readonly ProducerSearchRow[], producerBase: string, locale: Locale, q: string): HTMLLIElement[] {
  return producers.map((row) =>
    el(
      'li',
      { className: 'card' },
      el('h3', {}, el('a', { href: `${producerBase}${row.slug}/` }, ...localNodes(vi(row.name), locale, q))),
      el(
        'p',
        { className: 'meta' },
        ...localNodes(
          joinParts([row.legalForm ? [own(row.legalForm, locale)] : null, row.province ? [vi(row.province)] : null], ' · ', locale),
          locale,
        ),
      ),
    ),
  );
}

/** Shows one chip per chosen facet (each removes it) and "clear all"; the number of chips. */
export function showChips(
  chips: HTMLUListElement,
  view: { path: string; q: string; selection: Selection; display: Display; removeFilter: string },
): number {
  const { path, q, selection, display } = view;
  chips.replaceChildren(
    ...FACETS.filter((f) => selection[f]).map((f) => {
      const rest = { ...selection };
      delete rest[f];
      const label = display.labels[f][selection[f]!] ?? selection[f]!;
      const link = navigating(el('a', { href: urlOf(path, q, rest) }, `${label} ✕`));
      link.setAttribute('aria-label', `${view.removeFilter}: ${label}`);
      return el('li', {}, link);
    }),
  );
  const active = chips.childElementCount;
  // "Clear all" keeps the words and drops every facet.
  const clear = navigating(el('a', { href: urlOf(path, q, {}), className: 'chips-clear' }, chips.dataset['clearText']!));
  if (active > 0) chips.append(el('li', {}, clear));
  chips.hidden = active === 0;
  return active;
}

/** Writes each facet link's count, marks the empty ones and the chosen ones. */
export function showFacetCounts(root: ParentNode, counts: Record<FacetKey, Map<string, number>>, selection: Selection): void {
  for (const link of root.querySelectorAll<HTMLAnchorElement>('a[data-facet]')) {
    const facet = link.dataset['facet'] as FacetKey;
    const count = counts[facet].get(link.dataset['value']!) ?? 0;
    link.querySelector('[data-count]')!.textContent = String(count);
    link.toggleAttribute('data-empty', count === 0);
    if (selection[facet] === link.dataset['value']) link.setAttribute('aria-current', 'true');
    else link.removeAttribute('aria-current');
  }
}
