/**
 * What staff may write about an organisation that issues certificates or organises fairs (R12). Its
 * names change over time (ministries merge, committees are renamed): one per line, oldest first, each
 * with the years or dates it was borne and, optionally, the name in English (#18.2) —
 * "Sở Công Thương Hà Tây | | 2008" or "Bộ Công Thương | | | Ministry of Industry and Trade".
 */
import { z } from 'zod';
import { cleanEnglishName } from '#domain/english-name.ts';
import { normalizeText } from '#domain/text.ts';
import { optionalId, readForm, status, version, type FieldSpec } from './form.ts';
import { STATUS_FIELD } from './shared-fields.ts';
import { ADMIN_WORDS } from './words.ts';

export const ORGANISATION_KINDS = [
  { value: 'ministry', label: 'Bộ' },
  { value: 'ministry_department', label: 'Cục/Vụ thuộc Bộ' },
  { value: 'provincial_committee', label: 'UBND tỉnh/thành phố' },
  { value: 'provincial_department', label: 'Sở/Trung tâm thuộc tỉnh' },
  { value: 'local_committee', label: 'UBND cấp huyện/xã' },
  { value: 'other', label: 'Khác' },
] as const;
type OrganisationKind = (typeof ORGANISATION_KINDS)[number]['value'];

export interface DatedNameInput {
  name: string;
  validFrom: string | null;
  validTo: string | null;
  /** The name in English where staff have one. */
  nameEn?: string | null;
}

/** A year, a year and month, or a whole date that exists: "2008", "2008-07", "2008-07-31". */
function isPartialDate(s: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return false;
  const month = m[2] === undefined ? 1 : Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * One line of the names field: "Tên | từ | đến | tên tiếng Anh", everything after the name optional (dates as a
 * year, year-month or a full date).
 */
export function parseNameLine(line: string): DatedNameInput | string {
  const [name = '', from = '', to = '', english = '', ...rest] = line.split('|').map((p) => normalizeText(p));
  if (rest.length > 0) return 'Mỗi dòng: Tên | từ | đến | tên tiếng Anh (tối đa ba dấu |).';
  if (name.length < 2 || name.length > 300) return 'Tên cơ quan dài từ 2 đến 300 ký tự.';
  for (const d of [from, to]) if (d && !isPartialDate(d)) return `“${d}” không phải năm hoặc ngày (ví dụ 2025 hoặc 2025-07-01).`;
  if (from && to && to.slice(0, from.length) < from.slice(0, to.length)) return `“${name}”: ngày kết thúc trước ngày bắt đầu.`;
  const cleaned = cleanEnglishName(english, 'organisation');
  if ('problem' in cleaned) return `“${name}”: ${cleaned.problem.vi.charAt(0).toLowerCase()}${cleaned.problem.vi.slice(1)}`;
  return { name, validFrom: from || null, validTo: to || null, nameEn: cleaned.value };
}

/** A dated name as the names field shows it: the name, then the dates and English name where there are any. */
export const formatNameLine = (n: DatedNameInput) =>
  n.nameEn
    ? `${n.name} | ${n.validFrom ?? ''} | ${n.validTo ?? ''} | ${n.nameEn}`
    : n.validFrom === null && n.validTo === null
      ? n.name
      : `${n.name} | ${n.validFrom ?? ''} | ${n.validTo ?? ''}`.trimEnd();

export const OrganisationInput = z
  .object({
    names: z.string({ error: 'Nhập tên cơ quan.' }).transform((s, ctx) => {
      const out: string[] = [];
      for (const line of s.split(/\r?\n/).map((l) => normalizeText(l))) {
        if (!line) continue;
        const parsed = parseNameLine(line);
        if (typeof parsed === 'string') {
          ctx.addIssue({ code: 'custom', message: parsed });
          return z.NEVER;
        }
        out.push(formatNameLine(parsed));
      }
      if (out.length === 0) {
        ctx.addIssue({ code: 'custom', message: 'Nhập ít nhất một tên.' });
        return z.NEVER;
      }
      if (out.length > 20) {
        ctx.addIssue({ code: 'custom', message: 'Tối đa 20 tên.' });
        return z.NEVER;
      }
      return out;
    }),
    kind: z.enum(ORGANISATION_KINDS.map((k) => k.value) as [OrganisationKind, ...OrganisationKind[]], { error: 'Chọn loại cơ quan.' }),
    provinceId: optionalId(ADMIN_WORDS.chooseProvince),
    status: status(),
    version: version(),
  })
  .strict();
export type OrganisationInput = z.output<typeof OrganisationInput>;

export const ORGANISATION_FIELDS: readonly FieldSpec[] = [
  {
    name: 'names',
    label: 'Tên qua các thời kỳ',
    kind: 'lines',
    required: true,
    hint: 'Mỗi dòng một tên, cũ trước mới sau: Tên | từ | đến | tên tiếng Anh (năm hoặc ngày; phần sau tên có thể bỏ trống).',
    max: 8000,
  },
  { name: 'kind', label: 'Loại cơ quan', kind: 'select', options: 'organisationKinds', required: true },
  { name: 'provinceId', label: 'Tỉnh/thành', kind: 'select', options: 'provinces', picker: 'provinces', hint: 'Với cơ quan của một tỉnh.' },
  STATUS_FIELD,
];

export const readOrganisationForm = (form: FormData | Record<string, unknown>) => readForm(OrganisationInput, form);
