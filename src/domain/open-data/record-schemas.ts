/** The six open-data records (issue #9): certifications, decisions, products, establishments, fairs, exhibitors. */
import { z } from 'zod';
import {
  count,
  group,
  LEGAL_FORM_CODES,
  level,
  LEVEL_CODES,
  LEVEL_TEXT,
  optionalCount,
  optionalDate,
  optionalSlug,
  optionalText,
  optionalUrl,
  provinceEra,
  REGION_CODES,
  REGION_TEXT,
  REGISTRY_CODE_PATTERN,
  slug,
  SLUG_PATTERN,
  STATUS_CODES,
  text,
  url,
} from './fields.ts';

export const CertificationRecord = z
  .object({
    registry_code: z
      .string()
      .regex(REGISTRY_CODE_PATTERN)
      .describe(
        'The registry code of this certification, its stable public key: 10 characters (level letter, two-digit year, six characters, a check character), printed on certificates in groups as T21-4K7M-9XQ.',
      ),
    verify_url: url('The public page that confirms this certification (what the QR code on its certificate opens).'),
    product_slug: slug('The certified product: its slug in products.json.'),
    product_name: text('The product’s name as the registry shows it now.'),
    product_name_en: optionalText('The product’s English name where the registry’s staff recorded one; null otherwise.'),
    product_name_as_published: optionalText('The product’s name as the recognition decision or list wrote it, where recorded.'),
    product_group: group,
    establishment_slug: optionalSlug(
      'The establishment that makes the product: its slug in establishments.json; null when the source names no producer.',
    ),
    establishment_name: optionalText('The establishment’s name as the registry shows it now; null when the source names no producer.'),
    establishment_name_en: optionalText('The establishment’s English name where the registry’s staff recorded one; null otherwise.'),
    producer_name_as_published: optionalText('The producer’s name as the recognition decision or list wrote it, where recorded.'),
    level: level('The level of the certification'),
    region: z
      .enum(REGION_CODES)
      .nullable()
      .describe(`For a regional certification, the region of its round: ${REGION_TEXT}; null at every other level.`),
    round_year: z.number().int().min(1000).max(9999).describe('The year of the selection round (bình chọn).'),
    decision_no: optionalText('The number of the recognition decision (Quyết định) as written, e.g. 3116/QĐ-BCT.'),
    decision_slug: optionalSlug(
      'The recognition decision this certification was made by: its slug in decisions.json; null when the registry holds no record of it.',
    ),
    decision_date: optionalDate('The date of the recognition decision (YYYY-MM-DD).'),
    issuer_name: optionalText('The authority that issued the recognition, under the name it bore on the decision date.'),
    certificate_no: optionalText('The number of the certificate (Giấy chứng nhận) as written.'),
    score: z.number().min(0).max(100).nullable().describe('The jury’s score out of 100, where published.'),
    award_tier: optionalText('The prize tier some provinces award (giải A/B/C/khuyến khích), as written.'),
    issued_on: optionalDate('The date the certificate was issued (YYYY-MM-DD).'),
    valid_until: optionalDate(
      'The last day the certificate is valid (YYYY-MM-DD): by Circular 14/2018, 31 December of the fourth year counted from the year of issue, unless recorded otherwise. Null: no end recorded.',
    ),
    revoked_at: optionalDate('The date the recognition was revoked (YYYY-MM-DD); null when it was not.'),
    status: z
      .enum(STATUS_CODES)
      .describe(
        'The status on the release date (release.date, Vietnam time): revoked when revoked_at is set, else expired when valid_until is before that day, else valid.',
      ),
    province_certified_slug: slug('The province as named in the decision (before 1 July 2025 an old, pre-merger unit): its slug.'),
    province_certified_name: text('The province as named in the decision: its name.'),
    province_certified_era: provinceEra('province as certified'),
    province_current_slug: slug('The current province (after the 2025 merger) that the province as certified is now part of: its slug.'),
    province_current_name: text('The current province that the province as certified is now part of: its name.'),
    source_url: optionalUrl('The public page or document this certification was taken from; null where none is recorded.'),
  })
  .strict()
  .meta({ title: 'Certification', description: 'One recognition of a product at one level in one selection round.' });

export const ProductRecord = z
  .object({
    slug: slug('The product’s slug, its stable public key (the address of its page).'),
    name: text('The product’s name (as certified; a set keeps its full name).'),
    name_en: optionalText('The name in English where the registry’s staff recorded one (never a machine translation); null otherwise.'),
    kind: z.enum(['single', 'set']).describe('single, or set (bộ sản phẩm: several items certified as one product).'),
    set_items: z.array(z.string().min(1)).describe('For a set, its items in order; empty for a single product.'),
    group,
    establishment_slug: optionalSlug(
      'The establishment that makes it: its slug in establishments.json; null when no source names the producer.',
    ),
    establishment_name: optionalText('The establishment’s name; null when no source names the producer.'),
    establishment_name_en: optionalText('The establishment’s English name where the registry’s staff recorded one; null otherwise.'),
    description_vi: optionalText('A description in Vietnamese, written by the registry’s staff.'),
    description_en: optionalText('A description in English, written by the registry’s staff.'),
    certification_count: count('How many published certifications the product holds (records in certifications.json).'),
    highest_level: z
      .enum(LEVEL_CODES)
      .nullable()
      .describe(`The highest level the product was certified at: ${LEVEL_TEXT}; null without certifications.`),
    has_valid_certification: z.boolean().describe('Whether at least one of its certifications is valid on the release date.'),
    province_current_slug: optionalSlug(
      'The current province of its newest certification (as the catalogue files it): its slug; null without certifications.',
    ),
    province_current_name: optionalText('The current province of its newest certification: its name; null without certifications.'),
    page_url: url('The product’s page in Vietnamese.'),
    page_url_en: url('The product’s page in English.'),
    json_url: optionalUrl(
      'This product as one JSON document (product.schema.json), with its establishment, certifications, fairs and photos; null only for a slug that a file of the site already uses.',
    ),
  })
  .strict()
  .meta({ title: 'Product', description: 'A certified product, single or a set, published in the registry.' });

export const EstablishmentRecord = z
  .object({
    slug: slug('The establishment’s slug, its stable public key.'),
    name: text('The establishment’s name.'),
    name_en: optionalText('The name in English where the registry’s staff recorded one (never a machine translation); null otherwise.'),
    legal_form: z
      .enum(LEGAL_FORM_CODES)
      .describe(
        'The legal form: enterprise (doanh nghiệp), cooperative (hợp tác xã), cooperative_group (tổ hợp tác), household (hộ kinh doanh) or other.',
      ),
    address: optionalText('The address as recorded.'),
    province_registered_slug: optionalSlug(
      'The province the establishment is registered in (an old unit for records from before the 2025 merger): its slug; null when unknown.',
    ),
    province_registered_name: optionalText('The province the establishment is registered in: its name; null when unknown.'),
    province_registered_era: provinceEra('province as registered', true),
    province_current_slug: optionalSlug('The current province the registered province is now part of: its slug; null when unknown.'),
    province_current_name: optionalText('The current province the registered province is now part of: its name; null when unknown.'),
    phone: optionalText('A telephone number, as shown on its public page.'),
    email: optionalText('An e-mail address, as shown on its public page.'),
    website: optionalText('A website, as shown on its public page (as written: not always a full URL).'),
    description_vi: optionalText('A description in Vietnamese, written by the registry’s staff.'),
    description_en: optionalText('A description in English, written by the registry’s staff.'),
    product_count: count('How many published products it makes (records in products.json).'),
    page_url: optionalUrl('Its page in Vietnamese; null when it has no page (no published product).'),
    page_url_en: optionalUrl('Its page in English; null when it has no page (no published product).'),
  })
  .strict()
  .meta({
    title: 'Establishment',
    description: 'A rural industrial establishment (cơ sở công nghiệp nông thôn) published in the registry.',
  });

export const FairRecord = z
  .object({
    slug: slug('The fair’s slug, its stable public key.'),
    name: text('The fair’s name as published.'),
    name_en: optionalText('The name in English where the registry’s staff recorded one (never a machine translation); null otherwise.'),
    level: z
      .enum(['national', 'regional', 'provincial', 'international', 'other'])
      .nullable()
      .describe('The fair’s level: national, regional, provincial, international or other; null when unknown.'),
    region: z.enum(REGION_CODES).nullable().describe(`For a regional fair, its region: ${REGION_TEXT}.`),
    start_date: optionalDate('The first day (YYYY-MM-DD).'),
    end_date: optionalDate('The last day (YYYY-MM-DD).'),
    city: optionalText('The city it was held in.'),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .describe('The country it was held in (ISO 3166-1 alpha-2, e.g. VN).'),
    venue: optionalText('The venue as published.'),
    organiser: optionalText('The organiser as published.'),
    booth_count: optionalCount('The number of booths (gian hàng) as published.'),
    booth_count_is_minimum: z.boolean().describe('True when the source said “more than” booth_count.'),
    exhibitor_count_announced: optionalCount('The number of exhibitors the organiser announced.'),
    exhibitors_listed: count('How many exhibitors of this fair are listed in exhibitors.json.'),
    source_url: optionalUrl('The public page the fair was taken from; null where none is recorded.'),
    description_vi: optionalText('A description in Vietnamese.'),
    description_en: optionalText('A description in English.'),
    page_url: url('The fair’s page in Vietnamese.'),
    page_url_en: url('The fair’s page in English.'),
  })
  .strict()
  .meta({ title: 'Fair', description: 'A trade fair (hội chợ triển lãm) where certified products are shown.' });

export const ExhibitorRecord = z
  .object({
    fair_slug: slug('The fair: its slug in fairs.json.'),
    fair_name: text('The fair’s name.'),
    establishment_slug: slug('The exhibiting establishment: its slug in establishments.json. With fair_slug, the key of this record.'),
    establishment_name: text('The establishment’s name.'),
    booth_code: optionalText('The booth (gian hàng) as numbered by the organiser.'),
    hall: optionalText('The hall, where the fair has several.'),
    product_slugs: z
      .array(z.string().regex(SLUG_PATTERN))
      .describe('The published products it showed there: their slugs in products.json.'),
  })
  .strict()
  .meta({
    title: 'Exhibitor',
    description: 'An establishment exhibiting at a fair, at a booth. Demonstration (sample) rows are never included.',
  });

export const DecisionRecord = z
  .object({
    slug: slug('The decision’s stable public key: its number folded and its round year, e.g. 3116-qd-bct-2023.'),
    url: url('The decision’s public page, with the products of it the registry holds.'),
    number: text('The decision number as printed, e.g. 3116/QĐ-BCT.'),
    number_key: text(
      'The number folded for matching (marks, case and separators ignored), e.g. 3116/QD-BCT: what /verify/ looks decisions up by.',
    ),
    decision_date: optionalDate('The date the decision was signed (YYYY-MM-DD); null where no source gives it.'),
    issuer_name: optionalText(
      'The issuing authority as the source names it (or, without one, under the name it bore on the decision date).',
    ),
    level: level('The level of the round the decision closes'),
    region: z
      .enum(REGION_CODES)
      .nullable()
      .describe(`For a regional decision, the region of its round: ${REGION_TEXT}; null at every other level.`),
    round_year: z.number().int().min(1000).max(9999).describe('The year of the selection round (bình chọn).'),
    products_certified: optionalCount('How many products the decision certified, as published; null where the source does not say.'),
    products_held: count(
      'How many published certifications of this decision the registry holds (records in certifications.json with this decision_slug).',
    ),
    note: optionalText('What the source adds (the round’s number, entries), as written.'),
    source_url: optionalUrl('The public page or document the decision was taken from.'),
    document_url: optionalUrl('The decision’s scanned document (PDF) on this site, where staff uploaded one.'),
  })
  .strict()
  .meta({ title: 'Decision', description: 'One recognition decision (Quyết định công nhận): it certifies the products of one round.' });

export type CertificationRecord = z.output<typeof CertificationRecord>;
export type DecisionRecord = z.output<typeof DecisionRecord>;
export type ProductRecord = z.output<typeof ProductRecord>;
export type EstablishmentRecord = z.output<typeof EstablishmentRecord>;
export type FairRecord = z.output<typeof FairRecord>;
export type ExhibitorRecord = z.output<typeof ExhibitorRecord>;
