/**
 * The record types staff edit, each as a RecordKind (./records.ts) in its own file under ./kinds/: how its
 * form maps to columns and related rows, what its list shows, and its writable state for history,
 * conflicts and restores. Their words come from `src/domain/admin/kind-labels.ts`.
 */
import type { RecordSection } from '#domain/auth.ts';
import { decisionKind } from './decision-kind.ts';
import { certificationKind } from './kinds/certification.ts';
import { establishmentKind } from './kinds/establishment.ts';
import { exhibitorKind } from './kinds/exhibitor.ts';
import { fairKind } from './kinds/fair.ts';
import { organisationKind } from './kinds/organisation.ts';
import { productKind } from './kinds/product.ts';
import type { RecordKind } from './records.ts';

export { certificationKind, establishmentKind, exhibitorKind, fairKind, organisationKind, productKind };

export const RECORD_KINDS = {
  establishments: establishmentKind,
  products: productKind,
  certifications: certificationKind,
  fairs: fairKind,
  exhibitors: exhibitorKind,
  organisations: organisationKind,
  decisions: decisionKind,
} as const satisfies Record<RecordSection, RecordKind>;

/** The kind of a URL section, or null for anything else. */
export function recordKind(section: string | undefined): RecordKind | null {
  return section && Object.hasOwn(RECORD_KINDS, section) ? RECORD_KINDS[section as RecordSection] : null;
}
