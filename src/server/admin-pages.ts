/**
 * What the staff record pages share and that is not markup: reading their URL parameters (bad values get
 * a message, never a 500) and the plain answers for records that do not exist.
 */
import type { Options } from '#domain/admin/form.ts';
import type { OptionContext } from '#db/queries/admin/options.ts';
import type { ListFilter, ListQuery } from '#db/queries/admin/records.ts';
import { readFormBody } from './form-body.ts';

export const notFound = () =>
  new Response('Không tìm thấy bản ghi / Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/** A record id from the URL: a positive safe integer, or null. */
export function recordId(raw: string | undefined): number | null {
  if (!raw || !/^\d{1,15}$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/** A list page's search, filters and page from its query string; unknown values are dropped with a message. */
export function readListQuery(
  params: URLSearchParams,
  filters: readonly ListFilter[],
  options: Options,
): { query: Required<ListQuery>; problems: string[] } {
  const problems: string[] = [];
  const q = (params.get('q') ?? '').slice(0, 100);
  const rawPage = params.get('page');
  let page = 1;
  if (rawPage !== null) {
    if (/^\d{1,6}$/.test(rawPage) && Number(rawPage) >= 1) page = Number(rawPage);
    else problems.push(`Số trang “${rawPage.slice(0, 20)}” không hợp lệ; đang hiện trang 1.`);
  }
  const chosen: Record<string, string> = {};
  for (const f of filters) {
    const value = params.get(f.name);
    if (!value) continue;
    if ((options[f.options] ?? []).some((o) => o.value === value)) chosen[f.name] = value;
    else problems.push(`Giá trị “${value.slice(0, 40)}” của bộ lọc ${f.label} không có; đã bỏ bộ lọc này.`);
  }
  return { query: { q, page, filters: chosen }, problems };
}

/** Values a new record's form starts with: the kind's defaults, and ids preset from the URL (?productId=12). */
export function presetValues(
  defaults: Record<string, unknown>,
  params: URLSearchParams,
  fields: readonly { name: string; kind: string }[],
) {
  const values: Record<string, unknown> = { ...defaults };
  for (const f of fields) {
    const v = params.get(f.name);
    if (f.kind === 'select' && v && recordId(v) !== null) values[f.name] = v;
  }
  return values;
}

/**
 * The posted form, or null when the body cannot be read as one (malformed, truncated, or over the form
 * limit: the middleware has answered those already). Read once, under FORM_BODY_LIMIT (#17.2).
 */
export async function postedForm(request: Request): Promise<FormData | null> {
  const body = await readFormBody(request);
  return body.ok ? body.form : null;
}

/** A form's values as posted, to show them again beside their errors (checkbox lists as lists). */
export function postedValues(form: FormData, multi: readonly string[] = []): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const text = (v: FormDataEntryValue | null) => (typeof v === 'string' ? v : '');
  for (const key of new Set(form.keys())) values[key] = multi.includes(key) ? form.getAll(key).map(text) : text(form.get(key));
  return values;
}

/** What a form's option lists depend on, from its values: an exhibitor's establishment, a certification's level and year. */
export function optionContext(values: Record<string, unknown>): OptionContext {
  const year = Number(values['roundYear']);
  const establishment = values['establishmentId'];
  return {
    establishmentId: recordId(
      typeof establishment === 'number' ? String(establishment) : typeof establishment === 'string' ? establishment : undefined,
    ),
    level: typeof values['level'] === 'string' ? values['level'] : null,
    roundYear: Number.isInteger(year) ? year : null,
  };
}
