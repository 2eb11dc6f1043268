import { describe, expect, it } from 'vitest';
import { formatRedirects, movedTo, parseRedirects } from '#domain/redirects.ts';

const moves = [
  { from: '/fairs/hoi-cho-2023-kem-le-ton-vinh/', to: '/fairs/hoi-cho-2023/' },
  { from: '/en/fairs/hoi-cho-2023-kem-le-ton-vinh/', to: '/en/fairs/hoi-cho-2023/' },
];

describe('formatRedirects', () => {
  it('writes one permanent redirect a line', () => {
    expect(formatRedirects(moves)).toBe(
      '/fairs/hoi-cho-2023-kem-le-ton-vinh/ /fairs/hoi-cho-2023/ 301\n/en/fairs/hoi-cho-2023-kem-le-ton-vinh/ /en/fairs/hoi-cho-2023/ 301\n',
    );
  });

  it('writes nothing when nothing moved', () => {
    expect(formatRedirects([])).toBe('');
  });
});

describe('parseRedirects', () => {
  it('reads back what formatRedirects wrote', () => {
    expect([...parseRedirects(formatRedirects(moves))]).toEqual(moves.map((m) => [m.from, m.to]));
  });

  it.each([
    ['# a comment', 'comments'],
    ['/a/ https://elsewhere.example/ 301', 'a move off the site'],
    ['/a/* /b/:splat 301', 'wildcards'],
    ['/a/ /b/ 200', 'rewrites'],
    ['/a/ /b/ 302', 'temporary redirects'],
    ['/a/ /b/ 301 Country=vn', 'conditions'],
  ])('ignores %s (%s)', (line) => {
    expect(parseRedirects(line).size).toBe(0);
  });

  it('accepts a 308 and a line without a status', () => {
    expect([...parseRedirects('/a/ /b/ 308\n/c/ /d/\n')]).toEqual([
      ['/a/', '/b/'],
      ['/c/', '/d/'],
    ]);
  });
});

describe('movedTo', () => {
  const map = parseRedirects(formatRedirects(moves));
  it('finds the new path with or without the trailing slash', () => {
    expect(movedTo(map, '/fairs/hoi-cho-2023-kem-le-ton-vinh/')).toBe('/fairs/hoi-cho-2023/');
    expect(movedTo(map, '/fairs/hoi-cho-2023-kem-le-ton-vinh')).toBe('/fairs/hoi-cho-2023/');
  });
  it('answers nothing for a path that did not move', () => {
    expect(movedTo(map, '/fairs/hoi-cho-2023/')).toBeUndefined();
  });
});
