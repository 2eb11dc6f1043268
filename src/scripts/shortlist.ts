/**
 * A buyer's shortlist of one fair's exhibitors, kept on the device (localStorage) so it survives reloads
 * and works without a network. Storage can be missing or full (private mode, quota): the list then lives
 * for the visit only, and nothing throws.
 */
import { SHORTLIST_LIMIT } from '#domain/exhibitors.ts';

const keyOf = (fair: string) => `registry.shortlist.${fair}`;

export class Shortlist {
  private ids: number[];
  private readonly key: string;
  private readonly listeners = new Set<() => void>();

  constructor(fair: string) {
    this.key = keyOf(fair);
    this.ids = this.read();
    // Another tab of the same fair changed the list: follow it.
    addEventListener('storage', (event) => {
      if (event.key !== this.key) return;
      this.ids = this.read();
      this.emit();
    });
  }

  private read(): number[] {
    try {
      const parsed: unknown = JSON.parse(localStorage.getItem(this.key) ?? '[]');
      return Array.isArray(parsed) ? parsed.filter((id): id is number => Number.isSafeInteger(id) && id > 0).slice(0, SHORTLIST_LIMIT) : [];
    } catch {
      return [];
    }
  }

  private write(): void {
    try {
      localStorage.setItem(this.key, JSON.stringify(this.ids));
    } catch {
      // Storage unavailable: keep the list in memory for this visit.
    }
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }

  onChange(listener: () => void): void {
    this.listeners.add(listener);
  }

  get list(): readonly number[] {
    return this.ids;
  }

  has(id: number): boolean {
    return this.ids.includes(id);
  }

  toggle(id: number): void {
    this.ids = this.has(id) ? this.ids.filter((x) => x !== id) : [...this.ids, id].slice(0, SHORTLIST_LIMIT);
    this.write();
  }

  /** Adds ids not yet listed, keeping their order after the ones already there. */
  addAll(ids: readonly number[]): void {
    this.ids = [...new Set([...this.ids, ...ids])].slice(0, SHORTLIST_LIMIT);
    this.write();
  }

  clear(): void {
    this.ids = [];
    this.write();
  }
}
