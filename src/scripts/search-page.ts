/**
 * The /search/ page island: on first use it fetches the product search manifest and the producers' and
 * exhibitors' files; each query then fetches only the term chunks its words reach and the rows of the results shown
 * (see src/domain/search/engine.ts). Facets combine with the text and live in the URL; matched words
 * are highlighted. Rows are built with DOM methods and textContent, never HTML strings.
 */
import { countFacets, FACETS, filterItems, parseSelection, selectionToQuery, type FacetKey, type Selection } from '../domain/catalogue.ts';
import type { CompactChunk, CompactManifest } from '../domain/search/compact.ts';
import type { ExhibitorSearchRow, ProducerSearchRow } from '../domain/search/documents.ts';
import { ChunkedIndex } from '../domain/search/engine.ts';
import { recogniseVerifiable } from '../domain/verify-recognise.ts';
import { joinParts, own, vi } from '../domain/local-text.ts';
import { politeAnnouncer } from './announcer.ts';
import { el, productCard } from './dom.ts';
import { armFilterPanel } from './filter-panel.ts';
import { localNodes } from './local-text.ts';
import { ProductSearch, ReleaseChanged } from './search-client.ts';

type Strings = Record<
  | 'prompt'
  | 'resultsFor'
  | 'loading'
  | 'more'
  | 'failed'
  | 'nothing'
  | 'tryRemove'
  | 'closeNames'
  | 'tips'
  | 'products'
  | 'producers'
  | 'exhibitors'
  | 'booth'
  | 'sample'
  | 'certifications'
  | 'unknownProducer'
  | 'removeFilter',
  string
>;
interface Loaded {
  products: ProductSearch;
  producers: ChunkedIndex;
  producerRows: ProducerSearchRow[];
  exhibitors: ChunkedIndex;
  exhibitorRows: ExhibitorSearchRow[];
}

interface OneChunk<Row> {
  manifest: CompactManifest;
  chunks: CompactChunk[];
  rows: Row[];
}

async function fetchOneChunk<Row>(url: string): Promise<OneChunk<Row>> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as OneChunk<Row>;
}

/** Results shown at first and added by each "show more". */
const PAGE = 20;

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

/** Wires the search page, if this is it. */
export function startSearchPage(): void {
  const root = document.querySelector<HTMLElement>('[data-search]');
  const input = document.querySelector<HTMLInputElement>('#search-q');
  if (!root || !input) return;
  const locale = root.dataset['locale'] === 'en' ? 'en' : 'vi';
  const showFilterState = armFilterPanel(root, locale);
  const strings = JSON.parse(root.dataset['strings']!) as Strings;
  const path = location.pathname;
  const $ = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  const status = $<HTMLElement>('[data-search-status]');
  const announce = politeAnnouncer((text) => ($('[data-announce]').textContent = text));
  // The status line changes at once, under the search box; screen readers hear it once typing settles.
  const say = (text: string) => {
    status.textContent = text;
    announce(text);
  };
  const more = $<HTMLButtonElement>('[data-more]');
  const notes = el('div', { className: 'notice', hidden: true });
  status.after(notes);
  let loaded: Loaded | undefined;
  let loading: Promise<Loaded> | undefined;
  let generation = 0;
  let shown = PAGE;

  const load = () => {
    loading ??= Promise.all([
      ProductSearch.open(root.dataset['products']!),
      fetchOneChunk<ProducerSearchRow>(root.dataset['producers']!),
      fetchOneChunk<ExhibitorSearchRow>(root.dataset['exhibitors']!),
    ]).then(([products, producers, exhibitors]) => {
      loaded = {
        products,
        producers: new ChunkedIndex(producers.manifest, (n) => producers.chunks[n]!),
        producerRows: producers.rows,
        exhibitors: new ChunkedIndex(exhibitors.manifest, (n) => exhibitors.chunks[n]!),
        exhibitorRows: exhibitors.rows,
      };
      return loaded;
    });
    // A failed load is forgotten, so typing again retries.
    loading.catch(() => (loading = undefined));
    return loading;
  };

  const render = async (q: string, selection: Selection) => {
    const current = ++generation;
    const stale = () => current !== generation;
    // Only a different query is written back: rewriting "tra " as "tra" would eat the space being typed.
    if (input.value.trim() !== q) input.value = q;
    if (!loaded) {
      status.textContent = q || Object.keys(selection).length > 0 ? strings.loading : strings.prompt;
      return;
    }
    const data = loaded;
    const { display } = data.products.manifest;
    const hasFacets = FACETS.some((f) => selection[f]);
    const productHits = q ? await data.products.index.search(q) : [];
    // Facets need every product's facet values: fetched before the results only when a facet is chosen.
    const facetValues = hasFacets ? await data.products.facets() : undefined;
    const refs = facetValues
      ? productHits.map((h) => h.ref).filter((ref) => filterItems([facetValues[Number(ref)]!], selection).length > 0)
      : productHits.map((h) => h.ref);
    const producerRefs = q && !hasFacets ? (await data.producers.search(q)).map((h) => h.ref) : [];
    const producers = producerRefs.map((ref) => data.producerRows[Number(ref)]!);
    const exhibitorRefs = q && !hasFacets && data.exhibitorRows.length > 0 ? (await data.exhibitors.search(q)).map((h) => h.ref) : [];
    const exhibitors = exhibitorRefs.map((ref) => data.exhibitorRows[Number(ref)]!);
    const rows = await data.products.rows(refs.slice(0, shown));
    if (stale()) return;

    // A decision number or registry code: the verification answer is offered above the results.
    const offer = recogniseVerifiable(q, locale);
    const offerLink = $<HTMLAnchorElement>('[data-verify-offer] a');
    offerLink.parentElement!.hidden = !offer;
    if (offer) Object.assign(offerLink, { href: offer.href, textContent: offer.label });

    const total = refs.length + producers.length + exhibitors.length;
    if (q) say(`${total} ${strings.resultsFor} “${q}”`);
    else status.textContent = strings.prompt;
    $('[data-products-count]').textContent = `(${refs.length})`;
    $('[data-producers-count]').textContent = `(${producers.length})`;
    $<HTMLElement>('[data-products-section]').hidden = refs.length === 0;
    $<HTMLElement>('[data-producers-section]').hidden = producers.length === 0;
    $('[data-exhibitors-count]').textContent = `(${exhibitors.length})`;
    $<HTMLElement>('[data-exhibitors-section]').hidden = exhibitors.length === 0;
    const fairBase = display.productBase.replace('/products/', '/fairs/');
    $('[data-exhibitors-results]').replaceChildren(
      ...exhibitors.slice(0, 20).map((row) => {
        const meta = el(
          'p',
          { className: 'meta' },
          ...localNodes(
            joinParts(
              [
                row.booth ? [own(`${strings.booth} ${row.booth}`, locale)] : null,
                row.fairName ? [vi(row.fairName)] : null,
                row.province ? [vi(row.province)] : null,
              ],
              ' · ',
              locale,
            ),
            locale,
          ),
        );
        const card = el(
          'li',
          { className: 'card' },
          el('h3', {}, el('a', { href: `${fairBase}${row.fairSlug}/#x-${row.id}` }, ...localNodes(vi(row.name), locale, q))),
          meta,
        );
        if (row.isSample) card.append(el('p', {}, el('span', { className: 'badge sample' }, strings.sample)));
        return card;
      }),
    );
    $('[data-products-results]').replaceChildren(...rows.map((item) => productCard(item, display, locale, 'h3', q)));
    more.parentElement!.hidden = refs.length <= shown;
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
              el(
                'a',
                { href: `${display.productBase.replace('/products/', '/producers/')}${row.slug}/` },
                ...localNodes(vi(row.name), locale, q),
              ),
            ),
            el(
              'p',
              { className: 'meta' },
              ...localNodes(
                joinParts([row.legalForm ? [own(row.legalForm, locale)] : null, row.province ? [vi(row.province)] : null], ' · ', locale),
                locale,
              ),
            ),
          ),
        ),
    );

    const chips = $<HTMLUListElement>('[data-chips]');
    chips.replaceChildren(
      ...FACETS.filter((f) => selection[f]).map((f) => {
        const rest = { ...selection };
        delete rest[f];
        const label = display.labels[f][selection[f]!] ?? selection[f]!;
        const link = el('a', { href: urlOf(path, q, rest) }, `${label} ✕`);
        link.setAttribute('aria-label', `${strings.removeFilter}: ${label}`);
        link.dataset['navigate'] = '';
        return el('li', {}, link);
      }),
    );
    const active = chips.childElementCount;
    // "Clear all" keeps the words and drops every facet.
    const clear = el('a', { href: urlOf(path, q, {}), className: 'chips-clear' }, chips.dataset['clearText']!);
    clear.dataset['navigate'] = '';
    if (active > 0) chips.append(el('li', {}, clear));
    chips.hidden = active === 0;
    showFilterState(active, total);

    // A province the query names with nothing in the registry yet is said plainly beside other results too.
    notes.replaceChildren();
    notes.hidden = true;
    if (q && total > 0 && /\p{L}{2}/u.test(q))
      void import('./search-province-note.ts')
        .then(({ provinceNoteNodes }) => provinceNoteNodes(q, locale, root.dataset['products']!))
        .then((nodes) => {
          if (stale() || nodes.length === 0) return;
          notes.replaceChildren(...nodes);
          notes.hidden = false;
        })
        .catch(() => undefined);

    const help = $<HTMLElement>('[data-no-results]');
    help.hidden = !q || total > 0;
    if (!help.hidden) {
      const parts: Node[] = [el('p', {}, `${strings.nothing} “${q}”.`)];
      const removable = facetValues
        ? FACETS.filter((f) => selection[f]).find((f) => {
            const rest = { ...selection };
            delete rest[f];
            return filterItems(
              productHits.map((h) => facetValues[Number(h.ref)]!),
              rest,
            ).length;
          })
        : undefined;
      if (removable) {
        const rest = { ...selection };
        delete rest[removable];
        const link = el(
          'a',
          { href: urlOf(path, q, rest) },
          `${strings.tryRemove}: ${display.labels[removable][selection[removable]!] ?? ''}`,
        );
        link.dataset['navigate'] = '';
        parts.push(el('p', {}, link));
      }
      // Near queries and province notes: their code and data load only now (search-misses.ts).
      const { missHelpNodes } = await import('./search-misses.ts');
      const count = async (text: string) =>
        (await data.products.index.search(text)).filter(
          (h) => !facetValues || filterItems([facetValues[Number(h.ref)]!], selection).length > 0,
        ).length;
      const near = await missHelpNodes({
        q,
        locale,
        base: root.dataset['products']!,
        heading: strings.closeNames,
        count,
        hrefOf: (query) => urlOf(path, query, selection),
      });
      if (stale()) return;
      parts.push(...near);
      parts.push(el('p', { className: 'meta' }, strings.tips));
      help.replaceChildren(...parts);
    }

    // Facet counts over every hit: the facet table comes after the first results when no facet is chosen.
    const values = facetValues ?? (productHits.length > 0 ? await data.products.facets() : []);
    if (stale()) return;
    const counts = countFacets(
      productHits.map((h) => values[Number(h.ref)]!),
      selection,
    );
    for (const link of root.querySelectorAll<HTMLAnchorElement>('a[data-facet]')) {
      const facet = link.dataset['facet'] as FacetKey;
      const count = counts[facet].get(link.dataset['value']!) ?? 0;
      link.querySelector('[data-count]')!.textContent = String(count);
      link.toggleAttribute('data-empty', count === 0);
      if (selection[facet] === link.dataset['value']) link.setAttribute('aria-current', 'true');
      else link.removeAttribute('aria-current');
    }
  };

  /**
   * Renders, reporting a failed fetch in the status line (the next keystroke tries again). When the site
   * was published between two fetches, the search files are opened again and the render tried once more.
   */
  const show = (q: string, selection: Selection) =>
    render(q, selection)
      .catch((error: unknown) => {
        if (!(error instanceof ReleaseChanged)) throw error;
        loaded = undefined;
        loading = undefined;
        return load().then(() => render(q, selection));
      })
      .catch(() => {
        generation++;
        say(strings.failed);
      });
  const failed = () => say(strings.failed);

  const go = (q: string, selection: Selection, push: boolean) => {
    const url = urlOf(path, q, selection);
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
    shown = PAGE;
    void show(q, selection);
  };

  input.form?.addEventListener('submit', (event) => {
    event.preventDefault();
    load().then(() => go(input.value.trim(), readState().selection, true), failed);
  });
  input.addEventListener('input', () => {
    load().then(() => go(input.value.trim(), readState().selection, false), failed);
  });
  more.addEventListener('click', () => {
    shown += PAGE;
    const state = readState();
    void show(state.q, state.selection);
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
      shown = PAGE;
      void show(state.q, state.selection);
    }
  });
  addEventListener('popstate', () => {
    const state = readState();
    shown = PAGE;
    void show(state.q, state.selection);
  });

  const initial = readState();
  void show(initial.q, initial.selection);
  if (initial.q || Object.keys(initial.selection).length > 0) load().then(() => show(initial.q, initial.selection), failed);
  else input.addEventListener('focus', () => void load().catch(() => undefined), { once: true });
}
