/**
 * The header search box's loader: all it does before a visitor touches the box is wait. On first
 * focus it loads the combobox (and with it lunr and the index); until then a page pays ~0.3 KB.
 */
export function armHeaderSearch(): void {
  const input = document.querySelector<HTMLInputElement>('#site-search');
  if (!input) return;
  // Offline (a fair hall), the import can fail: the box stays a plain GET form and the next focus tries again.
  const load = () => {
    import('./combobox.ts')
      .then(({ startCombobox }) => startCombobox(input))
      .catch(() => input.addEventListener('focus', load, { once: true }));
  };
  input.addEventListener('focus', load, { once: true });
}
