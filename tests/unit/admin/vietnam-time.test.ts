import { describe, expect, it } from 'vitest';
import { formatVietnamTime, formatVietnamTimeOr } from '#domain/i18n.ts';

describe('formatVietnamTime', () => {
  it.each([
    ['2026-12-07T05:38:12.345Z', '07/12/2026 12:38 (giờ Việt Nam, UTC+7)'],
    ['2026-12-31T17:05:00Z', '01/01/2027 00:05 (giờ Việt Nam, UTC+7)'],
    ['2024-02-28T20:00:00.000Z', '29/02/2024 03:00 (giờ Việt Nam, UTC+7)'],
    ['2026-06-30T16:59:59Z', '30/06/2026 23:59 (giờ Việt Nam, UTC+7)'],
    ['2026-12-07 05:38:00', '07/12/2026 12:38 (giờ Việt Nam, UTC+7)'],
    ['2026-12-07T12:38:00+07:00', '07/12/2026 12:38 (giờ Việt Nam, UTC+7)'],
  ])('shows %s as %s', (iso, shown) => {
    expect(formatVietnamTime(iso)).toBe(shown);
  });

  it('adds seconds when asked', () => {
    expect(formatVietnamTime('2026-12-07T05:38:12.345Z', { seconds: true })).toBe('07/12/2026 12:38:12 (giờ Việt Nam, UTC+7)');
  });

  it('names the zone in English when asked', () => {
    expect(formatVietnamTime('2026-12-07T05:38:12Z', { lang: 'en' })).toBe('07/12/2026 12:38 (Vietnam time, UTC+7)');
  });

  it('leaves the zone out where a heading names it', () => {
    expect(formatVietnamTime('2026-12-07T05:38:12Z', { zone: false })).toBe('07/12/2026 12:38');
  });

  it('returns text that is not a timestamp unchanged', () => {
    expect(formatVietnamTime('hôm qua')).toBe('hôm qua');
  });
});

describe('formatVietnamTimeOr', () => {
  it('says the given words when there is no time', () => {
    expect(formatVietnamTimeOr(null, 'Chưa đăng nhập')).toBe('Chưa đăng nhập');
  });
  it('formats a time that is there', () => {
    expect(formatVietnamTimeOr('2026-12-07T05:38:00Z')).toBe('07/12/2026 12:38 (giờ Việt Nam, UTC+7)');
  });
});
