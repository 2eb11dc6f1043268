/**
 * What an admin may write about a staff account, and what each person may change of their own (R12):
 * exactly these fields (`.strict()`: an extra field is refused, not ignored), with Vietnamese messages
 * beside each field. Passwords follow the policy of src/domain/auth.ts (R02, strength by zxcvbn-ts) and are kept in NFC, so the
 * same password typed on a composing or a decomposing Vietnamese keyboard is the same password.
 * The rules that keep the admin reachable (no self-demotion, never zero active admins) are here too,
 * pure; the query layer applies them again inside the write transaction.
 */
import { z } from 'zod';
import { PASSWORD_MAX, PASSWORD_MESSAGES, passwordProblem, type StaffRole } from '#domain/auth.ts';
import { normalizeText } from '#domain/text.ts';
import { formEntries, issueMessages, type FieldSpec, type FormErrors, type FormRead, type Option } from './form.ts';

export const STAFF_ROLES = ['admin', 'editor', 'viewer'] as const satisfies readonly StaffRole[];

export const ROLE_LABELS: Record<StaffRole, string> = { admin: 'Quản trị', editor: 'Biên tập', viewer: 'Chỉ xem' };

export const USER_FIELD_LABELS = {
  email: 'E-mail',
  displayName: 'Tên hiển thị',
  role: 'Vai trò',
  isActive: 'Trạng thái',
  password: 'Mật khẩu',
  passwordConfirm: 'Nhập lại mật khẩu',
  currentPassword: 'Mật khẩu hiện tại',
  newPassword: 'Mật khẩu mới',
  newPasswordConfirm: 'Nhập lại mật khẩu mới',
} as const;

/**
 * The most a password field may carry before the policy looks at it: 128 characters as people see them
 * can take up to three UTF-16 units each when decomposed; more than that is refused before hashing.
 */
const RAW_PASSWORD_MAX = 1024;
const TOO_LONG = PASSWORD_MESSAGES['too-long'].vi;

const secret = () =>
  z
    .string({ error: 'Hãy nhập mật khẩu.' })
    .max(RAW_PASSWORD_MAX, TOO_LONG)
    .transform((s) => s.normalize('NFC'));

/** An optional password field: empty or missing means "no change". */
const optionalSecret = () =>
  z
    .string()
    .max(RAW_PASSWORD_MAX, TOO_LONG)
    .optional()
    .transform((s) => (s ? s.normalize('NFC') : null));

const displayName = () =>
  z
    .string()
    .max(100, 'Tên hiển thị dài tối đa 100 ký tự.')
    .optional()
    .transform((s) => normalizeText(s ?? '') || null);

const role = () => z.enum(STAFF_ROLES, { error: 'Chọn vai trò.' });

const email = () =>
  z
    .string({ error: 'Hãy nhập e-mail.' })
    .transform((s) => s.trim().toLowerCase())
    .pipe(z.email('E-mail không hợp lệ.').max(254, 'E-mail dài tối đa 254 ký tự.'));

/**
 * The messages of a new password and its confirmation, keyed by field: the policy (R02) on the first,
 * equality (after NFC) on the second. Empty when both are fine.
 */
export async function passwordErrors(
  password: string,
  confirmation: string,
  emailAddress: string,
  names: { password: string; confirmation: string } = { password: 'password', confirmation: 'passwordConfirm' },
): Promise<Partial<Record<string, string>>> {
  const errors: Partial<Record<string, string>> = {};
  const nfc = password.normalize('NFC');
  if (password.length > RAW_PASSWORD_MAX) errors[names.password] = TOO_LONG;
  else {
    const problem = await passwordProblem(nfc, emailAddress);
    if (problem) errors[names.password] = PASSWORD_MESSAGES[problem].vi;
  }
  if (nfc !== confirmation.normalize('NFC')) errors[names.confirmation] = 'Hai mật khẩu không khớp nhau.';
  return errors;
}

const addIssues = (ctx: z.RefinementCtx, errors: Partial<Record<string, string>>) => {
  for (const [path, message] of Object.entries(errors)) if (message) ctx.addIssue({ code: 'custom', path: [path], message });
};

/** A new account: the admin sets the first password; the person changes it on "Mật khẩu của tôi". */
export const NewUserInput = z
  .object({
    email: email(),
    displayName: displayName(),
    role: role(),
    password: secret(),
    passwordConfirm: secret(),
  })
  .strict()
  .superRefine(async (v, ctx) => addIssues(ctx, await passwordErrors(v.password, v.passwordConfirm, v.email)));
export type NewUserInput = z.output<typeof NewUserInput>;

/**
 * An admin's edit of an account (the e-mail is its identity and does not change). A new password is
 * optional; when given it is checked against the account's e-mail, hence a schema per account.
 */
export const editUserSchema = (accountEmail: string) =>
  z
    .object({
      displayName: displayName(),
      role: role(),
      /** A select, not a checkbox: an absent field must never mean "deactivate". */
      isActive: z.enum(['1', '0'], { error: 'Chọn trạng thái.' }).transform((v) => v === '1'),
      /** The version the form was loaded at: a save against a newer version is refused (R28). */
      version: z.coerce.number({ error: 'Hãy tải lại trang.' }).int().positive('Hãy tải lại trang.'),
      newPassword: optionalSecret(),
      newPasswordConfirm: optionalSecret(),
    })
    .strict()
    .superRefine(async (v, ctx) => {
      if (v.newPassword === null && v.newPasswordConfirm === null) return;
      addIssues(
        ctx,
        await passwordErrors(v.newPassword ?? '', v.newPasswordConfirm ?? '', accountEmail, {
          password: 'newPassword',
          confirmation: 'newPasswordConfirm',
        }),
      );
    });
export type EditUserInput = z.output<ReturnType<typeof editUserSchema>>;

/** Changing one's own password: the current one proves it is really them (a left-open session is not enough). */
export const ownPasswordSchema = (accountEmail: string) =>
  z
    .object({
      currentPassword: z
        .string({ error: 'Hãy nhập mật khẩu hiện tại.' })
        .min(1, 'Hãy nhập mật khẩu hiện tại.')
        .max(RAW_PASSWORD_MAX, TOO_LONG),
      newPassword: secret(),
      newPasswordConfirm: secret(),
    })
    .strict()
    .superRefine(async (v, ctx) => {
      const errors = await passwordErrors(v.newPassword, v.newPasswordConfirm, accountEmail, {
        password: 'newPassword',
        confirmation: 'newPasswordConfirm',
      });
      if (!errors['newPassword'] && v.newPassword === v.currentPassword.normalize('NFC'))
        errors['newPassword'] = 'Mật khẩu mới phải khác mật khẩu hiện tại.';
      addIssues(ctx, errors);
    });
export type OwnPasswordInput = z.output<ReturnType<typeof ownPasswordSchema>>;

export type { FormErrors, FormRead };

const PASSWORD_FIELDS = [
  ['password', 'passwordConfirm'],
  ['newPassword', 'newPasswordConfirm'],
] as const;

/**
 * Posted form data → the validated input, or the first message of each field. A field sent twice or a
 * file is refused. When other fields are wrong the password checks still run, so every message shows at
 * once. Asynchronous: the strength estimator loads its dictionaries on first use (password-strength.ts).
 */
export async function readUserForm<S extends z.ZodType>(
  schema: S,
  form: FormData | Record<string, unknown>,
  accountEmail = '',
): Promise<FormRead<z.output<S>>> {
  const entries = formEntries(form);
  if (!entries.ok) return entries;
  const data = entries.data;
  const parsed = await schema.safeParseAsync(data);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors = issueMessages(parsed.error);
  // zod skips the cross-field checks when a field failed; run the password checks anyway.
  for (const [pw, confirm] of PASSWORD_FIELDS) {
    const a = data[pw];
    const b = data[confirm];
    // On the admin's edit form the new password is optional: two empty fields mean "no change".
    const required = pw === 'password' || 'currentPassword' in data;
    if (typeof a !== 'string' || typeof b !== 'string' || (!required && !a && !b)) continue;
    const who = typeof data['email'] === 'string' ? data['email'].trim().toLowerCase() : accountEmail;
    for (const [k, m] of Object.entries(await passwordErrors(a, b, who, { password: pw, confirmation: confirm }))) errors[k] ??= m;
  }
  return { ok: false, errors };
}

/** The rule shown under every new-password field. */
export const PASSWORD_HINT = `Từ 8 đến ${PASSWORD_MAX} ký tự, khó đoán: nên là một cụm vài từ ít gặp; không dùng mật khẩu phổ biến, tên, địa danh, ngày tháng hay tên e-mail.`;

export interface AccountState {
  id: number;
  role: StaffRole;
  isActive: boolean;
}

/**
 * Why an admin may not make a change to an account, beside the field concerned, or null. Keeps the
 * admin reachable: nobody demotes or deactivates themselves (they would lock themselves out mid-task),
 * and the last active admin is never demoted or deactivated by anyone. Own passwords are changed on the
 * account page, which asks for the current one.
 */
export function accountChangeProblem(change: {
  actorId: number;
  target: AccountState;
  next: { role: StaffRole; isActive: boolean; passwordChange: boolean };
  activeAdmins: number;
}): { field: 'role' | 'isActive' | 'newPassword'; message: string } | null {
  const { actorId, target, next, activeAdmins } = change;
  if (actorId === target.id) {
    if (next.role !== target.role) return { field: 'role', message: 'Bạn không thể tự đổi vai trò của mình.' };
    if (!next.isActive) return { field: 'isActive', message: 'Bạn không thể tự khoá tài khoản của mình.' };
    if (next.passwordChange)
      return { field: 'newPassword', message: 'Đổi mật khẩu của chính bạn ở trang “Mật khẩu của tôi” (cần mật khẩu hiện tại).' };
  }
  const losesAdmin = target.role === 'admin' && target.isActive && (next.role !== 'admin' || !next.isActive);
  if (losesAdmin && activeAdmins <= 1)
    return {
      field: next.role !== 'admin' ? 'role' : 'isActive',
      message: 'Đây là quản trị viên cuối cùng còn hoạt động: không thể hạ quyền hay khoá tài khoản này.',
    };
  return null;
}

export const ROLE_OPTIONS: Option[] = STAFF_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
export const ACTIVE_OPTIONS: Option[] = [
  { value: '1', label: 'Đang hoạt động' },
  { value: '0', label: 'Đã khoá (không đăng nhập được)' },
];
export const USER_OPTIONS = { roles: ROLE_OPTIONS, activeStates: ACTIVE_OPTIONS };

const L = USER_FIELD_LABELS;
const newPasswordFields = (hint: string): FieldSpec[] => [
  { name: 'newPassword', label: L.newPassword, kind: 'password', autocomplete: 'new-password', hint },
  { name: 'newPasswordConfirm', label: L.newPasswordConfirm, kind: 'password', autocomplete: 'new-password' },
];

/** The form of a new account. */
export const NEW_USER_FIELDS: readonly FieldSpec[] = [
  { name: 'email', label: L.email, kind: 'email', required: true, max: 254, autocomplete: 'off' },
  { name: 'displayName', label: L.displayName, kind: 'text', max: 100, autocomplete: 'off' },
  { name: 'role', label: L.role, kind: 'select', options: 'roles', required: true },
  { name: 'password', label: L.password, kind: 'password', required: true, autocomplete: 'new-password', hint: PASSWORD_HINT },
  { name: 'passwordConfirm', label: L.passwordConfirm, kind: 'password', required: true, autocomplete: 'new-password' },
];

/** An admin's edit of an account; another person's password may be reset here, one's own is not. */
export const editUserFields = (self: boolean): readonly FieldSpec[] => [
  { name: 'displayName', label: L.displayName, kind: 'text', max: 100, autocomplete: 'off' },
  { name: 'role', label: L.role, kind: 'select', options: 'roles', required: true },
  { name: 'isActive', label: L.isActive, kind: 'select', options: 'activeStates', required: true },
  ...(self
    ? []
    : newPasswordFields(
        `Để trống nếu không đổi mật khẩu. Đặt mật khẩu mới sẽ kết thúc mọi phiên đăng nhập của tài khoản này. ${PASSWORD_HINT}`,
      )),
];

/** Changing one's own password. */
export const OWN_PASSWORD_FIELDS: readonly FieldSpec[] = [
  { name: 'currentPassword', label: L.currentPassword, kind: 'password', required: true, autocomplete: 'current-password' },
  ...newPasswordFields(PASSWORD_HINT).map((f) => ({ ...f, required: true })),
];
