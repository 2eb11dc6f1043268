import { getDatabase } from '#db/client.ts';
import { getCertificationByCode } from '#db/queries/product-records.ts';
import { localizePath, type Locale } from '#domain/i18n.ts';
import { formatRegistryCode, parseRegistryCode } from '#domain/registry-code.ts';
import { answerStatus, classifyVerifyInput, type VerifyQuery } from '#domain/verify-match.ts';
import { verifyStrings } from '#domain/verify-strings.ts';
import type { VerifyAnswer } from '#domain/verify-findings.ts';
import { countMatches, findVerifyMatches, getVerifyExamples } from './verify-data.ts';

/**
 * Answers /verify/?q=… (and the older ?code=…, whose held code still goes straight to its verification
 * page): reads the input every way it can be read, looks each reading up, and says what matched.
 */
export async function answerVerify(params: URLSearchParams, locale: Locale): Promise<{ redirect: string } | VerifyAnswer> {
  const { db } = await getDatabase();
  const legacy = params.get('q') === null ? params.get('code') : null;
  if (legacy !== null) {
    const parsed = parseRegistryCode(legacy, locale);
    if (parsed.ok && (await getCertificationByCode(db, parsed.code))) return { redirect: localizePath(`/verify/${parsed.code}/`, locale) };
  }
  const query = classifyVerifyInput(params.get('q') ?? legacy ?? '');
  const examples = await getVerifyExamples(db);
  if (query.readings.length === 0 && query.refusal === null) return { status: 200, query, findings: null, message: null, examples };
  const findings = await findVerifyMatches(db, query);
  const status = answerStatus(query, { matches: countMatches(findings) });
  return { status, query, findings, message: status === 200 ? null : whyNothing(query, locale), examples };
}

function whyNothing(query: VerifyQuery, locale: Locale): string {
  const s = verifyStrings(locale);
  if (query.refusal) return s.refusal[query.refusal];
  const first = query.readings[0];
  if (first?.kind === 'code') return s.notHeldCode(formatRegistryCode(first.code));
  if (first?.kind === 'decision') return s.notHeldDecision(query.input);
  return s.notHeldName(query.input);
}
