/**
 * A polite announcement that waits for typing to settle: each call replaces the pending text, and only
 * the last one is written, `delay` ms after the calls stop, and only when it differs from what was last
 * written. Screen readers then hear "12 results" once, not once per keystroke.
 */
export function politeAnnouncer(write: (text: string) => void, delay = 600): (text: string) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = '';
  return (text) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (text === last) return;
      last = text;
      write(text);
    }, delay);
  };
}

/** A visually hidden polite live region appended to `parent`, and the announcer that writes into it. */
export function liveRegion(parent: Element, delay?: number): (text: string) => void {
  const region = document.createElement('p');
  region.className = 'visually-hidden';
  region.setAttribute('aria-live', 'polite');
  parent.append(region);
  return politeAnnouncer((text) => (region.textContent = text), delay);
}
