/**
 * What staff may write about an establishment (R12): exactly these fields, validated and normalised here,
 * with messages in Vietnamese beside each field. Anything else in the form is refused, never ignored.
 */
import { z } from 'zod';
import { LEGAL_FORMS, type LegalForm } from '../establishments.ts';
import { normalizeText } from '../text.ts';

/** A free-text field: trimmed and normalised; empty or missing becomes null. */
const optionalText = (max: number) =>
  z
    .string()
    .max(max, `Tối đa ${max} ký tự.`)
    .optional()
    .transform((s) => normalizeText(s ?? '') || null);

export const EstablishmentInput = z
  .object({
    name: z
      .string()
      .transform((s) => normalizeText(s))
      .pipe(z.string().min(2, 'Tên cần ít nhất 2 ký tự.').max(200, 'Tên dài tối đa 200 ký tự.')),
    legalForm: z.enum(LEGAL_FORMS.map((f) => f.code) as [LegalForm, ...LegalForm[]], { error: 'Chọn loại hình.' }),
    provinceId: z.coerce.number({ error: 'Chọn tỉnh/thành.' }).int().positive('Chọn tỉnh/thành.'),
    address: optionalText(300),
    phone: optionalText(40).refine(
      (s) => s === null || /^[+\d][\d\s.()-]{5,}$/.test(s),
      'Số điện thoại chỉ gồm chữ số, dấu cách, dấu chấm, gạch nối, ngoặc và +.',
    ),
    email: optionalText(254).refine((s) => s === null || z.email().safeParse(s).success, 'E-mail không hợp lệ.'),
    website: optionalText(300).refine((s) => s === null || /^https:\/\/[^\s/$.?#][^\s]*$/i.test(s), 'Trang web phải bắt đầu bằng https://'),
    descriptionVi: optionalText(2000),
    descriptionEn: optionalText(2000),
    status: z.enum(['draft', 'published'], { error: 'Chọn trạng thái.' }),
    /** The version the form was loaded at: a save against a newer version is refused (R28). */
    version: z.coerce.number().int().positive(),
  })
  .strict();

export type EstablishmentInput = z.output<typeof EstablishmentInput>;

/** The fields a history entry compares and a restore writes back. */
export const ESTABLISHMENT_FIELDS = [
  'name',
  'legalForm',
  'provinceId',
  'address',
  'phone',
  'email',
  'website',
  'descriptionVi',
  'descriptionEn',
  'status',
] as const satisfies readonly (keyof EstablishmentInput)[];

export const FIELD_LABELS: Record<(typeof ESTABLISHMENT_FIELDS)[number], string> = {
  name: 'Tên cơ sở',
  legalForm: 'Loại hình',
  provinceId: 'Tỉnh/thành',
  address: 'Địa chỉ',
  phone: 'Điện thoại',
  email: 'E-mail',
  website: 'Trang web',
  descriptionVi: 'Giới thiệu (tiếng Việt)',
  descriptionEn: 'Giới thiệu (tiếng Anh)',
  status: 'Trạng thái',
};

/** Form data (strings) → the validated input, or the first message of each field. */
export function readEstablishmentForm(
  form: Record<string, unknown>,
): { ok: true; value: EstablishmentInput } | { ok: false; errors: Partial<Record<string, string>> } {
  const parsed = EstablishmentInput.safeParse(form);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: Partial<Record<string, string>> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.code === 'unrecognized_keys' ? '_form' : String(issue.path[0] ?? '_form');
    errors[key] ??= issue.code === 'unrecognized_keys' ? `Trường không được phép: ${issue.keys.join(', ')}.` : issue.message;
  }
  return { ok: false, errors };
}

/** The fields whose values differ between two snapshots, for history and conflict screens. */
export function changedFields(
  before: Partial<Record<string, unknown>> | null,
  after: Partial<Record<string, unknown>> | null,
): (typeof ESTABLISHMENT_FIELDS)[number][] {
  return ESTABLISHMENT_FIELDS.filter((f) => (before?.[f] ?? null) !== (after?.[f] ?? null));
}

/** How a history or conflict screen shows a field's value: labels for codes, names for provinces, "—" for nothing. */
export function displayValue(field: string, raw: unknown, provinceName: (id: unknown) => string | undefined): string {
  if (raw === null || raw === undefined || raw === '') return '—';
  const value = typeof raw === 'string' ? raw : typeof raw === 'number' || typeof raw === 'boolean' ? `${raw}` : JSON.stringify(raw);
  if (field === 'provinceId') return provinceName(raw) ?? value;
  if (field === 'legalForm') return LEGAL_FORMS.find((f) => f.code === value)?.vi ?? value;
  if (field === 'status') return value === 'draft' ? 'Bản nháp' : 'Đã công bố';
  return value;
}
