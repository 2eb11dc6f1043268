/**
 * The island side of FilterPanel.astro: wide screens open the panel and every facet group; the
 * "show results" link closes the panel on its way to the results; `show` writes how many filters are
 * active (on the button) and how many results they leave (in the panel's foot, where the finger is).
 * The templates come from the panel's data attributes (src/domain/listing-strings.ts), filled here without
 * importing that module, to keep the search page's script small.
 */
/** Arms the filter panel inside `root`; returns the function that shows a new state on it. */
export function armFilterPanel(root: ParentNode, locale: 'vi' | 'en'): (active: number, total: number) => void {
  const panel = root.querySelector<HTMLDetailsElement>('[data-filter-panel]')!;
  const badge = panel.querySelector<HTMLElement>('[data-filter-count]')!;
  const done = panel.querySelector<HTMLAnchorElement>('[data-show-results]')!;
  if (matchMedia('(min-width: 60rem)').matches) for (const details of root.querySelectorAll('details')) details.open = true;
  done.addEventListener('click', () => {
    if (!matchMedia('(min-width: 60rem)').matches) panel.open = false;
  });
  const fill = (template: string | undefined, n: number) => template!.replace('{n}', n.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB'));
  return (active, total) => {
    badge.hidden = active === 0;
    badge.textContent = active > 0 ? fill(panel.dataset['activeText'], active) : '';
    done.textContent = fill(panel.dataset['showText'], total);
  };
}
