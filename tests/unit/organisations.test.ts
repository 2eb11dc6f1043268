import { describe, expect, it } from 'vitest';
import { nameOnDate } from '#domain/organisations.ts';

const department = [
  { name: 'Cục Công nghiệp địa phương', validFrom: null, validTo: null },
  { name: 'Cục Công Thương địa phương', validFrom: null, validTo: '2024' },
  { name: 'Cục Đổi mới sáng tạo, Chuyển đổi xanh và Khuyến công', validFrom: '2025', validTo: null },
];

describe('nameOnDate', () => {
  it('gives the name in force on the date', () => {
    expect(nameOnDate(department, '2022-06-01')).toBe('Cục Công Thương địa phương');
    expect(nameOnDate(department, '2025-03-15')).toBe('Cục Đổi mới sáng tạo, Chuyển đổi xanh và Khuyến công');
  });

  it('compares a partial date at its own precision', () => {
    expect(nameOnDate(department, '2024-12-31')).toBe('Cục Công Thương địa phương');
  });

  it('falls back to the newest name and to null for no names', () => {
    expect(nameOnDate([{ name: 'A', validFrom: '2030', validTo: null }], '2020-01-01')).toBe('A');
    expect(nameOnDate([], '2020-01-01')).toBeNull();
  });
});
