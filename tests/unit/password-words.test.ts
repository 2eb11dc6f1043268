import { describe, expect, it } from 'vitest';
import { passwordDictionary } from '#domain/password-words.ts';

describe('passwordDictionary', () => {
  const words = passwordDictionary();

  it.each([
    'hanoi',
    'hànội',
    'ha noi',
    'hà nội',
    'matkhau',
    'mậtkhẩu',
    'anhyeuem',
    'khuyencong',
    'bariavungtau',
    'daklak',
    'ba ria vung tau',
    'nguyen',
  ])('holds %j', (word) => {
    expect(words).toContain(word);
  });

  it('holds every word once, in lower case, without leading or trailing space', () => {
    expect(new Set(words).size).toBe(words.length);
    for (const word of words) expect(word).toBe(word.toLowerCase().trim());
  });

  it('ranks the most common password words first', () => {
    expect(words.indexOf('matkhau')).toBeLessThan(words.indexOf('nguyen'));
  });
});
