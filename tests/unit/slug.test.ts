import { describe, expect, it } from 'vitest';
import { slugify, uniqueSlug } from '#domain/slug.ts';

describe('slugify', () => {
  it.each([
    ['Trà Ô Long', 'tra-o-long'],
    ['Đông trùng hạ thảo Phú Nhân', 'dong-trung-ha-thao-phu-nhan'],
    ['Bộ sản phẩm bản lề cửa (Bản lề Âm dương 100×2.4-201)', 'bo-san-pham-ban-le-cua-ban-le-am-duong-100x2-4-201'],
    ['  --Rượu G9  ', 'ruou-g9'],
    ['Tra\u0300 O\u0302 Long', 'tra-o-long'],
    ['!!!', 'muc'],
    ['', 'muc'],
  ])('makes %j into %j', (input, slug) => {
    expect(slugify(input)).toBe(slug);
  });

  it('keeps long names to 80 characters, cut between words', () => {
    const slug = slugify('Hội chợ triển lãm hàng công nghiệp nông thôn tiêu biểu khu vực phía Bắc năm 2024 tại Hà Nội');
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toMatch(/^hoi-cho-trien-lam/);
    expect(slug.endsWith('-')).toBe(false);
    expect('hoi-cho-trien-lam-hang-cong-nghiep-nong-thon-tieu-bieu-khu-vuc-phia-bac-nam-2024-tai-ha-noi'.startsWith(slug)).toBe(true);
  });
});

describe('uniqueSlug', () => {
  it('returns the base when it is free and numbers it when it is not', () => {
    expect(uniqueSlug('tra', () => false)).toBe('tra');
    const taken = new Set(['tra', 'tra-2']);
    expect(uniqueSlug('tra', (s) => taken.has(s))).toBe('tra-3');
  });

  it('never gives a slug a file of the site already uses (/products/catalogue.json)', () => {
    expect(uniqueSlug(slugify('Catalogue'), () => false)).toBe('catalogue-2');
  });
});
