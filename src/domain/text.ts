/** Trims, collapses every run of white space (NBSP included) to one space, and returns NFC. "  Trà\u00a0 Ô " → "Trà Ô" */
export function normalizeText(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/**
 * Folds Vietnamese for comparison and search: NFD, combining marks U+0300–U+036F dropped, đ/Đ → d
 * (NFD does not decompose đ), lower case, white space collapsed. "Đồng Tháp" → "dong thap"
 */
export function foldVietnamese(s: string): string {
  return normalizeText(s)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/** Folded with everything but [a-z0-9] removed: "Mac ca & Sa chi" and "Macca&Sachi" → "maccasachi". */
export function compactKey(s: string): string {
  return foldVietnamese(s).replace(/[^a-z0-9]/g, '');
}

/** Plain Levenshtein edit distance: levenshtein('bac giang', 'bac giangg') → 1 */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost));
    }
    previous = current;
  }
  return previous[b.length]!;
}
