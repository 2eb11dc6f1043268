import { describe, expect, it } from 'vitest';
import { ESTABLISHMENT_FIELDS, LEGAL_FORM_OPTIONS, readEstablishmentForm } from '#domain/admin/establishment-form.ts';
import { changedFields, displayValue } from '#domain/admin/form.ts';
import { STATUS_OPTIONS } from '#domain/admin/shared-fields.ts';

const valid = {
  name: '  HTX   chè Tuyết\u00a0Hương ',
  legalForm: 'cooperative',
  provinceId: '12',
  address: '',
  phone: '0208 3855 123',
  email: 'htx@example.vn',
  website: 'https://che.example.vn/',
  descriptionVi: 'Chè búp Tân Cương',
  descriptionEn: '',
  status: 'published',
  version: '3',
};

describe('readEstablishmentForm (R12)', () => {
  it('normalises text, turns empty fields into null and numbers into numbers', () => {
    expect(readEstablishmentForm(valid)).toEqual({
      ok: true,
      value: {
        name: 'HTX chè Tuyết Hương',
        nameEn: null,
        legalForm: 'cooperative',
        provinceId: 12,
        address: null,
        phone: '0208 3855 123',
        email: 'htx@example.vn',
        website: 'https://che.example.vn/',
        descriptionVi: 'Chè búp Tân Cương',
        descriptionEn: null,
        status: 'published',
        version: 3,
      },
    });
  });

  it('keeps names in NFC whatever the keyboard sent', () => {
    const result = readEstablishmentForm({ ...valid, name: 'Ch\u00e8 Tha\u0301i' });
    expect(result.ok && result.value.name).toBe('Chè Thái');
  });

  it.each([
    ['name', ' x ', 'Tên cần ít nhất 2 ký tự.'],
    ['legalForm', 'company', 'Chọn loại hình.'],
    ['provinceId', '', 'Chọn tỉnh/thành.'],
    ['phone', '09x', 'Số điện thoại'],
    ['email', 'htx@', 'E-mail không hợp lệ.'],
    ['website', 'che.example.vn', 'Trang web phải bắt đầu bằng http:// hoặc https://'],
    ['website', 'javascript:alert(1)', 'Trang web phải bắt đầu bằng http:// hoặc https://'],
    ['website', 'https://', 'Trang web phải'],
    ['status', 'live', 'Chọn trạng thái.'],
  ])('refuses %s = %j with a message beside the field', (field, value, message) => {
    const result = readEstablishmentForm({ ...valid, [field]: value });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[field]).toContain(message);
  });

  it.each(['http://htxchetancuong.vn', 'https://che.example.vn/san-pham?id=1'])(
    'accepts the website %s, http or https (#20.4)',
    (website) => {
      const result = readEstablishmentForm({ ...valid, website });
      expect(result.ok && result.value.website).toBe(website);
    },
  );

  it('names the website in its error, never the street address ("Địa chỉ")', () => {
    const result = readEstablishmentForm({ ...valid, website: 'www.che.vn' });
    expect(result.ok ? '' : result.errors['website']).not.toMatch(/^Địa chỉ/);
  });

  it('refuses fields that are not writable rather than ignoring them', () => {
    const result = readEstablishmentForm({ ...valid, slug: 'new-slug', id: '1' });
    expect(result).toEqual({ ok: false, errors: { _form: 'Trường không được phép: slug, id.' } });
  });

  it('needs the version the form was loaded at', () => {
    const { version: _v, ...rest } = valid;
    void _v;
    expect(readEstablishmentForm(rest).ok).toBe(false);
  });
});

describe('changedFields and displayValue', () => {
  const field = (name: string) => ESTABLISHMENT_FIELDS.find((f) => f.name === name)!;
  it('lists the fields that differ, treating missing and null alike', () => {
    expect(
      changedFields(ESTABLISHMENT_FIELDS, { name: 'A', phone: null }, { name: 'A', phone: '1', email: null }).map((f) => f.name),
    ).toEqual(['phone']);
    expect(changedFields(ESTABLISHMENT_FIELDS, null, { name: 'A' }).map((f) => f.name)).toEqual(['name']);
  });
  it('shows codes and ids as words', () => {
    const options = {
      legalForms: LEGAL_FORM_OPTIONS,
      statuses: STATUS_OPTIONS,
      provinces: [{ value: '12', label: 'Thái Nguyên' }],
    };
    expect(displayValue(field('legalForm'), 'cooperative', options)).toBe('Hợp tác xã');
    expect(displayValue(field('status'), 'draft', options)).toContain('Bản nháp');
    expect(displayValue(field('provinceId'), 12, options)).toBe('Thái Nguyên');
    expect(displayValue(field('phone'), null, options)).toBe('—');
  });
});
