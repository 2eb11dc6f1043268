import { isSitePath } from './paths.ts';

export const MAX_MESSAGE = 2000;
export const MAX_CONTACT = 200;
/** A form of these fields never comes near this; anything larger is refused while it streams in. */
export const MAX_BODY_BYTES = 16 * 1024;

export type ReportProblem =
  | 'message-missing'
  | 'message-too-long'
  | 'contact-too-long'
  | 'page-invalid'
  | 'body-too-large'
  | 'form-unsupported'
  | 'rate-limited-source'
  | 'rate-limited-site';

export interface ReportInput {
  pagePath: string;
  message: string;
  contact: string | null;
}

/** What a submitted form holds: the fields as sent (null when absent). */
export interface ReportFields {
  page: string | null;
  message: string | null;
  contact: string | null;
  /** The honeypot: a field people never see; bots fill it in. */
  website: string | null;
}

export type ReportParse =
  | { ok: true; report: ReportInput }
  | { ok: false; spam: true }
  | { ok: false; spam: false; problems: ReportProblem[]; input: { pagePath: string; message: string; contact: string } };

/** Counts characters as people see them (a decomposed "ễ" is one). */
const length = (text: string) => [...text].length;
/** NFC, line ends made \n, other control characters dropped, ends trimmed. */
const clean = (text: string | null) =>
  (text ?? '')
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '')
    .trim();

/**
 * Checks a report as the form sent it: a message (1–2,000 characters), an optional contact (≤ 200), and the
 * page as a path of this site ('' = a general report, stored as "/"). A filled honeypot is spam, to be
 * answered as if it were accepted and never stored.
 */
export function parseReport(fields: ReportFields): ReportParse {
  if (clean(fields.website) !== '') return { ok: false, spam: true };
  const pagePath = clean(fields.page) || '/';
  const message = clean(fields.message);
  const contact = clean(fields.contact);
  const problems: ReportProblem[] = [];
  if (!isSitePath(pagePath)) problems.push('page-invalid');
  if (message === '') problems.push('message-missing');
  else if (length(message) > MAX_MESSAGE) problems.push('message-too-long');
  if (length(contact) > MAX_CONTACT) problems.push('contact-too-long');
  if (problems.length > 0) return { ok: false, spam: false, problems, input: { pagePath, message, contact } };
  return { ok: true, report: { pagePath, message, contact: contact === '' ? null : contact } };
}

export const MAX_STAFF_NOTE = 1000;

/** A staff member closing a report: its id and an optional note (≤ 1,000 characters); null when malformed. */
export function parseCloseForm(fields: { id: string | null; note: string | null }): { id: number; note: string } | null {
  const id = Number(fields.id);
  const note = clean(fields.note);
  if (!Number.isSafeInteger(id) || id <= 0 || !/^\d+$/.test(fields.id ?? '') || length(note) > MAX_STAFF_NOTE) return null;
  return { id, note };
}
