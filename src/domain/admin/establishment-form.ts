/**
 * What staff may write about an establishment (R12): exactly these fields, validated and normalised here,
 * with messages in Vietnamese beside each field. Anything else in the form is refused, never ignored.
 */
import { z } from 'zod';
import { LEGAL_FORMS, type LegalForm } from '#domain/establishments.ts';
import { englishNameField, optionalEnglishName } from './english-name-field.ts';
import { optionalText, optionalWebUrl, readForm, requiredId, requiredText, status, version, type FieldSpec } from './form.ts';
import { descriptionFields, STATUS_FIELD } from './shared-fields.ts';
import { ADMIN_WORDS } from './words.ts';

export const EstablishmentInput = z
  .object({
    name: requiredText(2, 200),
    nameEn: optionalEnglishName('establishment'),
    legalForm: z.enum(LEGAL_FORMS.map((f) => f.code) as [LegalForm, ...LegalForm[]], { error: 'Chọn loại hình.' }),
    provinceId: requiredId(ADMIN_WORDS.chooseProvince),
    address: optionalText(300),
    phone: optionalText(40).refine(
      (s) => s === null || /^[+\d][\d\s.()-]{5,}$/.test(s),
      'Số điện thoại chỉ gồm chữ số, dấu cách, dấu chấm, gạch nối, ngoặc và +.',
    ),
    email: optionalText(254).refine((s) => s === null || z.email().safeParse(s).success, 'E-mail không hợp lệ.'),
    website: optionalWebUrl(300, 'Trang web'),
    descriptionVi: optionalText(2000),
    descriptionEn: optionalText(2000),
    status: status(),
    version: version(),
  })
  .strict();

export type EstablishmentInput = z.output<typeof EstablishmentInput>;

/** The form, in the order staff read it; history and restore compare and write these fields. */
export const ESTABLISHMENT_FIELDS: readonly FieldSpec[] = [
  { name: 'name', label: 'Tên cơ sở', kind: 'text', required: true, max: 200 },
  englishNameField('establishment'),
  { name: 'legalForm', label: 'Loại hình', kind: 'select', options: 'legalForms', required: true },
  { name: 'provinceId', label: 'Tỉnh/thành', kind: 'select', options: 'provinces', picker: 'provinces', required: true },
  { name: 'address', label: 'Địa chỉ', kind: 'text', max: 300 },
  { name: 'phone', label: 'Điện thoại', kind: 'tel', max: 40 },
  { name: 'email', label: 'E-mail', kind: 'email', max: 254 },
  { name: 'website', label: 'Trang web', kind: 'url', max: 300, hint: 'Bắt đầu bằng http:// hoặc https://' },
  ...descriptionFields(2000),
  STATUS_FIELD,
];

export const readEstablishmentForm = (form: FormData | Record<string, unknown>) => readForm(EstablishmentInput, form);

export const LEGAL_FORM_OPTIONS = LEGAL_FORMS.map((f) => ({ value: f.code, label: f.vi }));
