/**
 * The loader of what a staff record page lists beside its form (`RecordExtras.astro`): a producer's products
 * and fairs, a product's owner and certificates, a certificate's product, a fair's exhibitors, an
 * exhibitor's fair and producer. The page passes the record it shows, so the links back need no second read.
 */
import type { DbOrTx } from '#db/client.ts';
import {
  certificationsOfProduct,
  exhibitorsOfFair,
  fairsOfEstablishment,
  productOwner,
  productsOfEstablishment,
} from '#db/queries/admin/related.ts';
import type { RecordSection } from '#domain/auth.ts';

type Owner = Awaited<ReturnType<typeof productOwner>>;

/** The related records of one staff record, by its section; null for a section that lists none. */
export type RecordExtras =
  | {
      section: 'establishments';
      products: Awaited<ReturnType<typeof productsOfEstablishment>>;
      fairs: Awaited<ReturnType<typeof fairsOfEstablishment>>;
    }
  | { section: 'products'; owner: Owner; certifications: Awaited<ReturnType<typeof certificationsOfProduct>> }
  | { section: 'certifications'; owner: Owner }
  | { section: 'fairs'; exhibitors: Awaited<ReturnType<typeof exhibitorsOfFair>> }
  | { section: 'exhibitors'; fairId: string; establishmentId: string }
  | null;

/** What the page of record `id` in `section` (whose current values are `record`) lists beside its form. */
export async function getRecordExtras(
  db: DbOrTx,
  section: RecordSection,
  id: number,
  record: Record<string, unknown>,
): Promise<RecordExtras> {
  switch (section) {
    case 'establishments':
      return { section, products: await productsOfEstablishment(db, id), fairs: await fairsOfEstablishment(db, id) };
    case 'products':
      return { section, certifications: await certificationsOfProduct(db, id), owner: await productOwner(db, id) };
    case 'certifications':
      return { section, owner: await productOwner(db, Number(record['productId'])) };
    case 'fairs':
      return { section, exhibitors: await exhibitorsOfFair(db, id) };
    case 'exhibitors':
      return { section, fairId: String(record['fairId']), establishmentId: String(record['establishmentId']) };
    default:
      return null;
  }
}
