import { expect, test } from '@playwright/test';
import { axeScan, WCAG_AND_BEST_PRACTICE } from './support/axe.ts';

// The scan every story's accessibility check relies on must be able to fail (it runs axe in legacy mode).
test('the accessibility scan finds an image without a text alternative and an unlabelled field', async ({ page }) => {
  await page.goto('/404/');
  await page.evaluate(() => {
    const main = document.querySelector('main') ?? document.body;
    main.insertAdjacentHTML('beforeend', '<img src="/favicon.svg"><input type="text">');
  });
  for (const tags of [undefined, WCAG_AND_BEST_PRACTICE]) {
    const ids = (await axeScan(page, tags)).violations.map((v) => v.id);
    expect(ids).toEqual(expect.arrayContaining(['image-alt', 'label']));
  }
});
