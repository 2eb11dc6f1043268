import { describe, expect, it } from 'vitest';
import { readEstablishmentForm } from '#domain/admin/establishment-form.ts';
import { readFairForm } from '#domain/admin/fair-form.ts';
import { readProductForm } from '#domain/admin/product-form.ts';
import { cleanEnglishName } from '#domain/english-name.ts';
import { nameIn as displayName } from '#domain/local-text.ts';
import { productRecord } from '#domain/open-data/records.ts';
import { ProductRecord } from '#domain/open-data/schemas.ts';
import { siteUrls } from '#domain/open-data/urls.ts';

describe('nameIn', () => {
  it.each([
    ['en', 'Trà Ô Long', 'Oolong tea', { text: 'Oolong tea', lang: 'en' }],
    ['en', 'Trà Ô Long', null, { text: 'Trà Ô Long', lang: 'vi' }],
    ['en', 'Trà Ô Long', '   ', { text: 'Trà Ô Long', lang: 'vi' }],
    ['vi', 'Trà Ô Long', 'Oolong tea', { text: 'Trà Ô Long', lang: 'vi' }],
    ['vi', 'Nước mắm Phú Quốc', undefined, { text: 'Nước mắm Phú Quốc', lang: 'vi' }],
  ] as const)('on %s pages shows %s (English %s) as %o', (locale, name, nameEn, expected) => {
    expect(displayName(locale, name, nameEn)).toEqual(expected);
  });
});

describe('cleanEnglishName', () => {
  it('turns an empty or blank name into null', () => {
    expect(cleanEnglishName('', 'product')).toEqual({ value: null });
    expect(cleanEnglishName(' \u00a0 ', 'product')).toEqual({ value: null });
    expect(cleanEnglishName(undefined, 'fair')).toEqual({ value: null });
  });
  it('normalises spacing and composes decomposed letters (NFC)', () => {
    expect(cleanEnglishName('  Bat Trang   ceramics ', 'product')).toEqual({ value: 'Bat Trang ceramics' });
    expect(cleanEnglishName('Ba\u0301t Tra\u0300ng ceramics', 'product')).toEqual({ value: 'Bát Tràng ceramics'.normalize('NFC') });
  });
  it('removes zero-width characters', () => {
    expect(cleanEnglishName('Oolong\u200b tea', 'product')).toEqual({ value: 'Oolong tea' });
  });
  it('refuses a text-direction override in both languages', () => {
    const out = cleanEnglishName('Oolong \u202Etea', 'product');
    expect('problem' in out && out.problem.vi).toContain('U+202E');
    expect('problem' in out && out.problem.en).toContain('U+202E');
  });
  it('refuses control characters', () => {
    const out = cleanEnglishName('Oolong\u0007tea', 'establishment');
    expect('problem' in out && out.problem.en).toContain('U+0007');
  });
  it('keeps the Vietnamese name limits: a fair name has at least 4 characters, an establishment at most 200', () => {
    const short = cleanEnglishName('Fai', 'fair');
    expect('problem' in short && short.problem.vi).toBe('Tên tiếng Anh cần ít nhất 4 ký tự.');
    expect(cleanEnglishName('Fair', 'fair')).toEqual({ value: 'Fair' });
    const long = cleanEnglishName('x'.repeat(201), 'establishment');
    expect('problem' in long && long.problem.vi).toBe('Tên tiếng Anh dài tối đa 200 ký tự.');
    expect(cleanEnglishName('x'.repeat(200), 'establishment')).toEqual({ value: 'x'.repeat(200) });
  });
});

describe('the staff forms read an optional English name', () => {
  const product = { name: 'Trà Ô Long', kind: 'single', status: 'published', version: '1' };
  it('stores a product without one as null', () => {
    const out = readProductForm(product);
    expect(out.ok && out.value.nameEn).toBeNull();
  });
  it('stores a product English name cleaned', () => {
    const out = readProductForm({ ...product, nameEn: ' Oolong  tea ' });
    expect(out.ok && out.value.nameEn).toBe('Oolong tea');
  });
  it('puts the problem beside the field for a product, an establishment and a fair', () => {
    const bad = 'A\u202Eb';
    const results = [
      readProductForm({ ...product, nameEn: bad }),
      readEstablishmentForm({
        name: 'HTX chè Tân Cương',
        legalForm: 'cooperative',
        provinceId: '1',
        status: 'published',
        version: '1',
        nameEn: bad,
      }),
      readFairForm({ name: 'Hội chợ 2024', country: 'VN', status: 'published', version: '1', nameEn: bad }),
    ];
    for (const r of results) {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors['nameEn']).toContain('U+202E');
    }
  });
});

describe('open data carries the English names (#18.2)', () => {
  const urls = siteUrls(new URL('https://example.vn'));
  const product = {
    slug: 'tra-o-long',
    name: 'Trà Ô Long',
    kind: 'single' as const,
    setItems: [],
    group: null,
    establishment: { slug: 'htx-che', name: 'HTX chè Cầu Đất', nameEn: 'Cau Dat Tea Cooperative' },
    descriptionVi: null,
    descriptionEn: null,
  };
  it('as name_en and establishment_name_en of a product', () => {
    const record = productRecord({ ...product, nameEn: 'Oolong tea' }, [], urls);
    expect(record.name_en).toBe('Oolong tea');
    expect(record.establishment_name_en).toBe('Cau Dat Tea Cooperative');
    expect(ProductRecord.parse(record)).toEqual(record);
  });
  it('as null where staff recorded none (never "")', () => {
    const record = productRecord({ ...product, nameEn: '  ', establishment: { slug: 'htx-che', name: 'HTX chè Cầu Đất' } }, [], urls);
    expect(record.name_en).toBeNull();
    expect(record.establishment_name_en).toBeNull();
  });
});
