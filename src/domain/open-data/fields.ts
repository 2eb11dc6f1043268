/** The field builders and code lists every open-data schema is written with (./record-schemas.ts, ./file-schemas.ts). */
import { z } from 'zod';
import type { LegalForm } from '#domain/establishments.ts';
import type { ProductGroupCode } from '#domain/groups.ts';
import type { CertificationLevel, RegionCode } from '#domain/levels.ts';
import type { CertificationStatus } from '#domain/validity.ts';

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Crockford base32 without I, L, O, U: src/domain/registry-code.ts. */
export const REGISTRY_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{10}$/;

export const slug = (description: string) => z.string().regex(SLUG_PATTERN).describe(description);
export const text = (description: string) => z.string().min(1).describe(description);
export const optionalText = (description: string) => z.string().min(1).nullable().describe(description);
export const optionalDate = (description: string) => z.iso.date().nullable().describe(description);
export const url = (description: string) => z.url().describe(description);
export const count = (description: string) => z.number().int().min(0).describe(description);
export const optionalSlug = (description: string) => z.string().regex(SLUG_PATTERN).nullable().describe(description);
export const optionalUrl = (description: string) => z.url().nullable().describe(description);
export const optionalCount = (description: string) => z.number().int().min(0).nullable().describe(description);

export const LEVEL_CODES = ['commune', 'district', 'provincial', 'regional', 'national'] as const satisfies readonly CertificationLevel[];
export const REGION_CODES = ['north', 'central', 'south'] as const satisfies readonly RegionCode[];
export const GROUP_CODES = ['handicraft', 'food', 'machinery', 'other'] as const satisfies readonly ProductGroupCode[];
export const LEGAL_FORM_CODES = [
  'enterprise',
  'cooperative',
  'cooperative_group',
  'household',
  'other',
] as const satisfies readonly LegalForm[];
export const STATUS_CODES = ['valid', 'expired', 'revoked'] as const satisfies readonly CertificationStatus[];

export const LEVEL_TEXT =
  'commune (cấp xã, from 1 July 2025), district (cấp huyện, the legacy level before it), provincial (cấp tỉnh), regional (cấp khu vực) or national (cấp quốc gia)';
export const REGION_TEXT = 'north (khu vực phía Bắc), central (miền Trung – Tây Nguyên) or south (phía Nam)';
export const GROUP_TEXT =
  'handicraft (thủ công mỹ nghệ), food (chế biến nông, lâm, thủy sản và thực phẩm), machinery (thiết bị, máy móc, dụng cụ và phụ tùng cơ khí) or other (sản phẩm khác)';

export const level = (description: string) => z.enum(LEVEL_CODES).describe(`${description}: ${LEVEL_TEXT}.`);
export const group = z
  .enum(GROUP_CODES)
  .nullable()
  .describe(`The product group (nhóm sản phẩm): ${GROUP_TEXT}; null when no source states it.`);

/** Province fields, flattened: `<prefix>_slug`, `<prefix>_name` and (for a unit of either era) `<prefix>_era`. */
export function provinceEra(what: string): z.ZodEnum<{ pre2025: 'pre2025'; current: 'current' }>;
export function provinceEra(what: string, nullable: true): z.ZodNullable<z.ZodEnum<{ pre2025: 'pre2025'; current: 'current' }>>;
export function provinceEra(what: string, nullable = false) {
  const era = z.enum(['pre2025', 'current']);
  const description = `Whether the ${what} is one of the 63 units before the merger of 1 July 2025 (pre2025) or one of the 34 after it (current)${nullable ? '; null when unknown' : ''}.`;
  return nullable ? era.nullable().describe(description) : era.describe(description);
}
