/**
 * The /search/ page island: loads the prebuilt lunr indexes on first use, searches products and
 * producers as the visitor types, combines the text with catalogue facets kept in the URL, and
 * highlights matched words. Rows are built with DOM methods and textContent, never HTML strings.
 */
import {
  countFacets,
  FACETS,
  filterItems,
  parseSelection,
  selectionToQuery,
  type CatalogueItem,
  type FacetKey,
  type Selection,
} from '../domain/catalogue.ts';
import { PRODUCER_FIELDS, PRODUCT_FIELDS, type ProducerSearchRow } from '../domain/search/documents.ts';
import { loadIndex } from '../domain/search/pipeline.ts';
import { searchIndex } from '../domain/search/query.ts';
import { foldVietnamese, levenshtein } from '../domain/text.ts';
import type { CataloguePayload } from './catalogue-filters.ts';
import { el, marked, productCard } from './dom.ts';

type Strings = Record<
  | 'prompt'
  | 'resultsFor'
  | 'loading'
  | 'nothing'
  | 'tryRemove'
  | 'closeNames'
  | 'tips'
  | 'products'
  | 'producers'
  | 'certifications'
  | 'unknownProducer'
  | 'removeFilter',
  string
>;
interface Loaded {
  products: ReturnType<typeof loadIndex>;
  producers: ReturnType<typeof loadIndex>;
  producerRows: Map<string, ProducerSearchRow>;
  store: CataloguePayload;
  bySlug: Map<string, CatalogueItem>;
}

function readState(): { q: string; selection: Selection } {
  const params = new URLSearchParams(location.search);
  return { q: params.get('q')?.trim() ?? '', selection: parseSelection(params).selection };
}

function urlOf(path: string, q: string, selection: Selection): string {
  const params = new URLSearchParams(selectionToQuery(selection));
  if (q) params.set('q', q);
  const query = params.toString();
  return `${path}${query ? `?${query}` : ''}`;
}

/** The product names closest to what was typed, for "did you mean". */
function closeNames(items: readonly CatalogueItem[], q: string): CatalogueItem[] {
  const typed = foldVietnamese(q);
  return items
    .map((item) => ({ item, distance: levenshtein(foldVietnamese(item.name).slice(0, typed.length + 2), typed) }))
    .sort((a, b) => a.distance - b.distance)
    .slice(0, 3)
    .filter((c) => c.distance <= Math.max(2, typed.length / 2))
    .map((c) => c.item);
}

/** Wires the search page, if this is it. */
export function startSearchPage(): void {
  const root = document.querySelector<HTMLElement>('[data-search]');
  const input = document.querySelector<HTMLInputElement>('#search-q');
  if (!root || !input) return;
  root.hidden = false;
  for (const note of document.querySelectorAll<HTMLElement>('[data-no-js]')) note.hidden = true;
  if (matchMedia('(min-width: 60rem)').matches)
    for (const details of root.querySelectorAll('details.facet')) details.setAttribute('open', '');
  const locale = root.dataset['locale'] === 'en' ? 'en' : 'vi';
  const strings = JSON.parse(root.dataset['strings']!) as Strings;
  const path = location.pathname;
  const $ = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  const status = $<HTMLElement>('[data-search-status]');
  let loaded: Loaded | undefined;
  let loading: Promise<Loaded> | undefined;

  const load = () =>
    (loading ??= Promise.all(
      [root.dataset['productsIndex']!, root.dataset['producersIndex']!, root.dataset['store']!].map(
        async (url) => (await fetch(url)).json() as Promise<unknown>,
      ),
    ).then(([products, producers, store]) => {
      const producerData = producers as { index: object; rows: ProducerSearchRow[] };
      const payload = store as CataloguePayload;
      loaded = {
        products: loadIndex(products as object),
        producers: loadIndex(producerData.index),
        producerRows: new Map(producerData.rows.map((r) => [r.slug, r])),
        store: payload,
        bySlug: new Map(payload.items.map((i) => [i.slug, i])),
      };
      return loaded;
    }));

  const render = (q: string, selection: Selection) => {
    input.value = q;
    if (!loaded) {
      status.textContent = strings.loading;
      return;
    }
    const data = loaded;
    const productHits = q
      ? searchIndex(
          data.products,
          q,
          PRODUCT_FIELDS.map((f) => f.name),
        ).flatMap((h) => data.bySlug.get(h.ref) ?? [])
      : [];
    const products = filterItems(productHits, selection);
    const hasFacets = FACETS.some((f) => selection[f]);
    const producers =
      q && !hasFacets
        ? searchIndex(
            data.producers,
            q,
            PRODUCER_FIELDS.map((f) => f.name),
          ).flatMap((h) => data.producerRows.get(h.ref) ?? [])
        : [];

    status.textContent = q ? `${products.length + producers.length} ${strings.resultsFor} “${q}”` : strings.prompt;
    $('[data-products-count]').textContent = `(${products.length})`;
    $('[data-producers-count]').textContent = `(${producers.length})`;
    $<HTMLElement>('[data-products-section]').hidden = products.length === 0;
    $<HTMLElement>('[data-producers-section]').hidden = producers.length === 0;
    $('[data-products-results]').replaceChildren(...products.slice(0, 50).map((item) => productCard(item, data.store, locale, 'h3', q)));
    $('[data-producers-results]').replaceChildren(
      ...producers
        .slice(0, 20)
        .map((row) =>
          el(
            'li',
            { className: 'card' },
            el(
              'h3',
              {},
              el('a', { href: `${data.store.productBase.replace('/products/', '/producers/')}${row.slug}/` }, ...marked(row.name, q)),
            ),
            el('p', { className: 'meta' }, [row.legalForm, row.province].filter(Boolean).join(' · ')),
          ),
        ),
    );

    const counts = countFacets(productHits, selection);
    for (const link of root.querySelectorAll<HTMLAnchorElement>('a[data-facet]')) {
      const facet = link.dataset['facet'] as FacetKey;
      const count = counts[facet].get(link.dataset['value']!) ?? 0;
      link.querySelector('[data-count]')!.textContent = String(count);
      link.toggleAttribute('data-empty', count === 0);
      if (selection[facet] === link.dataset['value']) link.setAttribute('aria-current', 'true');
      else link.removeAttribute('aria-current');
    }
    const chips = $<HTMLUListElement>('[data-chips]');
    chips.replaceChildren(
      ...FACETS.filter((f) => selection[f]).map((f) => {
        const rest = { ...selection };
        delete rest[f];
        const label = `${data.store.labels[f][selection[f]!] ?? selection[f]} ✕`;
        const link = el('a', { href: urlOf(path, q, rest) }, label);
        link.setAttribute('aria-label', `${strings.removeFilter}: ${label}`);
        link.dataset['navigate'] = '';
        return el('li', {}, link);
      }),
    );
    chips.hidden = chips.childElementCount === 0;

    const help = $<HTMLElement>('[data-no-results]');
    help.hidden = !q || products.length + producers.length > 0;
    if (!help.hidden) {
      const parts: Node[] = [el('p', {}, `${strings.nothing} “${q}”.`)];
      const removable = FACETS.filter((f) => selection[f]).find((f) => {
        const rest = { ...selection };
        delete rest[f];
        return filterItems(productHits, rest).length > 0;
      });
      if (removable) {
        const rest = { ...selection };
        delete rest[removable];
        const link = el(
          'a',
          { href: urlOf(path, q, rest) },
          `${strings.tryRemove}: ${data.store.labels[removable][selection[removable]!] ?? ''}`,
        );
        link.dataset['navigate'] = '';
        parts.push(el('p', {}, link));
      }
      const close = closeNames(data.store.items, q);
      if (close.length > 0) {
        parts.push(
          el(
            'p',
            {},
            `${strings.closeNames} `,
            ...close.flatMap((item, i) => [i > 0 ? ', ' : '', el('a', { href: `${data.store.productBase}${item.slug}/` }, item.name)]),
          ),
        );
      }
      parts.push(el('p', { className: 'meta' }, strings.tips));
      help.replaceChildren(...parts);
    }
  };

  const go = (q: string, selection: Selection, push: boolean) => {
    const url = urlOf(path, q, selection);
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
    render(q, selection);
  };

  input.form?.addEventListener('submit', (event) => {
    event.preventDefault();
    go(input.value.trim(), readState().selection, true);
  });
  input.addEventListener('input', () => {
    void load().then(() => go(input.value.trim(), readState().selection, false));
  });
  root.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-facet], a[data-navigate]');
    if (!link || event.metaKey || event.ctrlKey) return;
    event.preventDefault();
    const { q, selection } = readState();
    if (link.dataset['facet']) {
      const facet = link.dataset['facet'] as FacetKey;
      const next = { ...selection };
      if (next[facet] === link.dataset['value']) delete next[facet];
      else next[facet] = link.dataset['value']!;
      go(q, next, true);
    } else {
      history.pushState(null, '', link.href);
      const state = readState();
      render(state.q, state.selection);
    }
  });
  addEventListener('popstate', () => {
    const state = readState();
    render(state.q, state.selection);
  });

  const initial = readState();
  render(initial.q, initial.selection);
  if (initial.q || Object.keys(initial.selection).length > 0) void load().then(() => render(initial.q, initial.selection));
  else input.addEventListener('focus', () => void load(), { once: true });
}
