import { describe, expect, it } from 'vitest';
import { ENGLISH_404_FILE, unknownPathAnswer } from '#domain/not-found-route.ts';

describe('unknownPathAnswer', () => {
  it.each([
    ['/verify/T21-AAAA-AAA/', '/verify/?q=T21-AAAA-AAA'],
    ['/verify/T21-AAAA-AAA', '/verify/?q=T21-AAAA-AAA'],
    ['/en/verify/T21-AAAA-AAA/', '/en/verify/?q=T21-AAAA-AAA'],
    ['/verify/3116%2FQ%C4%90-BCT/', '/verify/?q=3116%2FQ%C4%90-BCT'],
    ['/verify/tr%C3%A0%20%C3%B4%20long/?utm=x', '/verify/?q=tr%C3%A0%20%C3%B4%20long'],
    ['/verify/%E0%A4%A/', '/verify/?q=%25E0%25A4%25A'],
  ])('sends %s to the verification answer %s', (path, location) => {
    expect(unknownPathAnswer(path)).toEqual({ kind: 'redirect', location });
  });

  it.each([
    ['/en/khong-co/', ENGLISH_404_FILE],
    ['/en', ENGLISH_404_FILE],
    ['/en/verify/a/b/', ENGLISH_404_FILE],
    ['/khong-co/', '404.html'],
    ['/english/', '404.html'],
    ['/verify/a/b/', '404.html'],
  ])('answers %s with the 404 page %s', (path, file) => {
    expect(unknownPathAnswer(path)).toEqual({ kind: 'page', file });
  });
});
