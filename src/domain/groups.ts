import { foldVietnamese } from './text.ts';

export type ProductGroupCode = 'handicraft' | 'food' | 'machinery' | 'other';
export interface ProductGroup {
  id: 1 | 2 | 3 | 4;
  code: ProductGroupCode;
  nameVi: string;
  nameEn: string;
  /** Every label official lists have used, the current one first. */
  labels: string[];
}

/** The four product groups of Circular 26/2014 (as amended). */
export const PRODUCT_GROUPS: readonly ProductGroup[] = [
  {
    id: 1,
    code: 'handicraft',
    nameVi: 'Thủ công mỹ nghệ',
    nameEn: 'Handicrafts',
    labels: ['Thủ công mỹ nghệ', 'Sản phẩm thủ công mỹ nghệ', 'Handicrafts', 'Handicraft'],
  },
  {
    id: 2,
    code: 'food',
    nameVi: 'Chế biến nông, lâm, thủy sản và thực phẩm',
    nameEn: 'Processed agricultural, forest and fishery products and food',
    labels: [
      'Chế biến nông, lâm, thủy sản và thực phẩm',
      'Chế biến nông, lâm, thủy sản và đồ uống',
      'Chế biến nông lâm thủy sản',
      'Thực phẩm',
      'Food',
      'Processed food',
    ],
  },
  {
    id: 3,
    code: 'machinery',
    nameVi: 'Thiết bị, máy móc, dụng cụ và phụ tùng cơ khí',
    nameEn: 'Machinery, equipment, tools and mechanical parts',
    labels: ['Thiết bị, máy móc, dụng cụ và phụ tùng cơ khí', 'Cơ khí', 'Máy móc thiết bị', 'Machinery'],
  },
  { id: 4, code: 'other', nameVi: 'Sản phẩm khác', nameEn: 'Other products', labels: ['Sản phẩm khác', 'Khác', 'Other', 'Other products'] },
];

const key = (s: string) =>
  foldVietnamese(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Reads a group as lists write it: "1", "nhóm 2", "handicraft", any known label, with or without marks. */
export function parseProductGroup(input: string): ProductGroupCode | null {
  const k = key(input).replace(/^(nhom|group|nhom san pham) /, '');
  if (!k) return null;
  const group = PRODUCT_GROUPS.find((g) => String(g.id) === k || g.code === k || g.labels.some((label) => key(label) === k));
  return group?.code ?? null;
}

/** The group record for a code. */
export function productGroupByCode(code: ProductGroupCode): ProductGroup {
  return PRODUCT_GROUPS.find((g) => g.code === code)!;
}
