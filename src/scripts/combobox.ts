/**
 * The header search combobox (ARIA 1.2 combobox with a listbox popup): the top products as the visitor
 * types, arrow keys to move, Enter to open, Escape to close. The form still submits to /search/.
 */
import type { CatalogueItem } from '../domain/catalogue.ts';
import { PRODUCT_FIELDS } from '../domain/search/documents.ts';
import { loadIndex } from '../domain/search/pipeline.ts';
import { highlight, searchIndex } from '../domain/search/query.ts';
import type { CataloguePayload } from './catalogue-filters.ts';

const MAX_OPTIONS = 6;

/** Turns the header's plain search input into a combobox; the index is fetched now, on first focus. */
export function startCombobox(input: HTMLInputElement): void {
  const form = input.form!;
  const listbox = document.getElementById(input.getAttribute('aria-controls') ?? '')!;
  const base = form.dataset['base'] ?? '/';
  const allLabel = form.dataset['allLabel'] ?? '';
  let active = -1;
  let options: { href: string; node: HTMLLIElement }[] = [];
  let data: { index: ReturnType<typeof loadIndex>; bySlug: Map<string, CatalogueItem>; store: CataloguePayload } | undefined;
  const ready = Promise.all([
    fetch(`${base}search/products-index.json`).then((r) => r.json()),
    fetch(`${base}products/catalogue.json`).then((r) => r.json()),
  ]).then(([index, store]: [object, CataloguePayload]) => {
    data = { index: loadIndex(index), bySlug: new Map(store.items.map((i) => [i.slug, i])), store };
  });

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
    setActive(-1);
  };
  const update = () => {
    const q = input.value.trim();
    if (!data || !q) return close();
    const items = searchIndex(
      data.index,
      q,
      PRODUCT_FIELDS.map((f) => f.name),
    )
      .slice(0, MAX_OPTIONS)
      .flatMap((h) => data!.bySlug.get(h.ref) ?? []);
    const rows = items.map((item) => ({
      href: `${data!.store.productBase}${item.slug}/`,
      name: item.name,
      meta: `${item.establishmentName ?? ''} · ${item.provinceName}`,
    }));
    rows.push({ href: `${base}search/?q=${encodeURIComponent(q)}`, name: `${allLabel} “${q}”`, meta: '' });
    options = rows.map((row, n) => {
      const node = document.createElement('li');
      node.id = `site-search-option-${n}`;
      node.setAttribute('role', 'option');
      node.setAttribute('aria-selected', 'false');
      const name = document.createElement('span');
      name.append(
        ...highlight(row.name, n < items.length ? q : '').map((p) =>
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
  };

  input.addEventListener('input', () => void ready.then(update));
  input.addEventListener('keydown', (event) => {
    const isOpen = !listbox.hidden;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (!isOpen) update();
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
  input.addEventListener('blur', close);
  void ready.then(() => input === document.activeElement && input.value.trim() && update());
}
