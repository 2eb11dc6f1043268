import { describe, expect, it } from 'vitest';
import { GLOSSARY, type GlossaryEntry } from '#domain/glossary.ts';
import { findGlossaryPhrases, glossaryFieldText, glossaryTerms } from '#domain/search/glossary-terms.ts';
import { foldVietnamese } from '#domain/text.ts';

const label = (entry: GlossaryEntry) => `${entry.vi[0]} ↔ ${entry.en[0]}`;
const viForms = GLOSSARY.flatMap((entry) => entry.vi.map((form) => [form, entry] as const));
const enForms = GLOSSARY.flatMap((entry) => entry.en.map((form) => [form, entry] as const));

describe('GLOSSARY', () => {
  it('holds at least 150 Vietnamese ↔ English pairs', () => {
    expect(GLOSSARY.length).toBeGreaterThanOrEqual(150);
  });

  it('writes every form in lower case NFC, trimmed, with words only', () => {
    for (const [form] of [...viForms, ...enForms]) {
      expect(form, form).toBe(form.normalize('NFC').toLowerCase().trim());
      expect(form, form).toMatch(/^[\p{L}\p{N}' &]+$/u);
    }
  });

  it('gives each Vietnamese form one meaning: no form is listed by two entries', () => {
    const seen = new Map<string, string>();
    for (const [form, entry] of viForms) {
      expect(seen.get(form), `${form} in ${label(entry)} and ${seen.get(form)}`).toBeUndefined();
      seen.set(form, label(entry));
    }
  });

  it("writes each entry's exceptions as phrases that hold one of its forms", () => {
    for (const entry of GLOSSARY.filter((e) => e.notIn))
      for (const phrase of entry.notIn!)
        expect(
          entry.vi.some((form) => phrase.split(' ').includes(form)),
          phrase,
        ).toBe(true);
  });
});

describe('glossaryTerms: every entry, both directions', () => {
  it.each(viForms.map(([form, entry]) => [form, label(entry), entry] as const))(
    'reads "%s" as %s: its English words and other spellings are added',
    (form, _label, entry) => {
      const matches = findGlossaryPhrases(form);
      expect(matches.map((m) => m.entry)).toEqual([entry]);
      const terms = glossaryTerms(form);
      expect(terms.en).toEqual(expect.arrayContaining([...entry.en].filter((en) => en !== form)));
      expect(terms.vi).toEqual(expect.arrayContaining(entry.vi.filter((vi) => vi !== form)));
    },
  );

  it.each(enForms.map(([form, entry]) => [form, label(entry), entry] as const))(
    'reads the English "%s" of %s: its Vietnamese forms are added',
    (form, _label, entry) => {
      expect(glossaryTerms(form).vi).toEqual(expect.arrayContaining(entry.vi.filter((vi) => vi !== form)));
    },
  );

  // Forms whose folded spelling is not itself a form of the entry ("pho" is the English of phở).
  const foldedForms = viForms
    .map(([form, entry]) => [foldVietnamese(form), form, entry] as const)
    .filter(([folded, form, entry]) => folded !== form && !entry.vi.includes(folded) && !entry.en.includes(folded));
  it.each(foldedForms)('reads "%s" written without marks as "%s" only when the entry says folding is safe', (folded, _form, entry) => {
    const whole = findGlossaryPhrases(folded).some((m) => m.entry === entry && m.form === folded);
    expect(whole).toBe(entry.foldSafe === true);
  });
});

describe('findGlossaryPhrases', () => {
  const meanings = (text: string) => glossaryTerms(text).en;

  it.each([
    ['Chế biến nông sản', 'tea'],
    ['Cà vạt thổ cẩm', 'fish'],
    ['Cà phê', 'fish'],
    ['Chè tôm nõn', 'shrimp'],
    ['Nước mắm thượng hạng', 'water'],
    ['Vải lụa tơ tằm', 'lychee'],
    ['Ngói công nghệ cao', 'turmeric'],
    ['Ngói công nghệ cao', 'extract'],
    ['Bộ sản phẩm từ cá bống sông Trà', 'tea'],
    ['Rượu G9 Mẫu Sơn trà ký', 'tea'],
    ['Tiêu biểu Trà Vinh', 'tea'],
    ['Tiêu biểu Trà Vinh', 'pepper'],
    ['Nguyên cám', 'orange'],
    ['Che Thai', 'tea'],
    ['Ca kho', 'fish'],
  ])('does not read %j as %j', (text, english) => {
    expect(meanings(text)).not.toContain(english);
  });

  it.each([
    ['Chè móc câu', 'tea'],
    ['Chè Tây Sơn', 'tea'],
    ['Cá kho Hải Đăng', 'braised'],
    ['Khô cá lóc', 'dried'],
    ['Vải thiều Lục Ngạn', 'lychee'],
    ['Nước mắm cốt', 'fish sauce'],
    ['Tinh dầu hồi', 'star anise'],
    ['Nghệ An: tinh bột nghệ', 'turmeric'],
    ['TRÀ Ô LONG', 'oolong'],
    ['Tra\u0300 O\u0302 Long', 'oolong'],
    ['Banh khao Moc Son', 'khao cake'],
    ['mat ong rung', 'forest honey'],
    ['Hạt macca sấy nứt vỏ', 'macadamia'],
    ['Trà gạo lứt', 'brown rice'],
    ['Bột Gạo Lức', 'brown rice'],
    ['Đồ gỗ mây tre mỹ nghệ', 'rattan & bamboo'],
  ])('reads %j as %j', (text, english) => {
    expect(meanings(text)).toContain(english);
  });

  it('prefers the longer phrase: "nước mắm" is one match, not water and paste', () => {
    expect(findGlossaryPhrases('Nước mắm Thành Công').map((m) => m.form)).toEqual(['nước mắm']);
  });

  it('folds only a name written wholly without marks: "Hạt mac ca" keeps to its marked words', () => {
    expect(findGlossaryPhrases('Hạt mac ca').map((m) => m.form)).toEqual(['hạt']);
    expect(findGlossaryPhrases('Hat mac ca').map((m) => m.form)).toEqual(['mac ca']);
  });

  it('finds nothing in empty text or text of no product word', () => {
    expect(findGlossaryPhrases('')).toEqual([]);
    expect(findGlossaryPhrases('Hội An chiều thu')).toEqual([]);
  });
});

describe('glossaryTerms', () => {
  it('adds the other spellings of a Vietnamese word: "Hạt macca" gains "mắc ca"', () => {
    expect(glossaryTerms('Hạt macca').vi).toEqual(expect.arrayContaining(['mắc ca', 'mác ca']));
    expect(glossaryTerms('Hạt mắc ca').vi).toContain('macca');
  });

  it('adds the Vietnamese for an English name: "forest honey" gains "mật ong rừng"', () => {
    expect(glossaryTerms('forest honey').vi).toContain('mật ong rừng');
    expect(glossaryTerms('dried Cordyceps').vi).toContain('đông trùng hạ thảo');
  });

  it('adds every Vietnamese word an English word stands for: "tea" gains trà and chè', () => {
    expect(glossaryTerms('Diep Nhat celastrus hindsii tea').vi).toEqual(expect.arrayContaining(['trà', 'chè']));
  });
});

describe('glossaryFieldText', () => {
  it('holds English words and Vietnamese spellings on the English site', () => {
    expect(glossaryFieldText('Hạt macca sấy nứt vỏ', 'en').split(' ')).toEqual(expect.arrayContaining(['macadamia', 'mắc', 'ca']));
  });

  it('holds only Vietnamese spellings on the Vietnamese site', () => {
    const text = glossaryFieldText('Hạt macca sấy nứt vỏ', 'vi');
    expect(text).toContain('mắc ca');
    expect(text).not.toContain('macadamia');
  });

  it('is empty for a name the glossary does not know', () => {
    expect(glossaryFieldText('Gọi hè', 'en')).toBe('');
  });
});
