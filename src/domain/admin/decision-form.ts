/**
 * What staff may write about a recognition decision (issue #16): its number exactly as printed, date,
 * issuer (an organisation of the directory and/or the name as the source gives it), level and region,
 * round year, how many products it certified as published, a note and its source. The PDF is uploaded
 * separately (src/pages/admin/decisions/[id]/document.ts); the slug is made once, from the number.
 */
import { z } from 'zod';
import { decisionNumberKey } from '#domain/decision-number.ts';
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
import { checkRoundRegion, ROUND_FIELDS, roundFields, SOURCE_URL_FIELD, STATUS_FIELD } from './shared-fields.ts';
import { ADMIN_WORDS } from './words.ts';

export const DecisionInput = z
  .object({
    number: requiredText(1, 80, 'Số quyết định').refine(
      (s) => /\d/.test(s) && decisionNumberKey(s).length >= 2,
      'Số quyết định như trên văn bản, ví dụ 3116/QĐ-BCT.',
    ),
    decisionDate: optionalDate(),
    issuerId: optionalId('Chọn cơ quan ban hành.'),
    issuerText: optionalText(300),
    ...roundFields(),
    productsCertified: optionalInt(0, 100_000, 'Số sản phẩm là số nguyên từ 0 trở lên.'),
    note: optionalText(2000),
    sourceUrl: optionalWebUrl(500, ADMIN_WORDS.source),
    status: status(),
    version: version(),
  })
  .strict()
  .superRefine((d, ctx) => {
    checkRoundRegion(d, ctx, 'quyết định');
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
  ...ROUND_FIELDS,
  {
    name: 'productsCertified',
    label: 'Số sản phẩm được công nhận',
    kind: 'number',
    max: 6,
    hint: 'Theo văn bản công bố; để trống nếu chưa rõ.',
  },
  { name: 'note', label: 'Ghi chú', kind: 'textarea', max: 2000 },
  SOURCE_URL_FIELD,
  STATUS_FIELD,
];

export const readDecisionForm = (form: FormData | Record<string, unknown>) => readForm(DecisionInput, form);
