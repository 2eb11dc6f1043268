/**
 * The /search/ page island: on first use it fetches the product search manifest and the producers' and
 * exhibitors' files; each query then fetches only the term chunks its words reach and the rows of the results shown
 * (./search-files.ts, src/domain/search/engine.ts). Facets combine with the text and live in the URL; matched words
 * are highlighted. Rows are built with DOM methods and textContent, never HTML strings (./search-results.ts).
 */
import { countFacets, filterItems, parseSelection, type FacetKey, type Selection } from '#domain/listing.ts';
import { recogniseVerifiable } from '#domain/verify-recognise.ts';
import { politeAnnouncer } from './announcer.ts';
import { el, productCard } from './dom.ts';
import { armFilterPanel } from './filter-panel.ts';
import { ReleaseChanged } from './search-client.ts';
import { findAll, removableFacet, SearchFiles, type Found, type Loaded } from './search-files.ts';
import { exhibitorCards, navigating, producerCards, showChips, showFacetCounts, urlOf, type Display } from './search-results.ts';

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

/** Results shown at first and added by each "show more". */
const PAGE = 20;

function readState(): { q: string; selection: Selection } {
  const params = new URLSearchParams(location.search);
  return { q: params.get('q')?.trim() ?? '', selection: parseSelection(params).selection };
}

/** The page's elements and state, shared by the functions below. */
interface Page {
  root: HTMLElement;
  input: HTMLInputElement;
  locale: 'vi' | 'en';
  strings: Strings;
  path: string;
  $: <T extends Element>(selector: string) => T;
  status: HTMLElement;
  /** Sets the status line at once; screen readers hear it once typing settles. */
  say: (text: string) => void;
  more: HTMLButtonElement;
  notes: HTMLElement;
  showFilterState: (active: number, total: number) => void;
  files: SearchFiles;
  /** Bumped by each render: a render that is no longer the latest stops writing. */
  generation: number;
  shown: number;
}

function pageOf(root: HTMLElement, input: HTMLInputElement): Page {
  const locale = root.dataset['locale'] === 'en' ? 'en' : 'vi';
  const $ = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  const status = $<HTMLElement>('[data-search-status]');
  const announce = politeAnnouncer((text) => ($('[data-announce]').textContent = text));
  const notes = el('div', { className: 'notice', hidden: true });
  status.after(notes);
  const urls = { products: root.dataset['products']!, producers: root.dataset['producers']!, exhibitors: root.dataset['exhibitors']! };
  return {
    root,
    input,
    locale,
    strings: JSON.parse(root.dataset['strings']!) as Strings,
    path: location.pathname,
    $,
    status,
    say: (text) => {
      status.textContent = text;
      announce(text);
    },
    more: $<HTMLButtonElement>('[data-more]'),
    notes,
    showFilterState: armFilterPanel(root, locale),
    files: new SearchFiles(urls),
    generation: 0,
    shown: PAGE,
  };
}

/** Shows the verification answer above the results when the words are a decision number or registry code. */
function showVerifyOffer(page: Page, q: string): void {
  const offer = recogniseVerifiable(q, page.locale);
  const offerLink = page.$<HTMLAnchorElement>('[data-verify-offer] a');
  offerLink.parentElement!.hidden = !offer;
  if (offer) Object.assign(offerLink, { href: offer.href, textContent: offer.label });
}

/** The three result sections with their counts, and the "show more" button. */
function showResults(page: Page, found: Found, display: Display, q: string): void {
  const { $, locale, strings } = page;
  const { refs, producers, exhibitors } = found;
  $('[data-products-count]').textContent = `(${refs.length})`;
  $('[data-producers-count]').textContent = `(${producers.length})`;
  $<HTMLElement>('[data-products-section]').hidden = refs.length === 0;
  $<HTMLElement>('[data-producers-section]').hidden = producers.length === 0;
  $('[data-exhibitors-count]').textContent = `(${exhibitors.length})`;
  $<HTMLElement>('[data-exhibitors-section]').hidden = exhibitors.length === 0;
  const fairBase = display.productBase.replace('/products/', '/fairs/');
  $('[data-exhibitors-results]').replaceChildren(...exhibitorCards(exhibitors.slice(0, 20), fairBase, strings, locale, q));
  $('[data-products-results]').replaceChildren(...found.rows.map((item) => productCard(item, display, locale, 'h3', q)));
  page.more.parentElement!.hidden = refs.length <= page.shown;
  const producerBase = display.productBase.replace('/products/', '/producers/');
  $('[data-producers-results]').replaceChildren(...producerCards(producers.slice(0, 20), producerBase, locale, q));
}

/** A province the query names with nothing in the registry yet is said plainly beside other results too. */
function showProvinceNote(page: Page, q: string, total: number, stale: () => boolean): void {
  const { notes } = page;
  notes.replaceChildren();
  notes.hidden = true;
  if (q && total > 0 && /\p{L}{2}/u.test(q))
    void import('./search-province-note.ts')
      .then(({ provinceNoteNodes }) => provinceNoteNodes(q, page.locale, page.root.dataset['products']!))
      .then((nodes) => {
        if (stale() || nodes.length === 0) return;
        notes.replaceChildren(...nodes);
        notes.hidden = false;
      })
      .catch(() => undefined);
}

/** When nothing is found: a facet to drop, near queries and tips; false when a newer render took over. */
async function showNoResults(page: Page, data: Loaded, found: Found, q: string, selection: Selection, stale: () => boolean) {
  const { strings, path } = page;
  const display = data.products.manifest.display;
  const parts: Node[] = [el('p', {}, `${strings.nothing} “${q}”.`)];
  const removable = removableFacet(found, selection);
  if (removable) {
    const rest = { ...selection };
    delete rest[removable];
    const label = `${strings.tryRemove}: ${display.labels[removable][selection[removable]!] ?? ''}`;
    parts.push(el('p', {}, navigating(el('a', { href: urlOf(path, q, rest) }, label))));
  }
  // Near queries and province notes: their code and data load only now (search-misses.ts).
  const { missHelpNodes } = await import('./search-misses.ts');
  const { facetValues } = found;
  const count = async (text: string) =>
    (await data.products.index.search(text)).filter((h) => !facetValues || filterItems([facetValues[Number(h.ref)]!], selection).length > 0)
      .length;
  const near = await missHelpNodes({
    q,
    locale: page.locale,
    base: page.root.dataset['products']!,
    heading: strings.closeNames,
    count,
    hrefOf: (query) => urlOf(path, query, selection),
  });
  if (stale()) return false;
  parts.push(...near);
  parts.push(el('p', { className: 'meta' }, strings.tips));
  page.$<HTMLElement>('[data-no-results]').replaceChildren(...parts);
  return true;
}

async function render(page: Page, q: string, selection: Selection): Promise<void> {
  const current = ++page.generation;
  const stale = () => current !== page.generation;
  // Only a different query is written back: rewriting "tra " as "tra" would eat the space being typed.
  if (page.input.value.trim() !== q) page.input.value = q;
  const data = page.files.loaded;
  if (!data) {
    page.status.textContent = q || Object.keys(selection).length > 0 ? page.strings.loading : page.strings.prompt;
    return;
  }
  const { display } = data.products.manifest;
  const found = await findAll(data, q, selection, page.shown);
  if (stale()) return;
  showVerifyOffer(page, q);
  const total = found.refs.length + found.producers.length + found.exhibitors.length;
  if (q) page.say(`${total} ${page.strings.resultsFor} “${q}”`);
  else page.status.textContent = page.strings.prompt;
  showResults(page, found, display, q);
  const chips = page.$<HTMLUListElement>('[data-chips]');
  const active = showChips(chips, { path: page.path, q, selection, display, removeFilter: page.strings.removeFilter });
  page.showFilterState(active, total);
  showProvinceNote(page, q, total, stale);
  const help = page.$<HTMLElement>('[data-no-results]');
  help.hidden = !q || total > 0;
  if (!help.hidden && !(await showNoResults(page, data, found, q, selection, stale))) return;
  // Facet counts over every hit: the facet table comes after the first results when no facet is chosen.
  const values = found.facetValues ?? (found.productHits.length > 0 ? await data.products.facets() : []);
  if (stale()) return;
  const counts = countFacets(
    found.productHits.map((h) => values[Number(h.ref)]!),
    selection,
  );
  showFacetCounts(page.root, counts, selection);
}

/**
 * Renders, reporting a failed fetch in the status line (the next keystroke tries again). When the site
 * was published between two fetches, the search files are opened again and the render tried once more.
 */
function show(page: Page, q: string, selection: Selection): Promise<void> {
  return render(page, q, selection)
    .catch((error: unknown) => {
      if (!(error instanceof ReleaseChanged)) throw error;
      page.files.forget();
      return page.files.load().then(() => render(page, q, selection));
    })
    .catch(() => {
      page.generation++;
      page.say(page.strings.failed);
    });
}

/** Shows the state in the address from the first page of results. */
function showFromStart(page: Page): void {
  const state = readState();
  page.shown = PAGE;
  void show(page, state.q, state.selection);
}

function go(page: Page, q: string, selection: Selection, push: boolean): void {
  const url = urlOf(page.path, q, selection);
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
  page.shown = PAGE;
  void show(page, q, selection);
}

/** Facet links toggle their facet; other page links (chips, near queries) are followed without a reload. */
function onLinkClick(page: Page, event: MouseEvent): void {
  const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-facet], a[data-navigate]');
  if (!link || event.metaKey || event.ctrlKey) return;
  event.preventDefault();
  const { q, selection } = readState();
  if (link.dataset['facet']) {
    const facet = link.dataset['facet'] as FacetKey;
    const next = { ...selection };
    if (next[facet] === link.dataset['value']) delete next[facet];
    else next[facet] = link.dataset['value']!;
    go(page, q, next, true);
  } else {
    history.pushState(null, '', link.href);
    showFromStart(page);
  }
}

/** Wires the search page, if this is it. */
export function startSearchPage(): void {
  const root = document.querySelector<HTMLElement>('[data-search]');
  const input = document.querySelector<HTMLInputElement>('#search-q');
  if (!root || !input) return;
  const page = pageOf(root, input);
  const failed = () => page.say(page.strings.failed);
  input.form?.addEventListener('submit', (event) => {
    event.preventDefault();
    page.files.load().then(() => go(page, input.value.trim(), readState().selection, true), failed);
  });
  input.addEventListener('input', () => {
    page.files.load().then(() => go(page, input.value.trim(), readState().selection, false), failed);
  });
  page.more.addEventListener('click', () => {
    page.shown += PAGE;
    const state = readState();
    void show(page, state.q, state.selection);
  });
  root.addEventListener('click', (event) => onLinkClick(page, event));
  addEventListener('popstate', () => showFromStart(page));
  const initial = readState();
  void show(page, initial.q, initial.selection);
  if (initial.q || Object.keys(initial.selection).length > 0)
    page.files.load().then(() => show(page, initial.q, initial.selection), failed);
  else input.addEventListener('focus', () => void page.files.load().catch(() => undefined), { once: true });
}
