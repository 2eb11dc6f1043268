import { describe, expect, it } from 'vitest';
import { breadcrumbJsonLd, organizationJsonLd, productJsonLd, serializeJsonLd } from '../../src/domain/structured-data.ts';

const certification = {
  name: 'Cấp quốc gia 2021',
  registryCode: 'Q21-95J6-M5J',
  verifyUrl: 'https://example.vn/verify/Q2195J6M5J/',
  issuerName: 'Bộ Công Thương',
  validFrom: null,
  expires: '2024-12-31',
  status: 'expired' as const,
};

describe('productJsonLd', () => {
  it('lists each certification with its code, issuer, expiry and status', () => {
    const ld = productJsonLd(
      {
        name: 'Trà Ô Long',
        url: 'https://example.vn/products/tra-o-long/',
        description: null,
        establishmentName: 'HTX A',
        establishmentUrl: null,
        imageUrl: null,
        category: null,
        certifications: [certification],
      },
      'vi',
    );
    expect(ld).toMatchObject({
      '@type': 'Product',
      name: 'Trà Ô Long',
      manufacturer: { '@type': 'Organization', name: 'HTX A' },
      hasCertification: [
        {
          '@type': 'Certification',
          certificationIdentification: 'Q21-95J6-M5J',
          issuedBy: { name: 'Bộ Công Thương' },
          expires: '2024-12-31',
          certificationStatus: 'https://schema.org/CertificationInactive',
        },
      ],
    });
  });

  it('leaves out what is unknown instead of writing null', () => {
    const ld = productJsonLd(
      {
        name: 'X',
        url: 'https://e.vn/',
        description: null,
        establishmentName: null,
        establishmentUrl: null,
        imageUrl: null,
        category: null,
        certifications: [{ ...certification, issuerName: null, status: 'valid' }],
      },
      'en',
    );
    expect(JSON.stringify(ld)).not.toContain('null');
    expect(ld).not.toHaveProperty('manufacturer');
    expect((ld['hasCertification'] as { certificationStatus: string }[])[0]?.certificationStatus).toBe(
      'https://schema.org/CertificationActive',
    );
  });
});

describe('organizationJsonLd', () => {
  it('gives a Vietnamese postal address', () => {
    const ld = organizationJsonLd({
      name: 'HTX chè Hảo Đạt',
      url: 'https://e.vn/p/',
      address: null,
      provinceName: 'Thái Nguyên',
      telephone: null,
      email: null,
      website: null,
    });
    expect(ld['address']).toEqual({ '@type': 'PostalAddress', addressRegion: 'Thái Nguyên', addressCountry: 'VN' });
  });
});

describe('breadcrumbJsonLd', () => {
  it('numbers the items from 1', () => {
    const ld = breadcrumbJsonLd([
      { name: 'Trang chủ', url: 'https://e.vn/' },
      { name: 'Sản phẩm', url: 'https://e.vn/products/' },
    ]);
    expect((ld['itemListElement'] as { position: number }[]).map((i) => i.position)).toEqual([1, 2]);
  });
});

describe('serializeJsonLd', () => {
  it('cannot close the script element it is written into', () => {
    const value = { name: '</script><script>alert(1)</script> & Đắk Lắk \u2028' };
    const text = serializeJsonLd(value);
    expect(text).not.toMatch(/<|>|&|\u2028/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
