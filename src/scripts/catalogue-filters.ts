/**
 * The catalogue's filter island: combines facets, sorts and pages in the browser and keeps the state
 * in the URL (?level=national&province=bac-ninh&sort=name). Without JavaScript the same links lead to
 * prerendered single-facet pages, so nothing here is needed to browse.
 */
import {
  countFacets,
  FACETS,
  filterItems,
  paginate,
  parseSelection,
  selectionToQuery,
  sortItems,
  type CatalogueItem,
  type FacetKey,
  type Selection,
  type SortOrder,
} from '#domain/listing.ts';
import { foldVietnamese } from '#domain/text.ts';
import { el, productCard } from './dom.ts';
import { armFilterPanel } from './filter-panel.ts';

export interface CataloguePayload {
  items: CatalogueItem[];
  labels: Record<FacetKey, Record<string, string>>;
  strings: Record<'certifications' | 'unknownProducer' | 'resultsCount' | 'removeFilter' | 'search' | 'pageOf' | 'pagination', string>;
  productBase: string;
  listPath: string;
}

interface State {
  selection: Selection;
  sort: SortOrder;
  page: number;
  q: string;
}

const $ = <T extends Element>(root: ParentNode, selector: string) => root.querySelector<T>(selector);

function readState(listPath: string): State {
  const params = new URLSearchParams(location.search);
  const { selection, sort, page } = parseSelection(params);
  // A prerendered listing's own path says what it shows: /products/<facet>/<value>/page/<n>/.
  const segments = location.pathname.slice(listPath.length).split('/').filter(Boolean);
  const pageAt = segments.indexOf('page');
  const pathPage = pageAt >= 0 ? Number(segments[pageAt + 1]) : 1;
  const [facet, value] = pageAt === 0 ? [] : segments;
  if (facet && value && (FACETS as readonly string[]).includes(facet) && !selection[facet as FacetKey])
    selection[facet as FacetKey] = decodeURIComponent(value);
  return { selection, sort, page: location.search ? page : pathPage || 1, q: params.get('q')?.trim() ?? '' };
}

/** Every typed word starts a word of the name, producer or province (marks and case ignored). */
function matchesQuery(item: CatalogueItem, q: string): boolean {
  const words = foldVietnamese([item.name, item.establishmentName ?? '', item.provinceName, item.currentProvinceName].join(' ')).split(
    /[^a-z0-9]+/,
  );
  return foldVietnamese(q)
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .every((typed) => words.some((word) => word.startsWith(typed)));
}

/** Wires the island to the catalogue on this page, if there is one. */
export function startCatalogue(): void {
  const root = document.querySelector<HTMLElement>('[data-catalogue]');
  if (!root) return;
  const locale = root.dataset['locale'] === 'en' ? 'en' : 'vi';
  let data: CataloguePayload | undefined;
  const load = fetch(root.dataset['json']!).then(async (r) => (data = (await r.json()) as CataloguePayload));

  // The filters start folded behind one button so that phones see results first; wide screens open them.
  const showFilterState = armFilterPanel(root, locale);

  const sortBox = $<HTMLLabelElement>(root, '[data-sort]')!;
  const sortSelect = $<HTMLSelectElement>(sortBox, 'select')!;
  sortBox.hidden = false;

  const urlOf = (state: State) => {
    const params = new URLSearchParams(selectionToQuery(state.selection, state.sort, state.page));
    if (state.q) params.set('q', state.q);
    const query = params.toString();
    return `${data!.listPath}${query ? `?${query}` : ''}`;
  };
  const go = (state: State) => {
    history.pushState(null, '', urlOf(state));
    render(state);
  };

  const render = (state: State) => {
    if (!data) return;
    sortSelect.value = state.sort;
    const pool = state.q ? data.items.filter((i) => matchesQuery(i, state.q)) : data.items;
    const matching = sortItems(filterItems(pool, state.selection), state.sort);
    const { items, pages } = paginate(matching, Math.min(state.page, Math.max(1, Math.ceil(matching.length / 24))));
    $(root, '[data-results]')!.replaceChildren(...items.map((item) => productCard(item, data!, locale, 'h2')));
    $(root, '[data-results-count]')!.textContent = `${matching.length} ${data.strings.resultsCount}`;
    $<HTMLElement>(root, '[data-no-results]')!.hidden = matching.length > 0;

    const counts = countFacets(pool, state.selection);
    for (const link of root.querySelectorAll<HTMLAnchorElement>('a[data-facet]')) {
      const facet = link.dataset['facet'] as FacetKey;
      const value = link.dataset['value']!;
      const count = counts[facet].get(value) ?? 0;
      $(link, '[data-count]')!.textContent = String(count);
      link.toggleAttribute('data-empty', count === 0);
      if (state.selection[facet] === value) {
        link.setAttribute('aria-current', 'true');
        const details = link.closest('details');
        if (details) details.open = true;
      } else link.removeAttribute('aria-current');
    }

    const chips = $<HTMLUListElement>(root, '[data-chips]')!;
    chips.replaceChildren(
      ...FACETS.filter((f) => state.selection[f]).map((f) => {
        const label = data!.labels[f][state.selection[f]!] ?? state.selection[f]!;
        const link = el('a', { href: '#' }, `${label} ✕`);
        link.setAttribute('aria-label', `${data!.strings.removeFilter}: ${label}`);
        link.addEventListener('click', (event) => {
          event.preventDefault();
          const selection = { ...state.selection };
          delete selection[f];
          go({ ...state, selection, page: 1 });
        });
        return el('li', {}, link);
      }),
      ...(state.q
        ? [
            el(
              'li',
              {},
              Object.assign(el('a', { href: '#' }, `${data.strings.search}: “${state.q}” ✕`), {
                onclick: (event: Event) => {
                  event.preventDefault();
                  go({ ...state, q: '' });
                },
              }),
            ),
          ]
        : []),
    );
    const active = chips.childElementCount;
    // One filter or more: "clear all" leads back to the whole catalogue (a real link, as without JavaScript).
    const clear = el('a', { href: data.listPath, className: 'chips-clear' }, chips.dataset['clearText']!);
    clear.addEventListener('click', (event) => {
      event.preventDefault();
      go({ ...state, selection: {}, q: '', page: 1 });
    });
    if (active > 0) chips.append(el('li', {}, clear));
    chips.hidden = active === 0;
    showFilterState(active, matching.length);

    const pager = $<HTMLElement>(root, '[data-server-pagination]')!;
    pager.replaceChildren();
    if (pages > 1) {
      const list = el('ul');
      for (let n = 1; n <= pages; n++) {
        const link = el('a', { href: urlOf({ ...state, page: n }) }, String(n));
        if (n === Math.min(state.page, pages)) link.setAttribute('aria-current', 'page');
        link.addEventListener('click', (event) => {
          event.preventDefault();
          go({ ...state, page: n });
          root.scrollIntoView();
        });
        list.append(el('li', {}, link));
      }
      const nav = el('nav', { className: 'pagination' }, list);
      nav.setAttribute('aria-label', data.strings.pagination);
      pager.append(nav);
    }
  };

  root.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-facet]');
    if (!link || !data || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    const state = readState(data.listPath);
    const facet = link.dataset['facet'] as FacetKey;
    const value = link.dataset['value']!;
    const selection = { ...state.selection };
    if (selection[facet] === value) delete selection[facet];
    else selection[facet] = value;
    go({ ...state, selection, page: 1 });
  });
  sortSelect.addEventListener('change', () => {
    if (data) go({ ...readState(data.listPath), sort: sortSelect.value === 'name' ? 'name' : 'newest', page: 1 });
  });
  addEventListener('popstate', () => data && render(readState(data.listPath)));

  void load.then(() => {
    // The prerendered page already shows its own state; redraw only to combine, sort or search.
    if (location.search || location.pathname !== data!.listPath) render(readState(data!.listPath));
  });
}
