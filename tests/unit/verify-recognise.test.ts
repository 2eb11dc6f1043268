import { describe, expect, it } from 'vitest';
import { makeRegistryCode } from '#domain/registry-code.ts';
import { recogniseVerifiable } from '#domain/verify-recognise.ts';

const code = makeRegistryCode('national', 2023, 'huong son tra');
const dashed = `${code.slice(0, 3)}-${code.slice(3, 7)}-${code.slice(7)}`;

describe('recogniseVerifiable', () => {
  it.each(['3116/QĐ-BCT', '3116/QD-BCT', '3116 QĐ BCT', '3116 qd bct', 'QĐ 3116', 'qd 3116', '3116/QĐ-BCT'.normalize('NFD'), '76/QĐ-CTĐP'])(
    'offers to verify the decision %s',
    (q) => {
      const offer = recogniseVerifiable(q, 'vi');
      expect(offer?.kind).toBe('decision');
      expect(offer?.label).toBe(`Tra cứu quyết định ${q.normalize('NFC')} →`);
      expect(offer?.href).toBe(`/verify/?q=${encodeURIComponent(q.normalize('NFC'))}`);
    },
  );

  it.each([code, dashed, dashed.toLowerCase(), code.toLowerCase()])('offers to verify the registry code %s, shown with dashes', (q) => {
    expect(recogniseVerifiable(q, 'en')).toEqual({
      kind: 'code',
      label: `Verify code ${dashed} →`,
      href: `/en/verify/?q=${encodeURIComponent(q)}`,
    });
  });

  it.each(['2023', '3116', 'tra o long', 'Trà Ô Long', 'chè 1 tôm 2 lá', 'Bánh 3 tầng', 'quảng ninh', '', '26/2014/TT-BCT', 'qd'])(
    'offers nothing for %j: a year, a name or another document is for the product search',
    (q) => {
      expect(recogniseVerifiable(q, 'vi')).toBeNull();
    },
  );
});
