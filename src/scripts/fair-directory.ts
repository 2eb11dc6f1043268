/**
 * The exhibitor directory of a fair page. The server renders every exhibitor in booth order, so the list
 * works without JavaScript; this island adds the search (the site's Vietnamese search over a one-chunk
 * index fetched on first use), filters, sort, the plan's highlight, the shortlist and the offline pack.
 * It only shows, hides and reorders the server's list items: nothing is rebuilt, so a filter costs little
 * even with hundreds of booths. The shortlist is in ./fair-shortlist.ts, the offline pack in ./fair-offline.ts.
 */
import {
  compareExhibitors,
  directoryQuery,
  matchesFilter,
  parseDirectoryState,
  type ExhibitorFilter,
  type ExhibitorSort,
} from '#domain/exhibitors.ts';
import type { ProductGroupCode } from '#domain/groups.ts';
import type { CompactChunk, CompactManifest } from '#domain/search/compact.ts';
import { ChunkedIndex } from '#domain/search/engine.ts';
import { marked } from './dom.ts';
import { readItems, type DirectoryItem, type DirectoryStrings } from './fair-directory-items.ts';
import { armOffline } from './fair-offline.ts';
import { armShortlist } from './fair-shortlist.ts';

type State = { q: string; filter: ExhibitorFilter; sort: ExhibitorSort };

/** The directory's controls and list, and what it has done so far. */
interface Directory {
  root: HTMLElement;
  strings: DirectoryStrings;
  locale: 'vi' | 'en';
  list: HTMLOListElement;
  items: DirectoryItem[];
  input: HTMLInputElement;
  certified: HTMLInputElement;
  select: (name: string) => HTMLSelectElement | null;
  planBooths: Map<number, SVGAElement>;
  /** The search index, fetched on first use and kept (a failed fetch is forgotten). */
  index: Promise<{ engine: ChunkedIndex; ids: number[] }> | undefined;
  /** Bumped by each apply: an apply that is no longer the latest stops. */
  generation: number;
  order: ExhibitorSort;
}

const root = document.querySelector<HTMLElement>('[data-directory]');
if (root) arm(root);

function directoryOf(root: HTMLElement): Directory {
  const list = document.querySelector<HTMLOListElement>('[data-exhibitors]')!;
  return {
    root,
    strings: JSON.parse(document.getElementById('directory-strings')!.textContent) as DirectoryStrings,
    locale: root.dataset['locale'] === 'en' ? 'en' : 'vi',
    list,
    items: readItems(list),
    input: root.querySelector<HTMLInputElement>('input[name="q"]')!,
    certified: root.querySelector<HTMLInputElement>('input[name="certified"]')!,
    select: (name) => root.querySelector<HTMLSelectElement>(`select[name="${name}"]`),
    planBooths: new Map(
      [...document.querySelectorAll<SVGAElement>('[data-plan-booth]')].map((a) => [Number(a.dataset['planBooth']), a] as const),
    ),
    index: undefined,
    generation: 0,
    order: 'booth',
  };
}

/** Sets the controls from the address and shows the directory; the state read. */
function restoreState(d: Directory): State {
  const optionValues = (name: string) => [...(d.select(name)?.options ?? [])].map((o) => o.value).filter(Boolean);
  const initial = parseDirectoryState(new URLSearchParams(location.search), {
    groups: optionValues('group'),
    provinces: optionValues('province'),
    halls: optionValues('hall'),
  });
  d.input.value = initial.q;
  for (const [name, value] of [
    ['group', initial.filter.group],
    ['province', initial.filter.province],
    ['hall', initial.filter.hall],
    ['sort', initial.sort],
  ] as const) {
    const control = d.select(name);
    if (control && value) control.value = value;
  }
  d.certified.checked = initial.filter.certifiedOnly ?? false;
  const filtersBox = d.root.querySelector<HTMLDetailsElement>('[data-filters-box]')!;
  filtersBox.open = matchMedia('(min-width: 48rem)').matches || initial.sort !== 'booth' || Object.values(initial.filter).some(Boolean);
  d.root.hidden = false;
  // The search is shown now: the skip link over the plan lands in it.
  document.querySelector('[data-skip-plan]')?.setAttribute('href', '#directory-q');
  return initial;
}

/** The state the controls show. */
function readState({ input, select, certified }: Directory): State {
  return {
    q: input.value,
    filter: {
      group: (select('group')?.value || undefined) as ProductGroupCode | undefined,
      province: select('province')?.value || undefined,
      hall: select('hall')?.value || undefined,
      certifiedOnly: certified.checked,
    },
    sort: select('sort')?.value === 'name' ? 'name' : 'booth',
  };
}

/** The search index, fetched on first use and kept. */
function loadIndex(d: Directory): Promise<{ engine: ChunkedIndex; ids: number[] }> {
  const index = (d.index ??= fetch(d.root.dataset['index']!)
    .then((r) => {
      if (!r.ok) throw new Error(`${r.status}`);
      return r.json() as Promise<{ manifest: CompactManifest; chunks: CompactChunk[]; ids: number[] }>;
    })
    .then((data) => ({ engine: new ChunkedIndex(data.manifest, (n) => data.chunks[n]!), ids: data.ids })));
  index.catch(() => (d.index = undefined));
  return index;
}

/** Shows, marks and highlights on the plan the items that pass; how many do. */
function showItems(d: Directory, state: State, q: string, hits: Set<number> | null): number {
  let shown = 0;
  const filtering = q !== '' || Object.values(state.filter).some(Boolean);
  for (const item of d.items) {
    const visible = matchesFilter(item.facets, state.filter) && (hits === null || hits.has(item.id));
    if (item.li.hidden === visible) item.li.hidden = !visible;
    if (visible) shown++;
    const wanted = visible ? q : '';
    if (item.shownQuery !== wanted) {
      item.link.replaceChildren(...marked(item.name, wanted));
      item.shownQuery = wanted;
    }
    const planState = filtering ? (visible ? 'match' : 'dim') : '';
    if (item.planState !== planState) {
      d.planBooths.get(item.id)?.setAttribute('class', planState);
      item.planState = planState;
    }
  }
  return shown;
}

/** Applies the controls: search, sort, filter, count, and the address. */
async function apply(d: Directory): Promise<void> {
  const mine = ++d.generation;
  const count = document.querySelector<HTMLElement>('[data-count]')!;
  const state = readState(d);
  const q = state.q.trim();
  let hits: Set<number> | null = null;
  if (q) {
    try {
      const { engine, ids } = await loadIndex(d);
      hits = new Set((await engine.search(q)).map((hit) => ids[Number(hit.ref)]!));
    } catch {
      if (mine === d.generation) count.textContent = d.strings.searchFailed;
      return;
    }
  }
  if (mine !== d.generation) return;
  if (state.sort !== d.order) {
    const order = (d.order = state.sort);
    const sorted = [...d.items].sort((a, b) => compareExhibitors(order)(a, b));
    d.list.append(...sorted.map((item) => item.li));
  }
  const shown = showItems(d, state, q, hits);
  count.textContent = `${shown.toLocaleString(d.locale === 'vi' ? 'vi-VN' : 'en-GB')} ${d.strings.count}`;
  document.querySelector<HTMLElement>('[data-empty]')!.hidden = shown > 0;
  const query = directoryQuery(state);
  if (query !== location.search && !(query === '' && location.search === ''))
    history.replaceState(null, '', `${location.pathname}${query}${location.hash}`);
}

function arm(root: HTMLElement): void {
  const d = directoryOf(root);
  const initial = restoreState(d);
  d.input.addEventListener('focus', () => void loadIndex(d).catch(() => undefined), { once: true });
  d.input.addEventListener('input', () => void apply(d));
  root.addEventListener('change', () => void apply(d));
  // The search box is inside no form: Enter must not do anything surprising.
  d.input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') event.preventDefault();
  });
  if (initial.q || initial.sort !== 'booth' || Object.values(initial.filter).some(Boolean)) void apply(d);
  armShortlist(root.dataset['fair']!, d.strings, d.items, new Map(d.items.map((item) => [item.id, item])));
  void armOffline(root, d.strings);
}
