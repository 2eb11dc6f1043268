import { foldVietnamese } from './text.ts';

const MAX_LENGTH = 80;

/** A URL slug from a Vietnamese name: "Trà Ô Long" → "tra-o-long"; an empty result becomes "muc". */
export function slugify(s: string): string {
  let slug = foldVietnamese(s.replace(/×/g, 'x'))
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length > MAX_LENGTH) {
    const cut = slug.slice(0, MAX_LENGTH);
    const boundary = cut.lastIndexOf('-');
    slug = boundary > MAX_LENGTH / 2 ? cut.slice(0, boundary) : cut.replace(/-+$/, '');
  }
  return slug || 'muc';
}

/** The base slug if free, else base-2, base-3, …: uniqueSlug('tra', (s) => s === 'tra') → "tra-2" */
export function uniqueSlug(base: string, isTaken: (slug: string) => boolean): string {
  if (!isTaken(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!isTaken(candidate)) return candidate;
  }
}
