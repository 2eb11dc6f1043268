import { getDatabase } from '../db/client.ts';
import { getCertificationByCode } from '../db/queries/catalogue.ts';
import { localizePath, type Locale } from '../domain/i18n.ts';
import { parseRegistryCode } from '../domain/registry-code.ts';
import { t } from '../domain/ui-strings.ts';

export type VerifyOutcome =
  | { kind: 'empty'; input: string; message?: undefined }
  | { kind: 'found'; location: string; input: string; message?: undefined }
  | { kind: 'invalid' | 'unknown'; input: string; message: string };

/** What /verify/?code=… answers: the certification's page, or why the typed code is not one. */
export async function checkRegistryCode(raw: string | null, locale: Locale): Promise<VerifyOutcome> {
  const input = (raw ?? '').slice(0, 64);
  if (!input.trim()) return { kind: 'empty', input: '' };
  const parsed = parseRegistryCode(input, locale);
  if (!parsed.ok) return { kind: 'invalid', input, message: parsed.message };
  const { db } = await getDatabase();
  const found = await getCertificationByCode(db, parsed.code);
  if (!found) return { kind: 'unknown', input, message: t(locale).verifyNotFound };
  return { kind: 'found', input, location: localizePath(`/verify/${parsed.code}/`, locale) };
}
