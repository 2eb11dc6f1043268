import { describe, expect, it } from 'vitest';
import { certificationStatus, defaultValidUntil, todayIso } from '#domain/validity.ts';

describe('defaultValidUntil', () => {
  it('ends on 31 December of the fourth year, the issue year counting as one', () => {
    expect(defaultValidUntil(2023)).toBe('2026-12-31');
    expect(defaultValidUntil(2019)).toBe('2022-12-31');
  });

  it('follows a configured rule', () => {
    expect(defaultValidUntil(2023, { years: 4, issueYearCountsAsOne: false })).toBe('2027-12-31');
    expect(defaultValidUntil(2023, { years: 2, issueYearCountsAsOne: true })).toBe('2024-12-31');
  });
});

describe('certificationStatus', () => {
  it('is valid through the whole last day and expired the day after', () => {
    expect(certificationStatus({ validUntil: '2026-12-31', revokedAt: null }, '2026-12-31')).toBe('valid');
    expect(certificationStatus({ validUntil: '2026-12-31', revokedAt: null }, '2027-01-01')).toBe('expired');
  });

  it('shows a revocation even while the dates are valid', () => {
    expect(certificationStatus({ validUntil: '2030-12-31', revokedAt: '2025-02-01' }, '2026-01-01')).toBe('revoked');
  });

  it('counts a certification without an end date as valid', () => {
    expect(certificationStatus({ validUntil: null, revokedAt: null }, '2026-01-01')).toBe('valid');
  });
});

describe('todayIso', () => {
  it('gives the date in Vietnam, seven hours ahead of UTC', () => {
    expect(todayIso(new Date('2026-12-31T16:59:59Z'))).toBe('2026-12-31');
    expect(todayIso(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
  });
});
