/**
 * The exhibitor directory of a fair page. The server renders every exhibitor in booth order, so the list
 * works without JavaScript; this island adds the search (the site's Vietnamese search over a one-chunk
 * index fetched on first use), filters, sort, the plan's highlight, the shortlist and the offline pack.
 * It only shows, hides and reorders the server's list items: nothing is rebuilt, so a filter costs little
 * even with hundreds of booths.
 */
import { writeCsv } from '../domain/csv-write.ts';
import {
  compareExhibitors,
  decodeShortlist,
  directoryQuery,
  encodeShortlist,
  matchesFilter,
  parseDirectoryState,
  type ExhibitorFilter,
  type ExhibitorSort,
} from '../domain/exhibitors.ts';
import type { ProductGroupCode } from '../domain/groups.ts';
import type { CompactChunk, CompactManifest } from '../domain/search/compact.ts';
import { ChunkedIndex } from '../domain/search/engine.ts';
import { el, marked } from './dom.ts';
import { armOfflinePack } from './offline-pack.ts';
import { Shortlist } from './shortlist.ts';

interface Strings {
  count: string;
  shortlistSaved: string;
  shortlistAddShort: string;
  shortlistRemove: string;
  shortlistCopied: string;
  shortlistShare: string;
  shortlistBadLink: string;
  shortlistUnknown: string;
  shortlistEmpty: string;
  offlineSaving: string;
  offlineReady: string;
  offlineFailed: string;
  searchFailed: string;
  csvHeader: string[];
  sampleColumn: string;
}

interface Item {
  li: HTMLLIElement;
  link: HTMLAnchorElement;
  toggle: HTMLButtonElement;
  id: number;
  booth: string | null;
  hall: string | null;
  name: string;
  facets: { groups: string[]; province: string | null; hall: string | null; certified: boolean };
  shownQuery: string;
  /** The booth's class on the plan: '' (no search or filter), 'match' or 'dim'. */
  planState: string;
}

const root = document.querySelector<HTMLElement>('[data-directory]');
if (root) arm(root);

function arm(root: HTMLElement): void {
  const strings = JSON.parse(document.getElementById('directory-strings')!.textContent) as Strings;
  const fair = root.dataset['fair']!;
  const locale = root.dataset['locale'] === 'en' ? 'en' : 'vi';
  const list = document.querySelector<HTMLOListElement>('[data-exhibitors]')!;
  const count = document.querySelector<HTMLElement>('[data-count]')!;
  const empty = document.querySelector<HTMLElement>('[data-empty]')!;
  const input = root.querySelector<HTMLInputElement>('input[name="q"]')!;
  const select = (name: string) => root.querySelector<HTMLSelectElement>(`select[name="${name}"]`);
  const certified = root.querySelector<HTMLInputElement>('input[name="certified"]')!;
  const planBooths = new Map(
    [...document.querySelectorAll<SVGAElement>('[data-plan-booth]')].map((a) => [Number(a.dataset['planBooth']), a] as const),
  );

  const items: Item[] = [...list.querySelectorAll<HTMLLIElement>(':scope > li')].map((li) => ({
    li,
    link: li.querySelector<HTMLAnchorElement>('[data-exhibitor-link]')!,
    toggle: li.querySelector<HTMLButtonElement>('[data-shortlist-toggle]')!,
    id: Number(li.dataset['id']),
    booth: li.dataset['booth'] || null,
    hall: li.dataset['hall'] || null,
    name: li.dataset['name']!,
    facets: {
      groups: (li.dataset['groups'] ?? '').split(' ').filter(Boolean),
      province: li.dataset['province'] || null,
      hall: li.dataset['hall'] || null,
      certified: li.dataset['certified'] === '1',
    },
    shownQuery: '',
    planState: '',
  }));
  const byId = new Map(items.map((item) => [item.id, item]));
  const optionValues = (name: string) => [...(select(name)?.options ?? [])].map((o) => o.value).filter(Boolean);

  // ---- state: read from the address, written back on every change ----
  const initial = parseDirectoryState(new URLSearchParams(location.search), {
    groups: optionValues('group'),
    provinces: optionValues('province'),
    halls: optionValues('hall'),
  });
  input.value = initial.q;
  for (const [name, value] of [
    ['group', initial.filter.group],
    ['province', initial.filter.province],
    ['hall', initial.filter.hall],
    ['sort', initial.sort],
  ] as const) {
    const control = select(name);
    if (control && value) control.value = value;
  }
  certified.checked = initial.filter.certifiedOnly ?? false;
  const filtersBox = root.querySelector<HTMLDetailsElement>('[data-filters-box]')!;
  filtersBox.open = matchMedia('(min-width: 48rem)').matches || initial.sort !== 'booth' || Object.values(initial.filter).some(Boolean);
  root.hidden = false;
  // The search is shown now: the skip link over the plan lands in it.
  document.querySelector('[data-skip-plan]')?.setAttribute('href', '#directory-q');

  const readState = (): { q: string; filter: ExhibitorFilter; sort: ExhibitorSort } => ({
    q: input.value,
    filter: {
      group: (select('group')?.value || undefined) as ProductGroupCode | undefined,
      province: select('province')?.value || undefined,
      hall: select('hall')?.value || undefined,
      certifiedOnly: certified.checked,
    },
    sort: select('sort')?.value === 'name' ? 'name' : 'booth',
  });

  // ---- search: the index is fetched on first use and kept ----
  let index: Promise<{ engine: ChunkedIndex; ids: number[] }> | undefined;
  const loadIndex = () => {
    index ??= fetch(root.dataset['index']!)
      .then((r) => {
        if (!r.ok) throw new Error(`${r.status}`);
        return r.json() as Promise<{ manifest: CompactManifest; chunks: CompactChunk[]; ids: number[] }>;
      })
      .then((data) => ({ engine: new ChunkedIndex(data.manifest, (n) => data.chunks[n]!), ids: data.ids }));
    index.catch(() => (index = undefined));
    return index;
  };
  input.addEventListener('focus', () => void loadIndex().catch(() => undefined), { once: true });

  let generation = 0;
  let order: ExhibitorSort = 'booth';
  const apply = async () => {
    const mine = ++generation;
    const state = readState();
    const q = state.q.trim();
    let hits: Set<number> | null = null;
    if (q) {
      try {
        const { engine, ids } = await loadIndex();
        hits = new Set((await engine.search(q)).map((hit) => ids[Number(hit.ref)]!));
      } catch {
        if (mine === generation) count.textContent = strings.searchFailed;
        return;
      }
    }
    if (mine !== generation) return;

    if (state.sort !== order) {
      order = state.sort;
      const sorted = [...items].sort((a, b) => compareExhibitors(order)(a, b));
      list.append(...sorted.map((item) => item.li));
    }
    let shown = 0;
    const filtering = q !== '' || Object.values(state.filter).some(Boolean);
    for (const item of items) {
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
        planBooths.get(item.id)?.setAttribute('class', planState);
        item.planState = planState;
      }
    }
    count.textContent = `${shown.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB')} ${strings.count}`;
    empty.hidden = shown > 0;
    const query = directoryQuery(state);
    if (query !== location.search && !(query === '' && location.search === ''))
      history.replaceState(null, '', `${location.pathname}${query}${location.hash}`);
  };
  input.addEventListener('input', () => void apply());
  root.addEventListener('change', () => void apply());
  // The search box is inside no form: Enter must not do anything surprising.
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') event.preventDefault();
  });
  if (initial.q || initial.sort !== 'booth' || Object.values(initial.filter).some(Boolean)) void apply();

  armShortlist(fair, strings, items, byId);
  void armOffline(root, strings);
}

// ---- shortlist ----
function armShortlist(fair: string, strings: Strings, items: Item[], byId: Map<number, Item>): void {
  const panel = document.querySelector<HTMLElement>('[data-shortlist]')!;
  const listNode = panel.querySelector<HTMLUListElement>('[data-shortlist-list]')!;
  const countNode = panel.querySelector<HTMLElement>('[data-shortlist-count]')!;
  const emptyNode = panel.querySelector<HTMLElement>('[data-shortlist-empty]')!;
  const message = panel.querySelector<HTMLElement>('[data-shortlist-message]')!;
  const error = panel.querySelector<HTMLElement>('[data-shortlist-error]')!;
  const actions = [...panel.querySelectorAll<HTMLButtonElement>('[data-shortlist-export], [data-shortlist-share], [data-shortlist-clear]')];
  const shortlist = new Shortlist(fair);

  const render = () => {
    const chosen = shortlist.list.map((id) => byId.get(id)).filter((item) => item !== undefined);
    countNode.textContent = String(chosen.length);
    emptyNode.hidden = chosen.length > 0;
    for (const button of actions) button.disabled = chosen.length === 0;
    listNode.replaceChildren(
      ...chosen.map((item) =>
        el(
          'li',
          {},
          el('span', { className: 'booth-code' }, item.booth ?? '—'),
          ' ',
          el('a', { href: `#x-${item.id}` }, item.name),
          ' ',
          el(
            'button',
            {
              type: 'button',
              className: 'link-button',
              onclick: () => shortlist.toggle(item.id),
              ariaLabel: `${strings.shortlistRemove}: ${item.name}`,
            },
            strings.shortlistRemove,
          ),
        ),
      ),
    );
    for (const item of items) {
      const saved = shortlist.has(item.id);
      // The server renders every button unsaved: touch only those whose state changes.
      if (saved === (item.toggle.getAttribute('aria-pressed') === 'true')) continue;
      item.toggle.setAttribute('aria-pressed', String(saved));
      const label = saved ? strings.shortlistSaved : strings.shortlistAddShort;
      item.toggle.querySelector('[data-toggle-text]')!.textContent = label;
      item.toggle.firstElementChild!.textContent = saved ? '★' : '☆';
      item.toggle.setAttribute('aria-label', `${label}: ${item.name}`);
    }
  };
  for (const item of items) {
    item.toggle.hidden = false;
    item.toggle.addEventListener('click', () => shortlist.toggle(item.id));
  }
  shortlist.onChange(render);
  panel.hidden = false;
  render();

  panel.querySelector('[data-shortlist-clear]')!.addEventListener('click', () => shortlist.clear());
  panel.querySelector('[data-shortlist-export]')!.addEventListener('click', () => {
    const chosen = shortlist.list.map((id) => byId.get(id)).filter((item) => item !== undefined);
    const header = strings.sampleColumn ? [...strings.csvHeader, strings.sampleColumn] : strings.csvHeader;
    const blob = new Blob([writeCsv([header, ...chosen.map((item) => csvRow(item, strings))])], { type: 'text/csv;charset=utf-8' });
    const link = el('a', { href: URL.createObjectURL(blob), download: `shortlist-${fair}.csv` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  });
  const share = async () => {
    const url = `${location.origin}${location.pathname}#shortlist=${encodeShortlist(shortlist.list)}`;
    try {
      await navigator.clipboard.writeText(url);
      message.textContent = strings.shortlistCopied;
    } catch {
      // No clipboard (insecure context, permission): show the link to copy by hand.
      const field = document.createElement('input');
      Object.assign(field, { type: 'text', value: url, readOnly: true, className: 'share-link' });
      field.setAttribute('aria-label', strings.shortlistShare);
      message.replaceChildren(field);
      field.select();
    }
  };
  panel.querySelector('[data-shortlist-share]')!.addEventListener('click', () => void share());

  // A shared link: show what it holds and let the buyer add it; a bad link changes nothing.
  const shared = /^#shortlist=(.*)$/.exec(location.hash);
  if (!shared) return;
  const clearHash = () => history.replaceState(null, '', `${location.pathname}${location.search}`);
  const decoded = decodeShortlist(decodeURIComponent(shared[1]!));
  if (!decoded.ok) {
    error.textContent = strings.shortlistBadLink;
    error.hidden = false;
    (panel as HTMLDetailsElement).open = true;
    clearHash();
    return;
  }
  const known = decoded.ids.filter((id) => byId.has(id));
  const box = panel.querySelector<HTMLElement>('[data-shortlist-shared]')!;
  box.querySelector('[data-shared-count]')!.textContent = String(known.length);
  box
    .querySelector('[data-shared-list]')!
    .replaceChildren(
      ...known.map((id) => el('li', {}, el('span', { className: 'booth-code' }, byId.get(id)!.booth ?? '—'), ' ', byId.get(id)!.name)),
      ...(known.length < decoded.ids.length
        ? [el('li', { className: 'meta' }, `${decoded.ids.length - known.length} ${strings.shortlistUnknown}`)]
        : []),
    );
  box.hidden = false;
  (panel as HTMLDetailsElement).open = true;
  panel.scrollIntoView({ block: 'start' });
  box.querySelector('[data-shared-keep]')!.addEventListener('click', () => {
    shortlist.addAll(known);
    box.hidden = true;
    clearHash();
  });
  box.querySelector('[data-shared-dismiss]')!.addEventListener('click', () => {
    box.hidden = true;
    clearHash();
  });
}

/** One exhibitor as a CSV row, read from its list item (what the page shows is what is exported). */
function csvRow(item: Item, strings: Strings): string[] {
  const text = (selector: string) => item.li.querySelector(selector)?.textContent?.trim() ?? '';
  const all = (selector: string) => [...item.li.querySelectorAll(selector)].map((n) => n.textContent.trim());
  const badges = item.li.querySelector('[data-badges]');
  const row = [
    item.booth ?? '',
    item.hall ?? '',
    item.name,
    text('[data-province-name]'),
    all('[data-product]').join('; '),
    badges?.tagName === 'UL' ? all('[data-badges] > li').join('; ') : '',
    text('[data-address]'),
    text('[data-phone]'),
    text('[data-email]'),
    text('[data-website]'),
    item.link.href,
  ];
  return strings.sampleColumn ? [...row, item.li.dataset['sample'] === '1' ? '✓' : ''] : row;
}

// ---- offline pack: the service worker keeps this fair for the hall floor ----
function armOffline(root: HTMLElement, strings: Strings): Promise<void> {
  const status = document.querySelector<HTMLElement>('[data-offline-state]');
  let last = '';
  return armOfflinePack({
    manifestUrl: root.dataset['offline']!,
    // 'saving' arrives once per file: the live region changes only when the state does.
    onState: (state) => {
      const text =
        state === 'saving'
          ? strings.offlineSaving
          : state === 'ready'
            ? strings.offlineReady
            : state === 'failed'
              ? strings.offlineFailed
              : '';
      if (status && text !== last) status.textContent = last = text;
    },
  });
}
