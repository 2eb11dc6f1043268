import { describe, expect, it } from 'vitest';
import { parseProductName } from '#domain/products.ts';

describe('parseProductName', () => {
  it('reads a single product', () => {
    expect(parseProductName('  Trà  Ô Long ')).toEqual({ name: 'Trà Ô Long', kind: 'single', items: [] });
  });

  it('reads the items of a set from parentheses, split by semicolons', () => {
    expect(parseProductName('Bộ sản phẩm bản lề cửa (Bản lề Âm dương 100×2.4-201; Bản lề cối cửa thép C127)')).toMatchObject({
      kind: 'set',
      items: ['Bản lề Âm dương 100×2.4-201', 'Bản lề cối cửa thép C127'],
    });
  });

  it('reads an English "Product set:" with comma-separated items', () => {
    expect(parseProductName('Product set: Paper filter coffee, SR instant coffee')).toMatchObject({
      kind: 'set',
      items: ['Paper filter coffee', 'SR instant coffee'],
    });
  });

  it('marks a set whose items are not listed without inventing them', () => {
    expect(parseProductName('Bộ sản phẩm giò me và xúc xích Tiến Giáp')).toMatchObject({ kind: 'set', items: [] });
  });

  it('recognises a set written in decomposed Unicode or upper case', () => {
    expect(parseProductName('BO\u0323\u0302 SA\u0309N PHA\u0302\u0309M Trà').kind).toBe('set');
  });

  it('does not take a plain "Bộ" (a set of dishes) for a product set', () => {
    expect(parseProductName('Bộ dĩa đựng trái cây').kind).toBe('single');
  });
});
