/**
 * R11: the route × role table of the admin, pure so tests reach it without a server: one table drives the
 * middleware, the body limits, the buttons staff see and hundreds of generated tests.
 */

export const ROLES = ['anonymous', 'viewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export type StaffRole = Exclude<Role, 'anonymous'>;

const STAFF = ['viewer', 'editor', 'admin'] as const;
const EDITORS = ['editor', 'admin'] as const;
const ADMINS = ['admin'] as const;

/** How a POST's body may be encoded: HTML forms only (R10); anything else is refused with 415. */
export type BodyKind = 'form' | 'multipart';

interface RouteRow {
  method: 'GET' | 'POST';
  path: RegExp;
  /** A concrete path the generated tests request. */
  example: string;
  action: string;
  roles: readonly Role[];
  /** POST only: the encodings accepted ('form' = urlencoded or multipart without files; 'multipart' = file uploads). */
  body?: BodyKind;
}

/** The record types staff edit with the same seven routes: list, new, create, view, update, history, restore. */
export const RECORD_SECTIONS = [
  'establishments',
  'products',
  'certifications',
  'fairs',
  'exhibitors',
  'organisations',
  'decisions',
] as const;
export type RecordSection = (typeof RECORD_SECTIONS)[number];

function recordRoutes<S extends RecordSection>(s: S) {
  return [
    { method: 'GET', path: new RegExp(`^/admin/${s}/$`), example: `/admin/${s}/`, action: `${s}.list` as const, roles: STAFF },
    // The list's records as a file (CSV or XLSX), with the list's search and filters.
    {
      method: 'GET',
      path: new RegExp(`^/admin/${s}/export\\.(?:csv|xlsx)$`),
      example: `/admin/${s}/export.xlsx`,
      action: `${s}.export` as const,
      roles: STAFF,
    },
    { method: 'GET', path: new RegExp(`^/admin/${s}/new/$`), example: `/admin/${s}/new/`, action: `${s}.new` as const, roles: EDITORS },
    {
      method: 'POST',
      path: new RegExp(`^/admin/${s}/new/$`),
      example: `/admin/${s}/new/`,
      action: `${s}.create` as const,
      roles: EDITORS,
      body: 'form',
    },
    { method: 'GET', path: new RegExp(`^/admin/${s}/\\d+/$`), example: `/admin/${s}/1/`, action: `${s}.view` as const, roles: STAFF },
    {
      method: 'POST',
      path: new RegExp(`^/admin/${s}/\\d+/$`),
      example: `/admin/${s}/1/`,
      action: `${s}.update` as const,
      roles: EDITORS,
      body: 'form',
    },
    {
      method: 'GET',
      path: new RegExp(`^/admin/${s}/\\d+/history/$`),
      example: `/admin/${s}/1/history/`,
      action: `${s}.history` as const,
      roles: STAFF,
    },
    {
      method: 'POST',
      path: new RegExp(`^/admin/${s}/\\d+/history/$`),
      example: `/admin/${s}/1/history/`,
      action: `${s}.restore` as const,
      roles: EDITORS,
      body: 'form',
    },
  ] as const satisfies readonly RouteRow[];
}

/**
 * R11: every admin route and method, the action it performs and the roles allowed. Deny by default: a
 * request no row matches is refused. The middleware reads this table, and a test is generated per cell.
 */
export const ADMIN_ROUTES = [
  { method: 'GET', path: /^\/admin\/login\/?$/, example: '/admin/login/', action: 'login.view', roles: ROLES },
  { method: 'POST', path: /^\/admin\/login\/?$/, example: '/admin/login/', action: 'login', roles: ROLES, body: 'form' },
  { method: 'POST', path: /^\/admin\/logout\/?$/, example: '/admin/logout/', action: 'logout', roles: STAFF, body: 'form' },
  { method: 'GET', path: /^\/admin\/?$/, example: '/admin/', action: 'dashboard.view', roles: STAFF },
  ...RECORD_SECTIONS.flatMap((s) => recordRoutes(s)),
  // A product's photos: upload, alt text, order, removal (R13–R17).
  {
    method: 'POST',
    path: /^\/admin\/products\/\d+\/images\/$/,
    example: '/admin/products/1/images/',
    action: 'products.images',
    roles: EDITORS,
    body: 'multipart',
  },
  // A fair's floor plan (#20.2): drag or type booth positions; saved under each booth's version.
  { method: 'GET', path: /^\/admin\/fairs\/\d+\/plan\/$/, example: '/admin/fairs/1/plan/', action: 'fairs.plan', roles: STAFF },
  {
    method: 'POST',
    path: /^\/admin\/fairs\/\d+\/plan\/$/,
    example: '/admin/fairs/1/plan/',
    action: 'fairs.planSave',
    roles: EDITORS,
    body: 'form',
  },
  // A decision's PDF (issue #16): upload, replace or remove it; download it, also while the decision is a draft.
  {
    method: 'POST',
    path: /^\/admin\/decisions\/\d+\/document\/$/,
    example: '/admin/decisions/1/document/',
    action: 'decisions.document',
    roles: EDITORS,
    body: 'multipart',
  },
  {
    method: 'GET',
    path: /^\/admin\/decisions\/\d+\/document\.pdf$/,
    example: '/admin/decisions/1/document.pdf',
    action: 'decisions.documentDownload',
    roles: STAFF,
  },
  // The staff pickers' answers (#20.1): records of one kind matching a query, as JSON, for those who edit.
  {
    method: 'GET',
    path: /^\/admin\/pick\/(?:establishments|products|organisations|fairs|provinces)\/$/,
    example: '/admin/pick/establishments/',
    action: 'pick.search',
    roles: EDITORS,
  },
  // Uploaded images at their re-encoded sizes, for staff previews of records not yet published.
  {
    method: 'GET',
    path: /^\/admin\/media\/[0-9a-f]{64}-\d+\.(?:avif|webp|jpg)$/,
    example: `/admin/media/${'0'.repeat(64)}-320.webp`,
    action: 'media.view',
    roles: STAFF,
  },
  // Each signed-in person's own account: change the password (other sessions end).
  { method: 'GET', path: /^\/admin\/account\/$/, example: '/admin/account/', action: 'account.view', roles: STAFF },
  { method: 'POST', path: /^\/admin\/account\/$/, example: '/admin/account/', action: 'account.update', roles: STAFF, body: 'form' },
  // Importing official lists (issue #8): upload, preview, map columns, commit; a file of the rejected rows.
  { method: 'GET', path: /^\/admin\/import\/$/, example: '/admin/import/', action: 'import.view', roles: EDITORS },
  { method: 'POST', path: /^\/admin\/import\/$/, example: '/admin/import/', action: 'import.upload', roles: EDITORS, body: 'multipart' },
  {
    method: 'GET',
    path: /^\/admin\/import\/[0-9a-f]{32}\/$/,
    example: `/admin/import/${'0'.repeat(32)}/`,
    action: 'import.preview',
    roles: EDITORS,
  },
  {
    method: 'POST',
    path: /^\/admin\/import\/[0-9a-f]{32}\/$/,
    example: `/admin/import/${'0'.repeat(32)}/`,
    action: 'import.commit',
    roles: EDITORS,
    body: 'form',
  },
  {
    method: 'GET',
    path: /^\/admin\/import\/[0-9a-f]{32}\/rejected\.csv$/,
    example: `/admin/import/${'0'.repeat(32)}/rejected.csv`,
    action: 'import.rejected',
    roles: EDITORS,
  },
  // Visitors' reports of mistakes (issue #16, decision 027): editors read them and close them with a note.
  { method: 'GET', path: /^\/admin\/reports\/$/, example: '/admin/reports/', action: 'reports.list', roles: EDITORS },
  { method: 'POST', path: /^\/admin\/reports\/$/, example: '/admin/reports/', action: 'reports.close', roles: EDITORS, body: 'form' },
  // Publishing and releases: admins only (R32). The page streams a running publish's steps.
  { method: 'GET', path: /^\/admin\/releases\/$/, example: '/admin/releases/', action: 'releases.list', roles: ADMINS },
  { method: 'POST', path: /^\/admin\/releases\/$/, example: '/admin/releases/', action: 'releases.publish', roles: ADMINS, body: 'form' },
  // Staff accounts: admins only.
  { method: 'GET', path: /^\/admin\/users\/$/, example: '/admin/users/', action: 'users.list', roles: ADMINS },
  { method: 'GET', path: /^\/admin\/users\/new\/$/, example: '/admin/users/new/', action: 'users.new', roles: ADMINS },
  { method: 'POST', path: /^\/admin\/users\/new\/$/, example: '/admin/users/new/', action: 'users.create', roles: ADMINS, body: 'form' },
  { method: 'GET', path: /^\/admin\/users\/\d+\/$/, example: '/admin/users/1/', action: 'users.view', roles: ADMINS },
  { method: 'POST', path: /^\/admin\/users\/\d+\/$/, example: '/admin/users/1/', action: 'users.update', roles: ADMINS, body: 'form' },
] as const satisfies readonly RouteRow[];

export type AdminAction = (typeof ADMIN_ROUTES)[number]['action'];

/** The row of the table a request matches, or null (refused). HEAD is treated as GET. */
export function adminRoute(method: string, pathname: string) {
  const m = method === 'HEAD' ? 'GET' : method;
  return ADMIN_ROUTES.find((r) => r.method === m && r.path.test(pathname)) ?? null;
}

export function isAllowed(route: { roles: readonly Role[] }, role: Role): boolean {
  return route.roles.includes(role);
}

/** #17.2: the most a form POST's body may carry. File uploads and imports keep their own, larger, limits. */
export const FORM_BODY_LIMIT = 64 * 1024;

/**
 * The limit the server holds a POST's body to before any handler runs: FORM_BODY_LIMIT for every form
 * (and for paths no row names: nothing there needs a body), null for the upload routes, which read
 * their bodies themselves under their own limits.
 */
export function postBodyLimit(pathname: string): number | null {
  const route = adminRoute('POST', pathname);
  return route && 'body' in route && route.body === 'multipart' ? null : FORM_BODY_LIMIT;
}

/** Whether a role may perform a named action (for showing or hiding buttons; the middleware decides). */
export function may(role: Role, action: AdminAction): boolean {
  return ADMIN_ROUTES.some((r) => r.action === action && isAllowed(r, role));
}

/**
 * R10: a POST's body must be what the route's form sends. A JSON or text body (what a cross-site
 * `fetch` or a script would send) is refused before any handler reads it.
 */
export function bodyAccepted(route: { method: string; body?: BodyKind }, contentType: string | null): boolean {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (route.body === 'multipart') return type === 'multipart/form-data';
  return type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data';
}
