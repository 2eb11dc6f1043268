/**
 * An import row's cells checked by the admin forms' own field schemas (#17.7): what imports can be saved
 * in the admin afterwards, and what the admin refuses does not import. The forms speak Vietnamese only;
 * the importer also needs English for the command line, so each zod issue is put in words here by its code.
 */
import type { z } from 'zod';
import { CertificationInput } from '#domain/admin/certification-form.ts';
import { EstablishmentInput } from '#domain/admin/establishment-form.ts';
import { ProductInput } from '#domain/admin/product-form.ts';
import { TEXT_PROBLEM_WORDS, type TextProblem } from '#domain/safe-text.ts';
import { problemWords, type ProblemWords } from './problems.ts';

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

/** A cell the field schema refused, with its code and words in both languages; null when it is accepted. */
export function fieldProblem(field: ImportField, value: string): ProblemWords | null {
  const parsed = (IMPORT_FIELD_SCHEMAS[field] as z.ZodType).safeParse(value);
  if (parsed.success) return null;
  const [issue] = parsed.error.issues;
  return issue ? issueWords(issue, value) : null;
}

function issueWords(issue: z.core.$ZodIssue, value: string): ProblemWords {
  const length = [...value].length;
  if (issue.code === 'custom' && isTextProblem(issue.params)) return unsafeTextWords(issue.params.problem, issue.params.codePoint);
  if (issue.code === 'too_big' && issue.origin === 'string' && issue.path.length > 0)
    return problemWords('item-too-long', { max: Number(issue.maximum) });
  if (issue.code === 'too_big' && issue.origin === 'string') return problemWords('too-long', { length, max: Number(issue.maximum) });
  if (issue.code === 'too_big' && issue.origin === 'array') return problemWords('too-many-items', { max: Number(issue.maximum) });
  if (issue.code === 'too_small' && issue.origin === 'string') return problemWords('too-short', { length, min: Number(issue.minimum) });
  // Other refusals have only the form's Vietnamese words.
  const vi = issue.message.replace(/\.$/, '');
  return problemWords('field-refused', { message: { en: vi, vi: vi.charAt(0).toLowerCase() + vi.slice(1) } });
}

/** A cell refused for its characters (bidi overrides, control characters), in the words the forms use. */
export function unsafeTextWords(problem: TextProblem, codePoint: string): ProblemWords {
  const words = TEXT_PROBLEM_WORDS[problem];
  return problemWords('unsafe-text', { problem: { en: words.en(codePoint), vi: words.vi(codePoint) } });
}

function isTextProblem(params: unknown): params is { problem: TextProblem; codePoint: string } {
  return (
    typeof params === 'object' && params !== null && 'problem' in params && (params.problem === 'bidi' || params.problem === 'control')
  );
}
