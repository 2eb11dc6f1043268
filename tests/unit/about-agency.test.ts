import { describe, expect, it } from 'vitest';
import { logoDataUri, MAX_LOGO_BYTES, parseAgency } from '#domain/about/agency.ts';

describe('parseAgency', () => {
  it('reads a full configuration, a one-language name serving both languages', () => {
    const parsed = parseAgency({
      name: 'Trung tâm Khuyến công tỉnh Lạng Sơn',
      address: { vi: 'Số 1, đường Lê Lợi', en: '1 Le Loi Street' },
      email: 'khuyencong@langson.gov.vn',
      phone: '+84 205 3812 345',
      website: 'https://sct.langson.gov.vn/',
      logo: 'logo.svg',
    });
    expect(parsed).toEqual({
      ok: true,
      agency: {
        name: { vi: 'Trung tâm Khuyến công tỉnh Lạng Sơn', en: 'Trung tâm Khuyến công tỉnh Lạng Sơn' },
        address: { vi: 'Số 1, đường Lê Lợi', en: '1 Le Loi Street' },
        email: 'khuyencong@langson.gov.vn',
        phone: '+84 205 3812 345',
        website: 'https://sct.langson.gov.vn/',
      },
      logoFile: 'logo.svg',
    });
  });

  it('stores names as NFC, so a decomposed name reads the same', () => {
    const parsed = parseAgency({ name: 'Sở Công Thương Đồng Tháp'.normalize('NFD') });
    expect(parsed.ok && parsed.agency.name.vi).toBe('Sở Công Thương Đồng Tháp');
  });

  it('names every problem at once, by field', () => {
    const parsed = parseAgency({ email: 'not an address', website: 'http://plain.example/', logo: 'logo.gif', colour: 'green' });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => p.split(':')[0]).sort()).toEqual(['colour', 'email', 'logo', 'name', 'website']);
  });

  it.each([[null], [[]], ['Trung tâm'], [42]])('refuses %j as a whole', (input) => {
    expect(parseAgency(input)).toEqual({ ok: false, problems: ['the file must hold one JSON object'] });
  });
});

describe('logoDataUri', () => {
  it('embeds a small logo with its type', () => {
    expect(logoDataUri('logo.svg', new TextEncoder().encode('<svg/>'))).toBe('data:image/svg+xml;base64,PHN2Zy8+');
    expect(logoDataUri('LOGO.PNG', new Uint8Array([1]))).toMatch(/^data:image\/png;base64,/);
  });
  it('refuses an empty file, a file past the limit and an unknown type', () => {
    expect(logoDataUri('logo.svg', new Uint8Array())).toBeNull();
    expect(logoDataUri('logo.png', new Uint8Array(MAX_LOGO_BYTES + 1))).toBeNull();
    expect(logoDataUri('logo.gif', new Uint8Array([1]))).toBeNull();
  });
});
