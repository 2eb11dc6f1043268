import { describe, expect, it } from 'vitest';
import { changedFields, displayValue, readEstablishmentForm } from '../../../src/domain/admin/establishment-form.ts';

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
    ['website', 'http://che.example.vn', 'https://'],
    ['website', 'javascript:alert(1)', 'https://'],
    ['status', 'live', 'Chọn trạng thái.'],
  ])('refuses %s = %j with a message beside the field', (field, value, message) => {
    const result = readEstablishmentForm({ ...valid, [field]: value });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[field]).toContain(message);
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
  it('lists the fields that differ, treating missing and null alike', () => {
    expect(changedFields({ name: 'A', phone: null }, { name: 'A', phone: '1', email: null })).toEqual(['phone']);
    expect(changedFields(null, { name: 'A' })).toEqual(['name']);
  });
  it('shows codes as words', () => {
    expect(displayValue('legalForm', 'cooperative', () => undefined)).toBe('Hợp tác xã');
    expect(displayValue('status', 'draft', () => undefined)).toBe('Bản nháp');
    expect(displayValue('provinceId', 12, (id) => (id === 12 ? 'Thái Nguyên' : undefined))).toBe('Thái Nguyên');
    expect(displayValue('phone', null, () => undefined)).toBe('—');
  });
});
