/**
 * The island side of FilterPanel.astro: wide screens open the panel and every facet group; the
 * "show results" link closes the panel on its way to the results; `show` writes how many filters are
 * active (on the button) and how many results they leave (in the panel's foot, where the finger is).
 */
import { fillCount } from '../domain/listing-strings.ts';

/** Arms the filter panel inside `root`; returns the function that shows a new state on it. */
export function armFilterPanel(root: ParentNode, locale: 'vi' | 'en'): (active: number, total: number) => void {
  const panel = root.querySelector<HTMLDetailsElement>('[data-filter-panel]')!;
  const badge = panel.querySelector<HTMLElement>('[data-filter-count]')!;
  const done = panel.querySelector<HTMLAnchorElement>('[data-show-results]')!;
  if (matchMedia('(min-width: 60rem)').matches) for (const details of root.querySelectorAll('details')) details.open = true;
  done.addEventListener('click', () => {
    if (!matchMedia('(min-width: 60rem)').matches) panel.open = false;
  });
  return (active, total) => {
    badge.hidden = active === 0;
    badge.textContent = fillCount(panel.dataset['activeText']!, active, locale);
    done.textContent = fillCount(panel.dataset['showText']!, total, locale);
  };
}
