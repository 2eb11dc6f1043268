/**
 * What staff may write about a fair (R12). Dates are calendar days; the floor plan's size is both numbers
 * or neither (booth rectangles on the exhibitor form use the same units).
 */
import { z } from 'zod';
import { REGIONS, type RegionCode } from '#domain/levels.ts';
import { englishNameField, optionalEnglishName } from './english-name-field.ts';
import {
  checkbox,
  optionalChoice,
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
import { descriptionFields, SOURCE_URL_FIELD, STATUS_FIELD } from './shared-fields.ts';
import { ADMIN_WORDS } from './words.ts';

export const FAIR_LEVELS = ['national', 'regional', 'provincial', 'international', 'other'] as const;

export const FairInput = z
  .object({
    name: requiredText(4, 300, 'Tên hội chợ'),
    nameEn: optionalEnglishName('fair'),
    level: optionalChoice(FAIR_LEVELS, ADMIN_WORDS.chooseLevel),
    regionCode: optionalChoice(REGIONS.map((r) => r.code) as [RegionCode, ...RegionCode[]], ADMIN_WORDS.chooseRegion),
    startDate: optionalDate(),
    endDate: optionalDate(),
    city: optionalText(120),
    country: z
      .string()
      .optional()
      .transform((s) => (s ?? '').trim().toUpperCase() || 'VN')
      .pipe(z.string().regex(/^[A-Z]{2}$/, 'Mã quốc gia gồm 2 chữ cái, ví dụ VN.')),
    venue: optionalText(300),
    organiserText: optionalText(300),
    organiserId: optionalId('Chọn cơ quan tổ chức.'),
    boothCount: optionalInt(0, 100_000, 'Số gian hàng là số nguyên không âm.'),
    boothCountIsMinimum: checkbox(),
    exhibitorCount: optionalInt(0, 100_000, 'Số đơn vị tham gia là số nguyên không âm.'),
    sourceUrl: optionalWebUrl(500, ADMIN_WORDS.source),
    descriptionVi: optionalText(4000),
    descriptionEn: optionalText(4000),
    planWidth: optionalInt(1, 100_000, 'Kích thước sơ đồ là số nguyên dương.'),
    planHeight: optionalInt(1, 100_000, 'Kích thước sơ đồ là số nguyên dương.'),
    status: status(),
    version: version(),
  })
  .strict()
  .superRefine((f, ctx) => {
    if (f.regionCode && f.level !== 'regional')
      ctx.addIssue({ code: 'custom', path: ['regionCode'], message: 'Chỉ hội chợ cấp khu vực mới có khu vực.' });
    if (f.startDate && f.endDate && f.endDate < f.startDate)
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'Ngày kết thúc không thể trước ngày khai mạc.' });
    if (f.endDate && !f.startDate) ctx.addIssue({ code: 'custom', path: ['startDate'], message: 'Nhập ngày khai mạc.' });
    if ((f.planWidth === null) !== (f.planHeight === null))
      ctx.addIssue({ code: 'custom', path: ['planHeight'], message: 'Nhập cả chiều rộng và chiều cao của sơ đồ, hoặc để trống cả hai.' });
    if (f.boothCountIsMinimum && f.boothCount === null)
      ctx.addIssue({ code: 'custom', path: ['boothCount'], message: 'Nhập số gian hàng tối thiểu.' });
  });
export type FairInput = z.output<typeof FairInput>;

export const FAIR_FIELDS: readonly FieldSpec[] = [
  { name: 'name', label: 'Tên hội chợ', kind: 'text', required: true, max: 300 },
  englishNameField('fair'),
  { name: 'level', label: 'Cấp', kind: 'select', options: 'fairLevels' },
  { name: 'regionCode', label: 'Khu vực', kind: 'select', options: 'regions', hint: 'Chỉ với hội chợ cấp khu vực.' },
  { name: 'startDate', label: 'Ngày khai mạc', kind: 'date' },
  { name: 'endDate', label: 'Ngày bế mạc', kind: 'date' },
  { name: 'city', label: 'Tỉnh/thành phố tổ chức', kind: 'text', max: 120 },
  { name: 'country', label: 'Quốc gia (mã 2 chữ cái)', kind: 'text', max: 2 },
  { name: 'venue', label: 'Địa điểm', kind: 'text', max: 300 },
  { name: 'organiserText', label: 'Đơn vị tổ chức (như văn bản)', kind: 'text', max: 300 },
  { name: 'organiserId', label: 'Cơ quan tổ chức trong danh mục', kind: 'select', options: 'organisations', picker: 'organisations' },
  { name: 'boothCount', label: 'Số gian hàng', kind: 'number', max: 6 },
  { name: 'boothCountIsMinimum', label: 'Số gian hàng là con số tối thiểu (“hơn …”)', kind: 'checkbox' },
  { name: 'exhibitorCount', label: 'Số đơn vị tham gia', kind: 'number', max: 6 },
  SOURCE_URL_FIELD,
  ...descriptionFields(4000),
  { name: 'planWidth', label: 'Sơ đồ: chiều rộng (đơn vị sơ đồ)', kind: 'number', max: 6 },
  { name: 'planHeight', label: 'Sơ đồ: chiều cao (đơn vị sơ đồ)', kind: 'number', max: 6 },
  STATUS_FIELD,
];

export const readFairForm = (form: FormData | Record<string, unknown>) => readForm(FairInput, form);

export const FAIR_LEVEL_OPTIONS = [
  { value: 'national', label: 'Cấp quốc gia' },
  { value: 'regional', label: 'Cấp khu vực' },
  { value: 'provincial', label: 'Cấp tỉnh' },
  { value: 'international', label: 'Quốc tế' },
  { value: 'other', label: 'Khác' },
];
