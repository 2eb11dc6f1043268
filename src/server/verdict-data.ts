/**
 * The loader of the certificate verification pages (/verify/<code>/ in both languages): the certification
 * and the producer of its product. What it reads is what `render-record.ts` fingerprints for the page
 * (decision 032): keep the two in step.
 */
import { getDatabase } from '#db/client.ts';
import { getCertificationByCode, listRegistryCodes } from '#db/queries/product-records.ts';
import type { CertificationView } from '#domain/certification-view.ts';
import { oncePerBuild } from './build-memo.ts';
import { getProductRecord, type ProductRecord } from './product-data.ts';
import { keysToRender } from './render-filter.ts';

/** What a verification page renders: the certification and, when its product names one, the producer. */
export interface VerdictPageData {
  certification: CertificationView;
  establishment: ProductRecord['establishment'] | null;
}

/** The verification pages this build renders (all, or those the publish's plan names). */
export async function verdictPaths(): Promise<{ params: { code: string } }[]> {
  const { db } = await getDatabase();
  return keysToRender('verify', await listRegistryCodes(db)).map((code) => ({ params: { code } }));
}

/** What the verification page of registry code `code` shows. */
export async function getVerdictPage(prerendering: boolean, code: string): Promise<VerdictPageData> {
  const { db } = await getDatabase();
  const certification = await oncePerBuild(prerendering, `certification:${code}`, () => getCertificationByCode(db, code));
  if (!certification) throw new Error(`certification ${code} vanished during the build`);
  const product = await getProductRecord(prerendering, certification.productSlug);
  return { certification, establishment: product?.establishment ?? null };
}
