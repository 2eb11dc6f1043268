/** The exhibitor directory of a fair page (./fair-directory.ts): its list items and its words. */

/** The directory's words, from the page's JSON (FairPage.astro). */
export interface DirectoryStrings {
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

/** One exhibitor's list item, with what the directory reads from it once. */
export interface DirectoryItem {
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

/** The list's items as the server rendered them, in booth order. */
export function readItems(list: HTMLOListElement): DirectoryItem[] {
  return [...list.querySelectorAll<HTMLLIElement>(':scope > li')].map((li) => ({
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
}
