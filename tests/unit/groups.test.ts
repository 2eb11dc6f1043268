import { describe, expect, it } from 'vitest';
import { PRODUCT_GROUPS, parseProductGroup, productGroupByCode } from '#domain/groups.ts';

describe('PRODUCT_GROUPS', () => {
  it('holds exactly the four groups', () => {
    expect(PRODUCT_GROUPS.map((g) => g.id)).toEqual([1, 2, 3, 4]);
  });
});

describe('parseProductGroup', () => {
  it.each([
    ['1', 'handicraft'],
    ['Nhóm 2', 'food'],
    ['handicraft', 'handicraft'],
    ['Thủ công mỹ nghệ', 'handicraft'],
    ['thu cong my nghe', 'handicraft'],
    ['Chế biến nông, lâm, thủy sản và thực phẩm', 'food'],
    ['Chế biến nông, lâm, thuỷ sản và thực phẩm', 'food'],
    ['Chế biến nông, lâm, thủy sản và đồ uống', 'food'],
    ['chế biến nông lâm thủy sản', 'food'],
    ['Thiết bị, máy móc, dụng cụ và phụ tùng cơ khí', 'machinery'],
    ['Cơ khí', 'machinery'],
    ['Sản phẩm khác', 'other'],
    ['4', 'other'],
  ])('reads %j as %s', (input, code) => {
    expect(parseProductGroup(input)).toBe(code);
  });

  it.each(['5', 'nhóm 9', 'gốm', ''])('refuses %j', (input) => {
    expect(parseProductGroup(input)).toBeNull();
  });
});

describe('productGroupByCode', () => {
  it('returns the group with its Vietnamese name', () => {
    expect(productGroupByCode('machinery')).toMatchObject({ id: 3, nameVi: 'Thiết bị, máy móc, dụng cụ và phụ tùng cơ khí' });
  });
});
