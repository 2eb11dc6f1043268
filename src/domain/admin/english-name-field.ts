/**
 * The "English name" field of the staff forms (#18.2): optional, and checked like the Vietnamese name
 * (safe text, length) through the same rule the importer uses (src/domain/english-name.ts).
 */
import { z } from 'zod';
import { cleanEnglishName, ENGLISH_NAME_LIMITS, type NamedEntity } from '#domain/english-name.ts';
import type { FieldSpec } from './form.ts';

/** A zod field for an optional English name: '' or missing → null, otherwise the cleaned name or a Vietnamese message. */
export const optionalEnglishName = (entity: NamedEntity) =>
  z
    .string()
    .optional()
    .transform((s, ctx) => {
      const cleaned = cleanEnglishName(s, entity);
      if ('value' in cleaned) return cleaned.value;
      ctx.addIssue({ code: 'custom', message: cleaned.problem.vi });
      return z.NEVER;
    });

/** The form field drawn under the Vietnamese name. */
export const englishNameField = (entity: NamedEntity): FieldSpec => ({
  name: 'nameEn',
  label: 'Tên tiếng Anh',
  kind: 'text',
  max: ENGLISH_NAME_LIMITS[entity].max,
  hint: 'Không bắt buộc. Chỉ ghi tên tiếng Anh đã có (trên nhãn, giấy tờ, trang web); để trống thì trang tiếng Anh hiện tên tiếng Việt.',
});
