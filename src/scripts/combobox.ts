/**
 * The header search combobox (ARIA 1.2 combobox with a listbox popup): the top products as the visitor
 * types, arrow keys to move, Enter to open, Escape to close. The form still submits to /search/.
 */
import { suggestionsAnnouncement } from '#domain/listing-strings.ts';
import { highlight } from '#domain/search/highlight.ts';
import { recogniseVerifiable } from '#domain/verify-recognise.ts';
import { liveRegion } from './announcer.ts';
import { ProductSearch, ReleaseChanged } from './search-client.ts';

const MAX_OPTIONS = 6;

/** Turns the header's plain search input into a combobox; the search manifest is fetched now, on first focus. */
export function startCombobox(input: HTMLInputElement): void {
  const form = input.form!;
  const listbox = document.getElementById(input.getAttribute('aria-controls') ?? '')!;
  const base = form.dataset['base'] ?? '/';
  const allLabel = form.dataset['allLabel'] ?? '';
  let active = -1;
  let options: { href: string; node: HTMLLIElement }[] = [];
  let search: ProductSearch | undefined;
  let opening: Promise<ProductSearch> | undefined;
  let generation = 0;
  const locale = document.documentElement.lang === 'en' ? 'en' : 'vi';
  // How many suggestions appeared, said once the typing settles (the list itself is not a live region).
  const announce = liveRegion(form, 500);
  // Without the index (offline, or a failed fetch) the box stays a plain form to /search/; typing retries.
  const ready = () => {
    opening ??= ProductSearch.open(`${base}search/products/`).then((opened) => (search = opened));
    opening.catch(() => (opening = undefined));
    return opening;
  };

  const setActive = (i: number) => {
    active = i;
    options.forEach((o, n) => o.node.setAttribute('aria-selected', String(n === i)));
    if (i >= 0) input.setAttribute('aria-activedescendant', options[i]!.node.id);
    else input.removeAttribute('aria-activedescendant');
    options[i]?.node.scrollIntoView({ block: 'nearest' });
  };
  const close = () => {
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    announce('');
    setActive(-1);
  };
  const update = async () => {
    const current = ++generation;
    const q = input.value.trim();
    if (!search || !q) return close();
    const { productBase } = search.manifest.display;
    const items = await search.rows((await search.index.search(q)).slice(0, MAX_OPTIONS).map((h) => h.ref));
    if (current !== generation || document.activeElement !== input) return;
    const rows = items.map((item) => ({
      href: `${productBase}${item.slug}/`,
      name: item.name,
      meta: `${item.establishmentName ?? ''} · ${item.provinceName}`,
    }));
    rows.push({ href: `${base}search/?q=${encodeURIComponent(q)}`, name: `${allLabel} “${q}”`, meta: '' });
    // A decision number or registry code: the verification answer comes first.
    const offer = recogniseVerifiable(q, locale);
    if (offer) rows.unshift({ href: offer.href, name: offer.label, meta: '' });
    const first = offer ? 1 : 0;
    options = rows.map((row, n) => {
      const node = document.createElement('li');
      node.id = `site-search-option-${n}`;
      node.setAttribute('role', 'option');
      node.setAttribute('aria-selected', 'false');
      const name = document.createElement('span');
      name.append(
        ...highlight(row.name, n >= first && n < first + items.length ? q : '').map((p) =>
          p.match ? Object.assign(document.createElement('mark'), { textContent: p.text }) : document.createTextNode(p.text),
        ),
      );
      node.append(name);
      if (row.meta) node.append(Object.assign(document.createElement('small'), { textContent: row.meta }));
      node.addEventListener('mousedown', (event) => event.preventDefault());
      node.addEventListener('click', () => location.assign(row.href));
      return { href: row.href, node };
    });
    listbox.replaceChildren(...options.map((o) => o.node));
    listbox.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    setActive(-1);
    announce(suggestionsAnnouncement(items.length, locale));
  };

  // A publish between two fetches: open the new release's search and try once more.
  const reopen = (error: unknown) => {
    if (!(error instanceof ReleaseChanged)) throw error;
    search = undefined;
    opening = undefined;
    return ready().then(update);
  };
  const refresh = () =>
    void ready()
      .then(update)
      .catch(reopen)
      .catch(() => close());
  input.addEventListener('input', refresh);
  input.addEventListener('keydown', (event) => {
    const isOpen = !listbox.hidden;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (!isOpen) refresh();
      else setActive((active + 1) % options.length);
    } else if (event.key === 'ArrowUp' && isOpen) {
      event.preventDefault();
      setActive(active <= 0 ? options.length - 1 : active - 1);
    } else if (event.key === 'Enter' && isOpen && active >= 0) {
      event.preventDefault();
      location.assign(options[active]!.href);
    } else if (event.key === 'Escape' && isOpen) {
      // The first Escape only closes the list (a search input would also clear itself); the next clears.
      event.preventDefault();
      close();
    }
  });
  input.addEventListener('blur', () => {
    generation++;
    close();
  });
  if (input.value.trim()) refresh();
  else void ready().catch(() => undefined);
}
