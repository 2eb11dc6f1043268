/**
 * The public report-a-mistake form (decision 027): what GET shows and what POST does, for the routes
 * /report/ and /en/report/. Astro's origin check refuses cross-site POSTs before this runs.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { getDatabase } from '#db/client.ts';
import { submitReport } from '#db/queries/reports.ts';
import type { Locale } from '#domain/i18n.ts';
import { MAX_BODY_BYTES, MAX_CONTACT, MAX_MESSAGE, parseReport, type ReportProblem } from '#domain/report/form.ts';
import { isSitePath } from '#domain/report/paths.ts';
import { problemText } from '#domain/report/strings.ts';

export interface ReportFormView {
  status: number;
  pagePath: string;
  message: string;
  contact: string;
  problems: string[];
  /** Seconds, for a Retry-After header (429 only). */
  retryAfter?: number;
}

export type ReportAnswer = { kind: 'form'; view: ReportFormView } | { kind: 'sent'; location: string };

/**
 * Addresses are counted by a keyed hash, never stored: the key lives in this process only, so the
 * hashes mean nothing outside it (a restart starts the per-source counts again; the site-wide one stays).
 */
const SOURCE_KEY = randomBytes(32);
const sourceKey = (address: string) => createHmac('sha256', SOURCE_KEY).update(address).digest('hex').slice(0, 32);

/** The form for a page named in ?page= (a general report when it names none or not one of ours). */
export function reportForm(url: URL): ReportFormView {
  const page = url.searchParams.get('page') ?? '';
  return { status: 200, pagePath: isSitePath(page) ? page : '/', message: '', contact: '', problems: [] };
}

/** Reads a body up to `limit` bytes, giving up (null) as soon as more arrive: a large body is never held whole. */
export async function readLimitedBody(request: Request, limit = MAX_BODY_BYTES): Promise<string | null> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limit) return null;
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

const problemWords = (codes: ReportProblem[], locale: Locale, minutes = 0) =>
  codes.map((code) => problemText(code, locale, { max: code === 'contact-too-long' ? MAX_CONTACT : MAX_MESSAGE, minutes }));

/** Handles a submitted report: stored and sent on to the thank-you page, or the form again with what is wrong. */
export async function submitReportForm(request: Request, locale: Locale, clientAddress: string, thanksPath: string): Promise<ReportAnswer> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const empty = { pagePath: '/', message: '', contact: '' };
  if (type !== 'application/x-www-form-urlencoded')
    return { kind: 'form', view: { status: 415, ...empty, problems: problemWords(['form-unsupported'], locale) } };
  const body = await readLimitedBody(request);
  if (body === null) return { kind: 'form', view: { status: 413, ...empty, problems: problemWords(['body-too-large'], locale) } };
  const form = new URLSearchParams(body);
  const parsed = parseReport({
    page: form.get('page'),
    message: form.get('message'),
    contact: form.get('contact'),
    website: form.get('website'),
  });
  const thanks = (page: string) => ({ kind: 'sent' as const, location: `${thanksPath}?page=${encodeURIComponent(page)}` });
  // A bot that filled the hidden field is thanked like anyone, and nothing is kept.
  if (!parsed.ok && parsed.spam) return thanks('/');
  if (!parsed.ok) return { kind: 'form', view: { status: 400, ...parsed.input, problems: problemWords(parsed.problems, locale) } };
  const outcome = await submitReport(await getDatabase(), { ...parsed.report, locale }, { key: sourceKey(clientAddress) });
  if (!outcome.ok) {
    const minutes = Math.max(1, Math.ceil(outcome.retryAfterMs / 60_000));
    const { pagePath, message, contact } = parsed.report;
    return {
      kind: 'form',
      view: {
        status: 429,
        pagePath,
        message,
        contact: contact ?? '',
        problems: problemWords([outcome.reason], locale, minutes),
        retryAfter: Math.ceil(outcome.retryAfterMs / 1000),
      },
    };
  }
  return thanks(parsed.report.pagePath);
}
