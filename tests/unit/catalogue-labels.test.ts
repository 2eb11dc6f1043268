import { describe, expect, it } from 'vitest';
import { facetValueLabel, groupLabel, levelFacetLabel, provinceFacetLabel } from '#domain/facet-labels.ts';

describe('levelFacetLabel', () => {
  it('names regional values with their region', () => {
    expect(levelFacetLabel('regional-central', 'vi')).toBe('Cấp khu vực – Khu vực miền Trung – Tây Nguyên');
    expect(levelFacetLabel('provincial', 'en')).toBe('Provincial');
  });
});

describe('groupLabel', () => {
  it('gives the current label of a group', () => {
    expect(groupLabel('food', 'vi')).toBe('Chế biến nông, lâm, thủy sản và thực phẩm');
  });
});

describe('provinceFacetLabel', () => {
  it('folds the old names into the current province', () => {
    expect(provinceFacetLabel('Bắc Ninh', ['Bắc Giang', 'Bắc Ninh'], 'vi')).toBe('Bắc Ninh (gồm Bắc Giang)');
    expect(provinceFacetLabel('Đồng Tháp', ['Tiền Giang', 'Đồng Tháp', 'Tiền Giang'], 'en')).toBe('Đồng Tháp (incl. Tiền Giang)');
  });

  it('shows a province that did not change by its name alone', () => {
    expect(provinceFacetLabel('Lạng Sơn', ['Lạng Sơn'], 'vi')).toBe('Lạng Sơn');
  });
});

describe('facetValueLabel', () => {
  it('labels status and year values', () => {
    expect(facetValueLabel('status', 'expired', 'vi', new Map())).toBe('Hết hiệu lực');
    expect(facetValueLabel('year', '2021', 'en', new Map())).toBe('2021');
    expect(facetValueLabel('province', 'bac-ninh', 'vi', new Map([['bac-ninh', 'Bắc Ninh (gồm Bắc Giang)']]))).toBe(
      'Bắc Ninh (gồm Bắc Giang)',
    );
  });
});
