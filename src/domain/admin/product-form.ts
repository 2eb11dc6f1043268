/**
 * What staff may write about a product (R12), single or a set (bộ sản phẩm). A set lists its items, one
 * per line, in order; a single product has none. Certifications and photos have their own forms.
 */
import { z } from 'zod';
import { englishNameField, optionalEnglishName } from './english-name-field.ts';
import { lines, optionalId, optionalText, readForm, requiredText, status, version, type FieldSpec } from './form.ts';
import { descriptionFields, STATUS_FIELD } from './shared-fields.ts';

export const ProductInput = z
  .object({
    name: requiredText(2, 300, 'Tên sản phẩm'),
    nameEn: optionalEnglishName('product'),
    kind: z.enum(['single', 'set'], { error: 'Chọn sản phẩm đơn hay bộ sản phẩm.' }),
    groupId: optionalId('Chọn nhóm sản phẩm.'),
    establishmentId: optionalId('Chọn cơ sở sản xuất.'),
    setItems: lines(50, 200, 'thành phần'),
    descriptionVi: optionalText(4000),
    descriptionEn: optionalText(4000),
    status: status(),
    version: version(),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.kind === 'set' && p.setItems.length === 1)
      ctx.addIssue({ code: 'custom', path: ['setItems'], message: 'Một bộ sản phẩm có ít nhất 2 thành phần (hoặc để trống nếu chưa rõ).' });
    if (p.kind === 'single' && p.setItems.length > 0)
      ctx.addIssue({
        code: 'custom',
        path: ['setItems'],
        message: 'Chỉ bộ sản phẩm mới có thành phần; chọn “Bộ sản phẩm” hoặc xoá các dòng.',
      });
  });
export type ProductInput = z.output<typeof ProductInput>;

export const PRODUCT_FIELDS: readonly FieldSpec[] = [
  { name: 'name', label: 'Tên sản phẩm', kind: 'text', required: true, max: 300 },
  englishNameField('product'),
  { name: 'kind', label: 'Loại', kind: 'select', options: 'productKinds', required: true },
  {
    name: 'setItems',
    label: 'Thành phần của bộ',
    kind: 'lines',
    hint: 'Chỉ với bộ sản phẩm: mỗi dòng một sản phẩm, theo thứ tự.',
    max: 10_000,
  },
  { name: 'groupId', label: 'Nhóm sản phẩm', kind: 'select', options: 'groups' },
  { name: 'establishmentId', label: 'Cơ sở sản xuất', kind: 'select', options: 'establishments', picker: 'establishments' },
  ...descriptionFields(4000),
  STATUS_FIELD,
];

export const readProductForm = (form: FormData | Record<string, unknown>) => readForm(ProductInput, form);

export const PRODUCT_KIND_OPTIONS = [
  { value: 'single', label: 'Sản phẩm đơn' },
  { value: 'set', label: 'Bộ sản phẩm' },
];
