import { describe, expect, it } from 'vitest';
import { fairNoteLabel, formatFairDates } from '#domain/fair-dates.ts';

describe('formatFairDates', () => {
  it.each([
    ['2024-05-16', '2024-05-19', 'vi', '16/05/2024 – 19/05/2024'],
    ['2024-05-16', '2024-05-19', 'en', '16 May 2024 – 19 May 2024'],
    ['2013-12-11', null, 'vi', 'khai mạc 11/12/2013'],
    ['2013-12-11', '', 'en', 'opening day 11 Dec 2013'],
    [null, '2014-10-04', 'vi', 'bế mạc 04/10/2014'],
    ['', '2014-10-04', 'en', 'closing day 4 Oct 2014'],
    ['2023-10-19', '2023-10-19', 'vi', '19/10/2023'],
    [null, null, 'vi', ''],
  ] as const)('shows start %s and end %s in %s as "%s"', (start, end, locale, expected) => {
    expect(formatFairDates(start, end, locale)).toBe(expected);
  });

  it('never shows a lone date without saying which one it is', () => {
    for (const locale of ['vi', 'en'] as const) {
      expect(formatFairDates('2013-12-11', null, locale)).not.toMatch(/^\d/);
      expect(formatFairDates(null, '2013-12-11', locale)).not.toMatch(/^\d/);
    }
  });
});

describe('fairNoteLabel', () => {
  it('says on English pages that the note is in Vietnamese', () => {
    expect(fairNoteLabel('vi')).toBe('Ghi chú');
    expect(fairNoteLabel('en')).toBe('Note (in Vietnamese)');
  });
});
