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

/**
 * Slugs no record gets, because a file of the site has that name beside the records' pages:
 * /products/catalogue.json (the catalogue's data) would be a product "catalogue"'s JSON document.
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set(['catalogue']);

/** The base slug if free, else base-2, base-3, …: uniqueSlug('tra', (s) => s === 'tra') → "tra-2"; never a reserved one. */
export function uniqueSlug(base: string, isTaken: (slug: string) => boolean): string {
  const taken = (slug: string) => RESERVED_SLUGS.has(slug) || isTaken(slug);
  if (!taken(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken(candidate)) return candidate;
  }
}
