/**
 * What every staff form shares (R12): the field descriptions a form is drawn from, zod building blocks
 * that normalise Vietnamese text, reading a posted form into a validated input or messages beside the
 * fields, and comparing two recorded states for history and conflict screens.
 */
import { z } from 'zod';
import { stripZeroWidth, textProblem, TEXT_PROBLEM_WORDS } from '#domain/safe-text.ts';
import { normalizeText } from '#domain/text.ts';
import type { PickerKind } from './picker.ts';

/** Named option lists; the server fills them from the database (src/db/queries/admin-options.ts). */
export type OptionSource =
  | 'provinces'
  | 'legalForms'
  | 'statuses'
  | 'groups'
  | 'productKinds'
  | 'establishments'
  | 'products'
  | 'organisations'
  | 'organisationKinds'
  | 'levels'
  | 'regions'
  | 'fairLevels'
  | 'fairs'
  /** Recognition decisions, those of the certification's level and year first. */
  | 'decisions'
  /** Whether a decision has its PDF (a list filter). */
  | 'documentStates'
  /** The products of the exhibitor's establishment (checkboxes). */
  | 'exhibitorProducts'
  /** Staff accounts: roles, and active or locked. */
  | 'roles'
  | 'activeStates';

export interface Option {
  value: string;
  label: string;
  /** Options with a group are shown under an optgroup of that name. */
  group?: string;
}
export type Options = Partial<Record<OptionSource, Option[]>>;

export interface FieldSpec {
  name: string;
  label: string;
  /** lines: a textarea read as one value per line; checks: several checkboxes (a list of ids). */
  kind: 'text' | 'textarea' | 'select' | 'number' | 'date' | 'checkbox' | 'lines' | 'checks' | 'email' | 'url' | 'tel' | 'password';
  /** The autocomplete token (password managers, e-mail suggestions); "off" where a browser should not guess. */
  autocomplete?: string;
  required?: boolean;
  options?: OptionSource;
  /** A short help text under the label. */
  hint?: string;
  max?: number;
  /** Fixed once the record exists (shown, not editable). */
  createOnly?: boolean;
  /** A select over a list too long to send: a searching combobox over this kind (#20.1); `options` still labels history. */
  picker?: PickerKind;
}

/**
 * Text as it may be stored (#17.7, src/domain/safe-text.ts): zero-width characters removed, bidi and other
 * control characters refused. The importer reads its cells through these same field schemas.
 */
export const storableText = () =>
  z.string().transform((s, ctx) => {
    const cleaned = stripZeroWidth(s);
    const found = textProblem(cleaned);
    if (!found) return cleaned;
    const words = TEXT_PROBLEM_WORDS[found.problem].vi(found.codePoint);
    ctx.addIssue({ code: 'custom', message: `${words.charAt(0).toUpperCase()}${words.slice(1)}.`, params: found });
    return z.NEVER;
  });

/** Normalised text; empty or missing becomes null. */
export const optionalText = (max: number) =>
  z
    .string()
    .optional()
    .transform((s) => s ?? '')
    .pipe(storableText())
    .transform((s) => normalizeText(s))
    .pipe(z.string().max(max, `Tối đa ${max} ký tự.`))
    .transform((s) => s || null);

/** Normalised text of min–max characters. */
export const requiredText = (min: number, max: number, what = 'Tên') =>
  z
    .string({ error: `${what} là bắt buộc.` })
    .pipe(storableText())
    .transform((s) => normalizeText(s))
    .pipe(z.string().min(min, `${what} cần ít nhất ${min} ký tự.`).max(max, `${what} dài tối đa ${max} ký tự.`));

/** A positive id from a select; empty is null. */
export const optionalId = (message = 'Lựa chọn không hợp lệ.') =>
  z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (!s) return null;
      const n = Number(s);
      if (!Number.isSafeInteger(n) || n <= 0) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return n;
    });

export const requiredId = (message: string) => z.coerce.number({ error: message }).int(message).positive(message);

/** A whole number in a range; empty is null. */
export const optionalInt = (min: number, max: number, message: string) =>
  z
    .string()
    .optional()
    .transform((s, ctx) => {
      const t = (s ?? '').trim();
      if (!t) return null;
      const n = Number(t);
      if (!/^-?\d+$/.test(t) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return n;
    });

/** A decimal number in a range (comma or point); empty is null. */
export const optionalDecimal = (min: number, max: number, message: string) =>
  z
    .string()
    .optional()
    .transform((s, ctx) => {
      const t = (s ?? '').trim().replace(',', '.');
      if (!t) return null;
      const n = Number(t);
      if (!/^-?\d+(\.\d+)?$/.test(t) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return n;
    });

/** A calendar date YYYY-MM-DD that exists; empty is null. */
export const optionalDate = (message = 'Ngày theo dạng năm-tháng-ngày, ví dụ 2025-06-30.') =>
  z
    .string()
    .optional()
    .transform((s, ctx) => {
      const t = (s ?? '').trim();
      if (!t) return null;
      const d = new Date(`${t}T00:00:00Z`);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(t) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== t) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return t;
    });

/**
 * A web address, http or https (many rural sites and official portals still serve http). The error names the
 * field (`label`: "Trang web", "Nguồn") so it cannot be read as the street address's.
 * e.g. optionalWebUrl(300, 'Trang web') refuses "htx.vn" with "Trang web phải bắt đầu bằng http:// hoặc https://, ví dụ https://htx-che.vn".
 */
export const optionalWebUrl = (max: number, label: string) =>
  optionalText(max).refine(
    (s) => s === null || (/^https?:\/\/[^\s/$.?#][^\s]*$/i.test(s) && URL.canParse(s)),
    `${label} phải bắt đầu bằng http:// hoặc https://, ví dụ https://htx-che.vn`,
  );

/** An optional choice ('' or missing becomes null): optionalChoice(['north', 'south'], 'Chọn khu vực.'). */
export const optionalChoice = <const T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z
    .string()
    .optional()
    .transform((s) => s || null)
    .pipe(z.enum(values, { error: message }).nullable());

/** A textarea of one value per line: each normalised, blank lines dropped. */
export const lines = (maxLines: number, maxLength: number, what: string) =>
  z
    .string()
    .optional()
    .transform((s) => s ?? '')
    .pipe(storableText())
    .transform((s) =>
      s
        .split(/\r?\n/)
        .map((l) => normalizeText(l))
        .filter(Boolean),
    )
    .pipe(z.array(z.string().max(maxLength, `Mỗi ${what} dài tối đa ${maxLength} ký tự.`)).max(maxLines, `Tối đa ${maxLines} ${what}.`));

/** A checkbox: present ("on") is true. */
export const checkbox = () =>
  z
    .string()
    .optional()
    .transform((s) => s === 'on' || s === 'true' || s === '1');

export const status = () => z.enum(['draft', 'published'], { error: 'Chọn trạng thái.' });

/** The version the form was loaded at: a save against a newer version is refused (R28). */
export const version = () => z.coerce.number().int().positive();

export type FormErrors = Partial<Record<string, string>>;

/**
 * Posted form data → the validated input, or the first message of each field. Fields listed in `multi`
 * arrive as lists (checkboxes); every other field must appear at most once.
 */
export type FormRead<T> = { ok: true; value: T } | { ok: false; errors: FormErrors };

/**
 * Posted form data as plain values: text fields once each, `multi` fields as lists. A field sent twice
 * or a file where text belongs is an error, never silently one of them.
 */
export function formEntries(
  form: FormData | Record<string, unknown>,
  multi: readonly string[] = [],
): { ok: true; data: Record<string, unknown> } | { ok: false; errors: FormErrors } {
  const data: Record<string, unknown> = {};
  if (form instanceof FormData) {
    for (const key of new Set(form.keys())) {
      const all = form.getAll(key);
      if (all.some((v) => typeof v !== 'string')) return { ok: false, errors: { _form: `Trường ${key} không nhận tệp.` } };
      if (multi.includes(key)) data[key] = all;
      else if (all.length > 1) return { ok: false, errors: { _form: `Trường ${key} được gửi nhiều lần.` } };
      else data[key] = all[0];
    }
  } else Object.assign(data, form);
  for (const key of multi) data[key] ??= [];
  return { ok: true, data };
}

/** A failed parse as the first message of each field (unknown fields named above the form). */
export function issueMessages(error: z.ZodError): FormErrors {
  const errors: FormErrors = {};
  for (const issue of error.issues) {
    const key = issue.code === 'unrecognized_keys' ? '_form' : String(issue.path[0] ?? '_form');
    errors[key] ??= issue.code === 'unrecognized_keys' ? `Trường không được phép: ${issue.keys.join(', ')}.` : issue.message;
  }
  return errors;
}

export function readForm<S extends z.ZodType>(
  schema: S,
  form: FormData | Record<string, unknown>,
  multi: readonly string[] = [],
): FormRead<z.output<S>> {
  const entries = formEntries(form, multi);
  if (!entries.ok) return entries;
  const parsed = schema.safeParse(entries.data);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: issueMessages(parsed.error) };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields whose values differ between two recorded states. */
export function changedFields(
  fields: readonly FieldSpec[],
  before: Partial<Record<string, unknown>> | null,
  after: Partial<Record<string, unknown>> | null,
): FieldSpec[] {
  return fields.filter((f) => !same(before?.[f.name], after?.[f.name]));
}

/** How a history or conflict screen shows a value: option labels for codes and ids, "—" for nothing. */
export function displayValue(field: FieldSpec, raw: unknown, options: Options): string {
  if (raw === null || raw === undefined || raw === '' || (Array.isArray(raw) && raw.length === 0)) return '—';
  const list = field.options ? options[field.options] : undefined;
  const label = (v: unknown) => {
    const s = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? `${v}` : JSON.stringify(v);
    return list?.find((o) => o.value === s)?.label ?? s;
  };
  if (field.kind === 'checkbox') return raw === true || raw === 1 ? 'Có' : 'Không';
  if (Array.isArray(raw)) return raw.map(label).join(field.kind === 'lines' ? '\n' : ', ');
  return label(raw);
}

/** A value as a form control holds it: text for inputs, one line per item for textareas of lines. */
export function formValue(raw: unknown): string {
  if (raw === null || raw === undefined) return '';
  if (Array.isArray(raw)) return raw.map(String).join('\n');
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' || typeof raw === 'boolean') return `${raw}`;
  return JSON.stringify(raw) ?? '';
}

/** A recorded state as a form would post it (for restoring an earlier version through the same schema). */
export function asPosted(fields: readonly FieldSpec[], state: Record<string, unknown>, currentVersion: number): Record<string, unknown> {
  const posted: Record<string, unknown> = { version: String(currentVersion) };
  for (const f of fields) {
    const v = state[f.name];
    if (f.kind === 'checks') posted[f.name] = Array.isArray(v) ? v.map(String) : [];
    else if (f.kind === 'checkbox') {
      if (v === true || v === 1) posted[f.name] = 'on';
    } else posted[f.name] = formValue(v);
  }
  return posted;
}
