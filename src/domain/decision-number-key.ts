/**
 * The folded form of a decision number that lookups compare: marks, case, spaces and separators do not
 * count, so "3116/QĐ-BCT", "3116/QD-BCT" and "3116 qđ bct" are one key. A stand-in until the shared
 * decision-number module (src/domain/decision-number.ts) is merged; the coordinator points callers there.
 */

/** decisionNumberKey('3116/QĐ-BCT') → '3116QDBCT'. */
export function decisionNumberKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'D')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}
