/**
 * What staff may write about a recognition decision (issue #16): its number exactly as printed, date,
 * issuer (an organisation of the directory and/or the name as the source gives it), level and region,
 * round year, how many products it certified as published, a note and its source. The PDF is uploaded
 * separately (src/pages/admin/decisions/[id]/document.ts); the slug is made once, from the number.
 */
import { z } from 'zod';
import { decisionNumberKey } from '../decision-number.ts';
import { LEVELS, REGIONS, type CertificationLevel, type RegionCode } from '../levels.ts';
import {
  optionalDate,
  optionalId,
  optionalInt,
  optionalText,
  optionalWebUrl,
  readForm,
  requiredText,
  status,
  version,
  type FieldSpec,
} from './form.ts';

const THIS_YEAR = new Date().getUTCFullYear();

export const DecisionInput = z
  .object({
    number: requiredText(1, 80, 'Số quyết định').refine(
      (s) => /\d/.test(s) && decisionNumberKey(s).length >= 2,
      'Số quyết định như trên văn bản, ví dụ 3116/QĐ-BCT.',
    ),
    decisionDate: optionalDate(),
    issuerId: optionalId('Chọn cơ quan ban hành.'),
    issuerText: optionalText(300),
    level: z.enum(LEVELS.map((l) => l.code) as [CertificationLevel, ...CertificationLevel[]], { error: 'Chọn cấp.' }),
    regionCode: z
      .string()
      .optional()
      .transform((s) => s || null)
      .pipe(z.enum(REGIONS.map((r) => r.code) as [RegionCode, ...RegionCode[]], { error: 'Chọn khu vực.' }).nullable()),
    roundYear: z
      .string({ error: 'Năm là bắt buộc.' })
      .regex(/^\d{4}$/, 'Năm gồm 4 chữ số.')
      .transform(Number)
      .refine((y) => y >= 2000 && y <= THIS_YEAR + 1, `Năm từ 2000 đến ${THIS_YEAR + 1}.`),
    productsCertified: optionalInt(0, 100_000, 'Số sản phẩm là số nguyên từ 0 trở lên.'),
    note: optionalText(2000),
    sourceUrl: optionalWebUrl(500, 'Nguồn'),
    status: status(),
    version: version(),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.level === 'regional' && !d.regionCode)
      ctx.addIssue({ code: 'custom', path: ['regionCode'], message: 'Quyết định cấp khu vực cần chọn khu vực.' });
    if (d.level !== 'regional' && d.regionCode)
      ctx.addIssue({ code: 'custom', path: ['regionCode'], message: 'Chỉ quyết định cấp khu vực mới có khu vực.' });
    if (d.decisionDate && d.decisionDate.slice(0, 4) < String(d.roundYear - 1))
      ctx.addIssue({ code: 'custom', path: ['decisionDate'], message: 'Ngày quyết định không khớp với năm công nhận.' });
  });
export type DecisionInput = z.output<typeof DecisionInput>;

export const DECISION_FIELDS: readonly FieldSpec[] = [
  { name: 'number', label: 'Số quyết định', kind: 'text', required: true, max: 80, hint: 'Như trên văn bản, ví dụ 3116/QĐ-BCT.' },
  { name: 'decisionDate', label: 'Ngày quyết định', kind: 'date' },
  { name: 'issuerId', label: 'Cơ quan ban hành', kind: 'select', options: 'organisations', picker: 'organisations' },
  {
    name: 'issuerText',
    label: 'Tên cơ quan ban hành như văn bản',
    kind: 'text',
    max: 300,
    hint: 'Ví dụ UBND tỉnh Bình Thuận. Dùng để phân biệt quyết định cùng số của các tỉnh.',
  },
  { name: 'level', label: 'Cấp', kind: 'select', options: 'levels', required: true },
  { name: 'regionCode', label: 'Khu vực', kind: 'select', options: 'regions', hint: 'Chỉ với cấp khu vực.' },
  { name: 'roundYear', label: 'Năm công nhận', kind: 'number', required: true, max: 4 },
  {
    name: 'productsCertified',
    label: 'Số sản phẩm được công nhận',
    kind: 'number',
    max: 6,
    hint: 'Theo văn bản công bố; để trống nếu chưa rõ.',
  },
  { name: 'note', label: 'Ghi chú', kind: 'textarea', max: 2000 },
  { name: 'sourceUrl', label: 'Nguồn', kind: 'url', max: 500, hint: 'Bắt đầu bằng http:// hoặc https://' },
  { name: 'status', label: 'Trạng thái', kind: 'select', options: 'statuses', required: true },
];

export const readDecisionForm = (form: FormData | Record<string, unknown>) => readForm(DecisionInput, form);
