/**
 * An import row's cells checked by the admin forms' own field schemas (#17.7): what imports can be saved
 * in the admin afterwards, and what the admin refuses does not import. The forms speak Vietnamese only;
 * the importer also needs English for the command line, so each zod issue is put in words here by its code.
 */
import type { z } from 'zod';
import { CertificationInput } from '../admin/certification-form.ts';
import { EstablishmentInput } from '../admin/establishment-form.ts';
import { ProductInput } from '../admin/product-form.ts';
import { TEXT_PROBLEM_WORDS, type TextProblem } from '../safe-text.ts';

/** Where each text cell of a row is stored, and the form field that governs it. */
export const IMPORT_FIELD_SCHEMAS = {
  /** products.name (and certifications.product_name_as_published, also 300). */
  productName: ProductInput.shape.name,
  /** A set's items, one per line as the product form takes them. */
  setItems: ProductInput.shape.setItems,
  /** establishments.name (200), stricter than certifications.producer_name_as_published (300). */
  producer: EstablishmentInput.shape.name,
  decisionNo: CertificationInput.shape.decisionNo,
  sourceUrl: CertificationInput.shape.sourceUrl,
} as const;

export type ImportField = keyof typeof IMPORT_FIELD_SCHEMAS;

/** A cell the field schema refused, in both languages; null when it is accepted. */
export function fieldProblem(field: ImportField, value: string): { reason: string; vi: string } | null {
  const parsed = (IMPORT_FIELD_SCHEMAS[field] as z.ZodType).safeParse(value);
  if (parsed.success) return null;
  const [issue] = parsed.error.issues;
  return issue ? issueWords(issue, value) : null;
}

function issueWords(issue: z.core.$ZodIssue, value: string): { reason: string; vi: string } {
  const length = [...value].length;
  if (issue.code === 'custom' && isTextProblem(issue.params)) {
    const { problem, codePoint } = issue.params;
    return { reason: TEXT_PROBLEM_WORDS[problem].en(codePoint), vi: TEXT_PROBLEM_WORDS[problem].vi(codePoint) };
  }
  if (issue.code === 'too_big' && issue.origin === 'string' && issue.path.length > 0)
    return { reason: `an item is longer than ${issue.maximum} characters`, vi: `có thành phần dài quá ${issue.maximum} ký tự` };
  if (issue.code === 'too_big' && issue.origin === 'string')
    return {
      reason: `${length} characters; at most ${issue.maximum} are accepted (as in the admin form)`,
      vi: `dài ${length} ký tự; tối đa ${issue.maximum} ký tự (như biểu mẫu quản trị)`,
    };
  if (issue.code === 'too_big' && issue.origin === 'array')
    return { reason: `more than ${issue.maximum} items in the set`, vi: `bộ có quá ${issue.maximum} thành phần` };
  if (issue.code === 'too_small' && issue.origin === 'string')
    return {
      reason: `${length} characters; at least ${issue.minimum} are needed (as in the admin form)`,
      vi: `dài ${length} ký tự; cần ít nhất ${issue.minimum} ký tự (như biểu mẫu quản trị)`,
    };
  // Other refusals have only the form's Vietnamese words.
  const vi = issue.message.replace(/\.$/, '');
  return { reason: vi, vi: vi.charAt(0).toLowerCase() + vi.slice(1) };
}

function isTextProblem(params: unknown): params is { problem: TextProblem; codePoint: string } {
  return (
    typeof params === 'object' && params !== null && 'problem' in params && (params.problem === 'bidi' || params.problem === 'control')
  );
}
