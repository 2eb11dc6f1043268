/** A name an organisation bore; either end of its validity may be unknown or a partial date ('2025'). */
export interface DatedName {
  name: string;
  validFrom: string | null;
  validTo: string | null;
}

/**
 * The name an organisation bore on a date: the latest listed name whose validity covers it, else the
 * newest name. Partial dates compare at their own precision: validTo '2024' covers '2024-12-31'.
 * nameOnDate([{ name: 'A', validFrom: null, validTo: '2024' }, { name: 'B', validFrom: '2025', validTo: null }], '2022-06-01') → 'A'
 */
export function nameOnDate(names: readonly DatedName[], date: string): string | null {
  return datedNameOnDate(names, date)?.name ?? null;
}

/** The whole entry nameOnDate picks (its English name with it, #18.2), or undefined without names. */
export function datedNameOnDate<N extends DatedName>(names: readonly N[], date: string): N | undefined {
  const covers = (n: DatedName) =>
    (n.validFrom === null || date.slice(0, n.validFrom.length) >= n.validFrom) &&
    (n.validTo === null || date.slice(0, n.validTo.length) <= n.validTo);
  return names.filter(covers).at(-1) ?? names.at(-1);
}
