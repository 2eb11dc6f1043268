/**
 * The small form beside a decision's PDF: upload (or replace) it, or remove it, at the version the page
 * was loaded at (R28: a change against a newer version is refused). The file itself arrives as `file`.
 */
import { z } from 'zod';
import { readForm, version } from './form.ts';

export const DecisionDocumentInput = z
  .object({
    op: z.enum(['upload', 'remove'], { error: 'Thao tác không hợp lệ.' }),
    version: version(),
  })
  .strict();
export type DecisionDocumentInput = z.output<typeof DecisionDocumentInput>;

export const readDecisionDocumentForm = (form: Record<string, unknown>) => readForm(DecisionDocumentInput, form);

/** What the decision page says after a change (`?document=…`). */
export const DOCUMENT_NOTICES = {
  added: 'Đã lưu văn bản PDF.',
  removed: 'Đã gỡ văn bản PDF.',
  unchanged: 'Văn bản PDF này đã được lưu từ trước; không có gì thay đổi.',
} as const;
export type DocumentNotice = keyof typeof DOCUMENT_NOTICES;

/** A notice name from the URL, or null for anything else. */
export const documentNotice = (raw: string | null): DocumentNotice | null =>
  raw !== null && Object.hasOwn(DOCUMENT_NOTICES, raw) ? (raw as DocumentNotice) : null;
