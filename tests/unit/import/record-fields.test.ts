import { describe, expect, it } from 'vitest';
import { readEstablishmentForm } from '#domain/admin/establishment-form.ts';
import { readProductForm } from '#domain/admin/product-form.ts';
import { fieldProblem } from '#domain/import/record-fields.ts';

const product = (name: string) => ({ name, kind: 'single', status: 'published', version: '1' });
const establishment = (name: string) => ({ name, legalForm: 'cooperative', provinceId: '1', status: 'published', version: '1' });

describe('fieldProblem', () => {
  it('refuses a product name the product form refuses, with the length in both languages', () => {
    const name = 'Trà '.repeat(2560);
    expect(readProductForm(product(name)).ok).toBe(false);
    expect(fieldProblem('productName', name)).toEqual({
      code: 'too-long',
      reason: '10240 characters; at most 300 are accepted (as in the admin form)',
      vi: 'dài 10240 ký tự; tối đa 300 ký tự (như biểu mẫu quản trị)',
    });
  });

  it('accepts a 300-character Vietnamese name, which the form then saves', () => {
    const name = 'Ồ'.repeat(300);
    expect(fieldProblem('productName', name)).toBeNull();
    expect(readProductForm(product(name)).ok).toBe(true);
  });

  it('counts a decomposed name after composing it, as the form does', () => {
    const name = 'ệ'.normalize('NFD').repeat(300);
    expect(name.length).toBe(900);
    expect(fieldProblem('productName', name)).toBeNull();
  });

  it('refuses a producer over the establishment form’s 200 characters', () => {
    const name = `Hợp tác xã ${'Đ'.repeat(200)}`;
    expect(readEstablishmentForm(establishment(name)).ok).toBe(false);
    expect(fieldProblem('producer', name)?.reason).toBe('211 characters; at most 200 are accepted (as in the admin form)');
  });

  it('refuses a bidi override the same way the forms do', () => {
    const name = 'Cơ sở \u202eoáT gnÔ';
    const form = readEstablishmentForm(establishment(name));
    expect(form.ok ? null : form.errors['name']).toMatch(/^Có ký tự điều khiển hướng chữ U\+202E/);
    const problem = fieldProblem('producer', name);
    expect(problem?.reason).toMatch(/^contains the text-direction control U\+202E/);
    expect(problem?.vi).toMatch(/^có ký tự điều khiển hướng chữ U\+202E/);
  });

  it('refuses a set item longer than the product form allows', () => {
    expect(fieldProblem('setItems', `Trà\n${'x'.repeat(201)}`)).toEqual({
      code: 'item-too-long',
      reason: 'an item is longer than 200 characters',
      vi: 'có thành phần dài quá 200 ký tự',
    });
  });

  it('refuses a decision number over 80 characters and a source address over 500', () => {
    expect(fieldProblem('decisionNo', `${'1'.repeat(81)}`)?.reason).toMatch(/^81 characters; at most 80/);
    expect(fieldProblem('sourceUrl', `https://example.vn/${'a'.repeat(490)}`)?.reason).toMatch(/at most 500/);
    expect(fieldProblem('decisionNo', '1234/QĐ-UBND')).toBeNull();
  });
});
