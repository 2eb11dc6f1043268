import { foldVietnamese } from '#domain/text.ts';
import { searchWords } from './words.ts';

/**
 * Splits text into pieces marking the words a query matched, comparing folded text so "tra o long"
 * highlights "Trà Ô Long". Each NFC character folds to one character, so positions carry over.
 */
export function highlight(text: string, query: string): { text: string; match: boolean }[] {
  const nfc = text.normalize('NFC');
  const folded = [...nfc].map((ch) => foldVietnamese(ch) || ch).join('');
  const wanted = searchWords(query).map((w) => foldVietnamese(w));
  const pieces: { text: string; match: boolean }[] = [];
  const chars = [...nfc];
  const foldedChars = [...folded];
  let i = 0;
  let plain = '';
  while (i < chars.length) {
    const atWordStart = i === 0 || !/[\p{L}\p{N}]/u.test(chars[i - 1]!);
    const rest = foldedChars.slice(i).join('');
    const hit = atWordStart ? wanted.filter((w) => rest.startsWith(w)).sort((a, b) => b.length - a.length)[0] : undefined;
    if (hit) {
      if (plain) pieces.push({ text: plain, match: false });
      plain = '';
      const length = [...hit].length;
      pieces.push({ text: chars.slice(i, i + length).join(''), match: true });
      i += length;
    } else {
      plain += chars[i];
      i++;
    }
  }
  if (plain) pieces.push({ text: plain, match: false });
  return pieces;
}
