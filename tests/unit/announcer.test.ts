/** The polite announcer behind the search page's and the combobox's live regions. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { politeAnnouncer } from '#scripts/announcer.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('politeAnnouncer', () => {
  it('says only the last of a burst of keystrokes, once the typing settles', () => {
    const said: string[] = [];
    const announce = politeAnnouncer((text) => said.push(text), 600);
    for (const text of ['40 kết quả cho “t”', '12 kết quả cho “tr”', '9 kết quả cho “tra”']) {
      announce(text);
      vi.advanceTimersByTime(150);
    }
    expect(said).toEqual([]);
    vi.advanceTimersByTime(600);
    expect(said).toEqual(['9 kết quả cho “tra”']);
  });

  it('does not repeat what it said last', () => {
    const said: string[] = [];
    const announce = politeAnnouncer((text) => said.push(text), 100);
    announce('6 gợi ý');
    vi.advanceTimersByTime(100);
    announce('6 gợi ý');
    vi.advanceTimersByTime(100);
    expect(said).toEqual(['6 gợi ý']);
  });

  it('says the same words again after something else was said in between', () => {
    const said: string[] = [];
    const announce = politeAnnouncer((text) => said.push(text), 100);
    for (const text of ['6 gợi ý', '', '6 gợi ý']) {
      announce(text);
      vi.advanceTimersByTime(100);
    }
    expect(said).toEqual(['6 gợi ý', '', '6 gợi ý']);
  });
});
