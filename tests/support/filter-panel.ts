import type { Page } from '@playwright/test';

/** Below this width (60rem) a listing's filters fold behind one button (src/styles/catalogue.css). */
export const FILTERS_FOLD_BELOW = 960;

/** Opens a listing's filter panel the way a phone visitor does, by its button, when the screen folds it. */
export async function openListingFilters(page: Page): Promise<void> {
  if ((page.viewportSize()?.width ?? 0) >= FILTERS_FOLD_BELOW) return;
  const panel = page.locator('[data-filter-panel]');
  if (!(await panel.evaluate((d: HTMLDetailsElement) => d.open))) await panel.locator('> summary').click();
}
