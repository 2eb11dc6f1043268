import { describe, expect, it } from 'vitest';
import { breadcrumbJsonLd, legislationJsonLd, organizationJsonLd, productJsonLd, serializeJsonLd } from '#domain/structured-data.ts';

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

describe('a certification’s decision', () => {
  const product = (decision: (typeof certification & { decision?: unknown })['decision']) =>
    productJsonLd(
      {
        name: 'Hương sơn trà',
        url: 'https://e.vn/products/huong-son-tra/',
        description: null,
        establishmentName: null,
        establishmentUrl: null,
        imageUrl: null,
        category: null,
        certifications: [{ ...certification, decision } as Parameters<typeof productJsonLd>[0]['certifications'][number]],
      },
      'vi',
    );
  const cert = (ld: Record<string, unknown>) => (ld['hasCertification'] as Record<string, unknown>[])[0]!;

  it('names the decision a certification rests on as isBasedOn → Legislation (Certification is a CreativeWork)', () => {
    const ld = product({
      number: '3116/QĐ-BCT',
      date: '2023-12-01',
      issuerName: 'Bộ Công Thương',
      url: 'https://e.vn/decisions/3116-qd-bct-2023/',
    });
    expect(cert(ld)['isBasedOn']).toEqual({
      '@type': 'Legislation',
      name: '3116/QĐ-BCT',
      legislationIdentifier: '3116/QĐ-BCT',
      legislationDate: '2023-12-01',
      legislationPassedBy: { '@type': 'Organization', name: 'Bộ Công Thương' },
      url: 'https://e.vn/decisions/3116-qd-bct-2023/',
    });
    expect(cert(ld)).not.toHaveProperty('recognizedBy');
  });

  it('says nothing of a decision the registry holds no record of', () => {
    expect(cert(product(null))).not.toHaveProperty('isBasedOn');
  });
});

describe('legislationJsonLd', () => {
  it('describes a decision page as Legislation, its source as sameAs, leaving out an unknown date', () => {
    const ld = legislationJsonLd(
      {
        number: '2568/QĐ-BCT',
        date: null,
        issuerName: 'Bộ Công Thương',
        url: 'https://e.vn/en/decisions/2568-qd-bct-2025/',
        sourceUrl: 'https://ven.congthuong.vn/x',
        description: 'The registry holds 0 products of this decision; the source does not say how many it certified.',
      },
      'en',
    );
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Legislation',
      legislationIdentifier: '2568/QĐ-BCT',
      sameAs: 'https://ven.congthuong.vn/x',
      inLanguage: 'en',
    });
    expect(JSON.stringify(ld)).not.toContain('null');
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
