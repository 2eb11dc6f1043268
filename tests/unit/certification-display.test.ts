import { describe, expect, it } from 'vitest';
import { describeCertification, highestCertification, timelineOrder } from '#domain/certification-display.ts';

const cert = (level: 'provincial' | 'regional' | 'national', roundYear: number, validUntil: string | null = null) => ({
  level,
  region: level === 'regional' ? ('north' as const) : null,
  roundYear,
  validUntil,
  revokedAt: null,
});

describe('describeCertification', () => {
  it('labels level and status in Vietnamese and English', () => {
    expect(describeCertification(cert('national', 2021, '2024-12-31'), '2026-11-22')).toEqual({
      status: 'expired',
      statusLabel: 'Hết hiệu lực',
      levelLabel: 'Cấp quốc gia',
    });
    expect(describeCertification(cert('regional', 2024, '2027-12-31'), '2026-11-22', 'en').statusLabel).toBe('Valid');
  });
});

describe('timelineOrder', () => {
  it('reads as a climb: oldest first, lower level first within a year', () => {
    const ordered = timelineOrder([cert('national', 2023), cert('regional', 2022), cert('provincial', 2022)]);
    expect(ordered.map((c) => `${c.level} ${c.roundYear}`)).toEqual(['provincial 2022', 'regional 2022', 'national 2023']);
  });
});

describe('highestCertification', () => {
  it('picks the highest level, then the newest', () => {
    expect(highestCertification([cert('provincial', 2024), cert('national', 2021), cert('national', 2023)])).toMatchObject({
      level: 'national',
      roundYear: 2023,
    });
    expect(highestCertification([])).toBeUndefined();
  });
});
