import { describe, expect, it } from 'vitest';
import { roundCoverage } from '#domain/about/completeness.ts';

const national = (year: number, n: number) => ({ level: 'national' as const, region: null, year, n });
const north = (year: number, n: number) => ({ level: 'regional' as const, region: 'north' as const, year, n });

describe('roundCoverage', () => {
  it('says how many of a round’s published products the registry holds', () => {
    expect(roundCoverage([national(2023, 9)], [national(2023, 173)])).toEqual([
      { level: 'national', region: null, year: 2023, held: 9, published: 173, share: 9 / 173 },
    ]);
  });

  it('leaves the share unknown where no decision gives the round’s size', () => {
    expect(roundCoverage([national(2019, 4)], [])[0]).toMatchObject({ held: 4, published: null, share: null });
  });

  it('lists a round with a known size and nothing held as 0 of its size', () => {
    expect(roundCoverage([], [north(2024, 126)])[0]).toMatchObject({ held: 0, published: 126, share: 0 });
  });

  it('adds up two decisions of one round, and never claims more than all of it', () => {
    const [row] = roundCoverage([national(2021, 250)], [national(2021, 100), national(2021, 100)]);
    expect(row).toMatchObject({ published: 200, share: 1 });
  });

  it('orders newest first, national before regional, then by region', () => {
    const south = { level: 'regional' as const, region: 'south' as const, year: 2024, n: 1 };
    const order = roundCoverage([north(2024, 1), national(2023, 1), south, national(2025, 1)], []).map(
      (r) => `${r.year} ${r.region ?? r.level}`,
    );
    expect(order).toEqual(['2025 national', '2024 north', '2024 south', '2023 national']);
  });
});
