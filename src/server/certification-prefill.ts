/**
 * "Province when certified" filled in from the product's establishment (#20.4): on the new-certification form
 * opened for a product (?productId=12), and on a posted form that left the province empty. Staff may still
 * choose another province (the establishment may have moved, or the certificate predates a merger).
 */
import type { DbOrTx } from '#db/client.ts';
import { provinceOfProduct } from '#db/queries/admin/certification-province.ts';
import { recordId } from './admin-pages.ts';

const productOf = (value: unknown) => recordId(typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined);

/** A new certification's starting values with the establishment's province when none is chosen. */
export async function prefillProvince(db: DbOrTx, section: string, values: Record<string, unknown>): Promise<Record<string, unknown>> {
  const productId = productOf(values['productId']);
  if (section !== 'certifications' || productId === null || values['provinceId']) return values;
  const provinceId = await provinceOfProduct(db, productId);
  return provinceId === null ? values : { ...values, provinceId: String(provinceId) };
}

/** The same for a posted form: an empty province takes the establishment's. */
export async function fillPostedProvince(db: DbOrTx, section: string, form: FormData): Promise<void> {
  const productId = productOf(form.get('productId'));
  if (section !== 'certifications' || productId === null || form.get('provinceId')) return;
  const provinceId = await provinceOfProduct(db, productId);
  if (provinceId !== null) form.set('provinceId', String(provinceId));
}
