/**
 * What staff may write about a certification (R12): one recognition of a product at one level in one
 * round. Its registry code is made once when it is created and never changes (certificates and QR codes
 * carry it); the end of validity follows the rule unless staff enter a date.
 */
import { z } from 'zod';
import { LEVELS, REGIONS, type CertificationLevel } from '#domain/levels.ts';
import {
  optionalDate,
  optionalDecimal,
  optionalId,
  optionalText,
  optionalWebUrl,
  readForm,
  requiredId,
  status,
  version,
  type FieldSpec,
} from './form.ts';
import { checkRoundRegion, ROUND_FIELDS, roundFields, SOURCE_URL_FIELD, STATUS_FIELD } from './shared-fields.ts';
import { ADMIN_WORDS } from './words.ts';

/**
 * Levels whose issuer is known from the level (DOMAIN.md "Levels of certification"), and what to say when
 * it is left empty (#20.1: a provincial certificate saved without one lost "issued by" on its public page).
 * Commune and district committees are not in the directory, so those levels may stay empty.
 */
export const ISSUER_MISSING: Partial<Record<CertificationLevel, string>> = {
  provincial: 'Chứng nhận cấp tỉnh cần cơ quan công nhận: UBND tỉnh/thành nơi công nhận (gõ tên tỉnh để tìm).',
  regional: 'Chứng nhận cấp khu vực cần cơ quan công nhận: Cục của Bộ Công Thương chủ trì vòng khu vực.',
  national: 'Chứng nhận cấp quốc gia cần cơ quan công nhận: Bộ Công Thương.',
};

export const CertificationInput = z
  .object({
    productId: requiredId('Chọn sản phẩm.'),
    ...roundFields(),
    provinceId: requiredId(ADMIN_WORDS.chooseProvince),
    decisionId: optionalId('Chọn quyết định công nhận.'),
    decisionNo: optionalText(80),
    decisionDate: optionalDate(),
    issuerId: optionalId('Chọn cơ quan công nhận.'),
    certificateNo: optionalText(80),
    score: optionalDecimal(0, 100, 'Điểm từ 0 đến 100.'),
    awardTier: optionalText(80),
    issuedOn: optionalDate(),
    validUntil: optionalDate(),
    revokedAt: optionalDate(),
    revokedReason: optionalText(500),
    productNameAsPublished: optionalText(300),
    producerNameAsPublished: optionalText(300),
    sourceUrl: optionalWebUrl(500, ADMIN_WORDS.source),
    status: status(),
    version: version(),
  })
  .strict()
  .superRefine((c, ctx) => {
    checkRoundRegion(c, ctx, 'chứng nhận');
    const issuerMissing = c.issuerId === null ? ISSUER_MISSING[c.level] : undefined;
    if (issuerMissing) ctx.addIssue({ code: 'custom', path: ['issuerId'], message: issuerMissing });
    if (c.revokedReason && !c.revokedAt)
      ctx.addIssue({ code: 'custom', path: ['revokedAt'], message: 'Nhập ngày thu hồi cùng với lý do.' });
    if (c.revokedAt && !c.revokedReason) ctx.addIssue({ code: 'custom', path: ['revokedReason'], message: 'Nêu lý do thu hồi.' });
    if (c.validUntil && c.validUntil < `${c.roundYear}-01-01`)
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'Ngày hết hiệu lực không thể trước năm công nhận.' });
    if (c.decisionDate && c.decisionDate.slice(0, 4) < String(c.roundYear - 1))
      ctx.addIssue({ code: 'custom', path: ['decisionDate'], message: 'Ngày quyết định không khớp với năm công nhận.' });
  });
export type CertificationInput = z.output<typeof CertificationInput>;

export const CERTIFICATION_FIELDS: readonly FieldSpec[] = [
  { name: 'productId', label: 'Sản phẩm', kind: 'select', options: 'products', picker: 'products', required: true, createOnly: true },
  ...ROUND_FIELDS,
  {
    name: 'provinceId',
    label: 'Tỉnh/thành khi công nhận',
    kind: 'select',
    options: 'provinces',
    picker: 'provinces',
    required: true,
    hint: 'Điền sẵn tỉnh của cơ sở sản xuất; đổi nếu khi công nhận cơ sở ở tỉnh khác. Chứng nhận cấp khu vực phải ở một tỉnh của khu vực đó.',
  },
  {
    name: 'decisionId',
    label: 'Quyết định công nhận',
    kind: 'select',
    options: 'decisions',
    hint: 'Các quyết định cùng cấp và năm đứng trước. Nếu để trống số quyết định, số được lấy từ quyết định đã chọn.',
  },
  {
    name: 'decisionNo',
    label: 'Số quyết định',
    kind: 'text',
    max: 80,
    hint: 'Như trên văn bản, ví dụ 3116/QĐ-BCT; có thể khác cách viết trong danh mục quyết định.',
  },
  { name: 'decisionDate', label: 'Ngày quyết định', kind: 'date' },
  {
    name: 'issuerId',
    label: 'Cơ quan công nhận',
    kind: 'select',
    options: 'organisations',
    picker: 'organisations',
    hint: 'Bắt buộc với cấp tỉnh, khu vực và quốc gia.',
  },
  { name: 'certificateNo', label: 'Số giấy chứng nhận', kind: 'text', max: 80 },
  { name: 'score', label: 'Điểm', kind: 'number', max: 6, hint: 'Từ 0 đến 100.' },
  { name: 'awardTier', label: 'Hạng (nếu có)', kind: 'text', max: 80 },
  { name: 'issuedOn', label: 'Ngày cấp', kind: 'date' },
  {
    name: 'validUntil',
    label: 'Hiệu lực đến',
    kind: 'date',
    hint: 'Để trống để tính theo quy định: 31/12 của năm thứ tư kể cả năm công nhận.',
  },
  { name: 'revokedAt', label: 'Ngày thu hồi', kind: 'date' },
  { name: 'revokedReason', label: 'Lý do thu hồi', kind: 'text', max: 500 },
  { name: 'productNameAsPublished', label: 'Tên sản phẩm như văn bản công bố', kind: 'text', max: 300 },
  { name: 'producerNameAsPublished', label: 'Tên cơ sở như văn bản công bố', kind: 'text', max: 300 },
  SOURCE_URL_FIELD,
  STATUS_FIELD,
];

export const readCertificationForm = (form: FormData | Record<string, unknown>) => readForm(CertificationInput, form);

export const LEVEL_OPTIONS = LEVELS.map((l) => ({ value: l.code, label: l.vi }));
export const REGION_OPTIONS = REGIONS.map((r) => ({ value: r.code, label: r.vi }));
