/**
 * The small forms around a product's photos (R12): add one (with its file), change its alt text, move it
 * up or down, remove it. Exactly these fields, anything else refused. No photo without a Vietnamese
 * description: it is what a screen reader says and what shows when the picture cannot load.
 */
import { z } from 'zod';
import { normalizeText } from '#domain/text.ts';

export const ALT_MIN = 2;
export const ALT_MAX = 250;

const altVi = z
  .string({ error: 'Cần mô tả ảnh bằng tiếng Việt.' })
  .transform((s) => normalizeText(s))
  .pipe(z.string().min(ALT_MIN, `Mô tả ảnh cần ít nhất ${ALT_MIN} ký tự.`).max(ALT_MAX, `Mô tả ảnh dài tối đa ${ALT_MAX} ký tự.`));
const altEn = z
  .string()
  .optional()
  .transform((s) => normalizeText(s ?? '') || null)
  .pipe(z.string().max(ALT_MAX, `Mô tả tiếng Anh dài tối đa ${ALT_MAX} ký tự.`).nullable());
const imageId = z.coerce.number({ error: 'Ảnh không hợp lệ.' }).int('Ảnh không hợp lệ.').positive('Ảnh không hợp lệ.');

export const ProductImageForm = z.discriminatedUnion(
  'op',
  [
    z.object({ op: z.literal('add'), altVi, altEn }).strict(),
    z.object({ op: z.literal('alt'), imageId, altVi, altEn }).strict(),
    z.object({ op: z.literal('up'), imageId }).strict(),
    z.object({ op: z.literal('down'), imageId }).strict(),
    z.object({ op: z.literal('remove'), imageId }).strict(),
  ],
  { error: 'Thao tác không hợp lệ.' },
);
export type ProductImageForm = z.output<typeof ProductImageForm>;

/** The text fields of a posted form (the file travels apart) → the operation, or one message per field. */
export function readProductImageForm(
  fields: Record<string, unknown>,
): { ok: true; value: ProductImageForm } | { ok: false; errors: Partial<Record<string, string>> } {
  const parsed = ProductImageForm.safeParse(fields);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: Partial<Record<string, string>> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.code === 'unrecognized_keys' ? '_form' : String(issue.path[0] ?? '_form');
    errors[key] ??= issue.code === 'unrecognized_keys' ? `Trường không được phép: ${issue.keys.join(', ')}.` : issue.message;
  }
  return { ok: false, errors };
}

/** What the product page says after each operation (`?image=<key>`), and after an unchanged one. */
export const IMAGE_NOTICES = {
  added: 'Đã tải ảnh lên.',
  exists: 'Ảnh này đã có trong danh sách ảnh của sản phẩm.',
  alt: 'Đã lưu mô tả ảnh.',
  moved: 'Đã đổi thứ tự ảnh.',
  removed: 'Đã gỡ ảnh khỏi sản phẩm.',
  unchanged: 'Không có gì thay đổi.',
} as const;
export type ImageNotice = keyof typeof IMAGE_NOTICES;
