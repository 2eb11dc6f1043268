/** The offline pack of a fair page: the service worker keeps this fair for the hall floor (./offline-pack.ts). */
import type { DirectoryStrings } from './fair-directory-items.ts';
import { armOfflinePack } from './offline-pack.ts';

/** Arms the offline pack, saying its state in the page's live region only when the state changes. */
export function armOffline(root: HTMLElement, strings: DirectoryStrings): Promise<void> {
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
