/**
 * The shortlist of a fair page's directory (./fair-directory.ts): a star on each exhibitor, the panel
 * that lists them, a CSV of them, a link to share them, and the panel a shared link opens. Kept in the
 * browser per fair (./shortlist.ts).
 */
import { writeCsv } from '#domain/csv-write.ts';
import { decodeShortlist, encodeShortlist } from '#domain/exhibitors.ts';
import { el } from './dom.ts';
import type { DirectoryItem, DirectoryStrings } from './fair-directory-items.ts';
import { Shortlist } from './shortlist.ts';

interface Context {
  fair: string;
  strings: DirectoryStrings;
  items: DirectoryItem[];
  byId: Map<number, DirectoryItem>;
  panel: HTMLElement;
  shortlist: Shortlist;
}

const chosenOf = ({ shortlist, byId }: Context) => shortlist.list.map((id) => byId.get(id)).filter((item) => item !== undefined);

/** The panel's list, count and buttons, and each exhibitor's star, as the shortlist now stands. */
function render(context: Context): void {
  const { panel, strings, shortlist } = context;
  const chosen = chosenOf(context);
  panel.querySelector<HTMLElement>('[data-shortlist-count]')!.textContent = String(chosen.length);
  panel.querySelector<HTMLElement>('[data-shortlist-empty]')!.hidden = chosen.length > 0;
  for (const button of panel.querySelectorAll<HTMLButtonElement>('[data-shortlist-export], [data-shortlist-share], [data-shortlist-clear]'))
    button.disabled = chosen.length === 0;
  panel.querySelector<HTMLUListElement>('[data-shortlist-list]')!.replaceChildren(
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
  for (const item of context.items) renderToggle(item, shortlist.has(item.id), strings);
}

/** One exhibitor's star; the server renders every one unsaved, so only those whose state changes are touched. */
function renderToggle(item: DirectoryItem, saved: boolean, strings: DirectoryStrings): void {
  if (saved === (item.toggle.getAttribute('aria-pressed') === 'true')) return;
  item.toggle.setAttribute('aria-pressed', String(saved));
  const label = saved ? strings.shortlistSaved : strings.shortlistAddShort;
  item.toggle.querySelector('[data-toggle-text]')!.textContent = label;
  item.toggle.firstElementChild!.textContent = saved ? '★' : '☆';
  item.toggle.setAttribute('aria-label', `${label}: ${item.name}`);
}

/** One exhibitor as a CSV row, read from its list item (what the page shows is what is exported). */
function csvRow(item: DirectoryItem, strings: DirectoryStrings): string[] {
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

/** Downloads the shortlist as a CSV file. */
function exportCsv(context: Context): void {
  const { strings, fair } = context;
  const header = strings.sampleColumn ? [...strings.csvHeader, strings.sampleColumn] : strings.csvHeader;
  const rows = chosenOf(context).map((item) => csvRow(item, strings));
  const blob = new Blob([writeCsv([header, ...rows])], { type: 'text/csv;charset=utf-8' });
  const link = el('a', { href: URL.createObjectURL(blob), download: `shortlist-${fair}.csv` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** Copies a link to the shortlist, or shows it to copy by hand when there is no clipboard. */
async function share({ panel, strings, shortlist }: Context): Promise<void> {
  const message = panel.querySelector<HTMLElement>('[data-shortlist-message]')!;
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
}

/** A shared link: show what it holds and let the buyer add it; a bad link changes nothing. */
function openShared({ panel, strings, shortlist, byId }: Context, encoded: string): void {
  const clearHash = () => history.replaceState(null, '', `${location.pathname}${location.search}`);
  const decoded = decodeShortlist(decodeURIComponent(encoded));
  if (!decoded.ok) {
    const error = panel.querySelector<HTMLElement>('[data-shortlist-error]')!;
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

/** Shows the stars and the shortlist panel, and opens a shared link if the address holds one. */
export function armShortlist(fair: string, strings: DirectoryStrings, items: DirectoryItem[], byId: Map<number, DirectoryItem>): void {
  const panel = document.querySelector<HTMLElement>('[data-shortlist]')!;
  const context: Context = { fair, strings, items, byId, panel, shortlist: new Shortlist(fair) };
  const { shortlist } = context;
  for (const item of items) {
    item.toggle.hidden = false;
    item.toggle.addEventListener('click', () => shortlist.toggle(item.id));
  }
  shortlist.onChange(() => render(context));
  panel.hidden = false;
  render(context);
  panel.querySelector('[data-shortlist-clear]')!.addEventListener('click', () => shortlist.clear());
  panel.querySelector('[data-shortlist-export]')!.addEventListener('click', () => exportCsv(context));
  panel.querySelector('[data-shortlist-share]')!.addEventListener('click', () => void share(context));
  const shared = /^#shortlist=(.*)$/.exec(location.hash);
  if (shared) openShared(context, shared[1]!);
}
