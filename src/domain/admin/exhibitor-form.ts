/**
 * What staff may write about an exhibitor (R12): an establishment at a fair, its booth (typed any way,
 * kept in one canonical form), its rectangle on the floor plan (all four numbers or none) and the
 * products it shows. Demonstration rows (is_sample) are made by the demo seed only, never here.
 */
import { z } from 'zod';
import { normalizeBoothCode } from '#domain/fairs.ts';
import { optionalDecimal, optionalText, readForm, requiredId, status, version, type FieldSpec } from './form.ts';
import { STATUS_FIELD } from './shared-fields.ts';

const planNumber = optionalDecimal(0, 100_000, 'Toạ độ là số không âm.');

export const ExhibitorInput = z
  .object({
    fairId: requiredId('Chọn hội chợ.'),
    establishmentId: requiredId('Chọn cơ sở sản xuất.'),
    boothCode: z
      .string()
      .optional()
      .transform((s, ctx) => {
        if (!(s ?? '').trim()) return null;
        const code = normalizeBoothCode(s!);
        if (!code) {
          ctx.addIssue({ code: 'custom', message: 'Mã gian hàng gồm chữ và số, ví dụ A12 hoặc B2-05 (tối đa 12 ký tự).' });
          return z.NEVER;
        }
        return code;
      }),
    hall: optionalText(60),
    planX: planNumber,
    planY: planNumber,
    planW: planNumber,
    planH: planNumber,
    productIds: z
      .array(z.string().regex(/^\d{1,9}$/, 'Sản phẩm không hợp lệ.'))
      .max(200, 'Tối đa 200 sản phẩm.')
      .transform((ids) => [...new Set(ids.map(Number))].sort((a, b) => a - b)),
    status: status(),
    version: version(),
  })
  .strict()
  .superRefine((e, ctx) => {
    const plan = [e.planX, e.planY, e.planW, e.planH];
    if (plan.some((v) => v !== null) && plan.some((v) => v === null))
      ctx.addIssue({ code: 'custom', path: ['planX'], message: 'Nhập đủ bốn số của vị trí trên sơ đồ, hoặc để trống cả bốn.' });
    if ((e.planW !== null && e.planW <= 0) || (e.planH !== null && e.planH <= 0))
      ctx.addIssue({ code: 'custom', path: ['planW'], message: 'Chiều rộng và chiều cao gian hàng phải lớn hơn 0.' });
  });
export type ExhibitorInput = z.output<typeof ExhibitorInput>;

export const EXHIBITOR_FIELDS: readonly FieldSpec[] = [
  { name: 'fairId', label: 'Hội chợ', kind: 'select', options: 'fairs', picker: 'fairs', required: true, createOnly: true },
  {
    name: 'establishmentId',
    label: 'Cơ sở sản xuất',
    kind: 'select',
    options: 'establishments',
    picker: 'establishments',
    required: true,
    createOnly: true,
  },
  { name: 'boothCode', label: 'Mã gian hàng', kind: 'text', max: 24, hint: 'Ví dụ A12, B2-05; viết thế nào cũng được lưu theo một dạng.' },
  { name: 'hall', label: 'Nhà/khu trưng bày', kind: 'text', max: 60 },
  { name: 'planX', label: 'Sơ đồ: x', kind: 'number', max: 8 },
  { name: 'planY', label: 'Sơ đồ: y', kind: 'number', max: 8 },
  { name: 'planW', label: 'Sơ đồ: rộng', kind: 'number', max: 8 },
  { name: 'planH', label: 'Sơ đồ: cao', kind: 'number', max: 8 },
  { name: 'productIds', label: 'Sản phẩm trưng bày', kind: 'checks', options: 'exhibitorProducts' },
  STATUS_FIELD,
];

export const readExhibitorForm = (form: FormData | Record<string, unknown>) => readForm(ExhibitorInput, form, ['productIds']);
