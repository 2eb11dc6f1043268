/** What the redirect pages and the release's `_redirects` file are built from: the fairs' old slugs. */
import { getDatabase } from '#db/client.ts';
import { listFairSlugRedirects } from '#db/queries/slug-redirects.ts';
import { LOCALES, localizePath } from '#domain/i18n.ts';
import type { Move } from '#domain/redirects.ts';

/** Each published fair's old slugs with its current one. */
export async function listFairMoves(): Promise<{ oldSlug: string; slug: string }[]> {
  const { db } = await getDatabase();
  return listFairSlugRedirects(db);
}

/** Every old page path and where it moved, in both languages. */
export async function listMoves(): Promise<Move[]> {
  return (await listFairMoves()).flatMap(({ oldSlug, slug }) =>
    LOCALES.map((locale) => ({ from: localizePath(`/fairs/${oldSlug}/`, locale), to: localizePath(`/fairs/${slug}/`, locale) })),
  );
}
