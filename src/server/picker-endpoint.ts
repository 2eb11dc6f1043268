/**
 * The JSON answer of the staff pickers (#20.1). The middleware has already checked the session and role
 * (the route × role table); here the request must come from the admin's own pages (a browser says so in
 * Sec-Fetch-Site; a request that says otherwise is refused), and its query must be within the limits.
 */
import { searchPicker } from '#db/queries/admin/picker.ts';
import type { DbOrTx } from '#db/client.ts';
import { isPickerKind, PICKER_PROBLEM_WORDS, readPickerQuery, type PickerProblem } from '#domain/admin/picker.ts';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8' } });

const refuse = (status: number, problem: PickerProblem | 'cross-site') =>
  json(status, {
    error: problem,
    message:
      problem === 'cross-site'
        ? {
            vi: 'Chỉ các trang quản trị của chính trang này được hỏi danh mục.',
            en: 'Only this site’s own admin pages may ask for the lists.',
          }
        : PICKER_PROBLEM_WORDS[problem],
  });

/** The page of records a picker asked for, or a 400/403 with the problem in both languages. */
export async function pickerAnswer(db: DbOrTx, kind: string | undefined, headers: Headers, url: URL): Promise<Response> {
  const site = headers.get('sec-fetch-site');
  if (site !== null && site !== 'same-origin') return refuse(403, 'cross-site');
  if (!isPickerKind(kind)) return refuse(404, 'unknown-kind');
  const read = readPickerQuery(url.searchParams);
  if (!read.ok) return refuse(400, read.problem);
  return json(200, await searchPicker(db, kind, read.query));
}
