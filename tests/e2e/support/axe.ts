import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** The rules the visitor pages are held to: WCAG 2.1 A and AA, and axe's best practices. */
export const WCAG_AND_BEST_PRACTICE = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/**
 * An accessibility scan of the page as it is now (every rule, or those of `tags`). Axe runs in "legacy" mode: one
 * injection of its 550 KB source into the page and one `axe.run`, instead of a run per frame finished in a second,
 * blank page that needs the source injected again. The two modes differ only for cross-origin frames, and no page
 * of the site has a frame; the injection is most of a scan's cost on a busy two-core machine (decision 045).
 */
export function axeScan(page: Page, tags?: readonly string[]) {
  const builder = new AxeBuilder({ page }).setLegacyMode(true);
  return (tags ? builder.withTags([...tags]) : builder).analyze();
}
