import { beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD_MESSAGES } from '#domain/auth.ts';
import {
  accountChangeProblem,
  editUserSchema,
  NewUserInput,
  ownPasswordSchema,
  passwordErrors,
  readUserForm,
} from '#domain/admin/user-form.ts';

const PASSWORD = 'Chè-Thái-2026!';
const newUser = {
  email: '  Nguyen.Van.A@SCT.gov.vn ',
  displayName: '  Nguyễn\u00a0 Văn A ',
  role: 'editor',
  password: PASSWORD,
  passwordConfirm: PASSWORD,
};
/** "mậtkhẩu-gốm-Bát-Tràng" decomposed: a, combining dot below, combining circumflex… as a decomposing keyboard sends it. */
const NFD = 'ma\u0323\u0302tkha\u0302\u0309u-go\u0302\u0301m-Ba\u0301t-Tra\u0300ng';
const NFC = NFD.normalize('NFC');

// The strength estimator loads its dictionaries on first use: once, here, not inside the first test's time limit.
beforeAll(() => passwordErrors('warm up the estimator', '', ''), 60_000);

describe('a new account (R02, R12)', () => {
  it('normalises the e-mail and the name, and keeps the password as typed (NFC)', async () => {
    expect(await readUserForm(NewUserInput, newUser)).toEqual({
      ok: true,
      value: {
        email: 'nguyen.van.a@sct.gov.vn',
        displayName: 'Nguyễn Văn A',
        role: 'editor',
        password: PASSWORD,
        passwordConfirm: PASSWORD,
      },
    });
  });

  it('stores a decomposed password in NFC, and a composed confirmation matches it', async () => {
    expect(NFD).not.toBe(NFC);
    const read = await readUserForm(NewUserInput, { ...newUser, password: NFD, passwordConfirm: NFC });
    expect(read.ok && read.value.password).toBe(NFC);
  });

  it('counts characters as people see them: 128 are accepted, 129 refused, decomposed or not', async () => {
    const phrase =
      'Gốm Bát Tràng, chè Thái Nguyên, lụa Vạn Phúc, nước mắm Phú Quốc, cà phê Buôn Ma Thuột, mật ong bạc hà Hà Giang, nón lá Huế, rượu cần Tây Nguyên';
    const ok = [...phrase].slice(0, 128).join('');
    const tooLong = `${ok}x`;
    for (const pw of [ok, ok.normalize('NFD')])
      expect((await readUserForm(NewUserInput, { ...newUser, password: pw, passwordConfirm: pw })).ok, `${pw.length} units`).toBe(true);
    for (const pw of [tooLong, tooLong.normalize('NFD')])
      expect(await readUserForm(NewUserInput, { ...newUser, password: pw, passwordConfirm: pw })).toEqual({
        ok: false,
        errors: { password: 'Mật khẩu dài tối đa 128 ký tự.' },
      });
    // "mậtkhẩu" is 7 characters however it is encoded.
    const seven = 'ma\u0323\u0302tkha\u0302\u0309u';
    expect(await readUserForm(NewUserInput, { ...newUser, password: seven, passwordConfirm: seven })).toMatchObject({
      ok: false,
      errors: { password: 'Mật khẩu cần ít nhất 8 ký tự.' },
    });
  });

  it.each(['12345678', 'Password', 'matkhau123', 'anhyeuem', 'VIETNAM123', 'aaaaaaaa', '        ', 'Aa123456', 'Hanoi2024'])(
    'refuses the easily guessed password %j',
    async (pw) => {
      expect(await readUserForm(NewUserInput, { ...newUser, password: pw, passwordConfirm: pw })).toEqual({
        ok: false,
        errors: { password: PASSWORD_MESSAGES.weak.vi },
      });
    },
  );

  it('refuses a password that contains the e-mail name', async () => {
    const pw = 'nguyen.van.a-2026';
    expect(await readUserForm(NewUserInput, { ...newUser, password: pw, passwordConfirm: pw })).toEqual({
      ok: false,
      errors: { password: 'Mật khẩu không được chứa tên e-mail.' },
    });
  });

  it('refuses two different passwords, with the message beside the confirmation', async () => {
    expect(await readUserForm(NewUserInput, { ...newUser, passwordConfirm: `${PASSWORD} ` })).toEqual({
      ok: false,
      errors: { passwordConfirm: 'Hai mật khẩu không khớp nhau.' },
    });
  });

  it('shows every message at once, the password ones included, when another field is wrong', async () => {
    const read = await readUserForm(NewUserInput, {
      ...newUser,
      email: 'not-an-address',
      role: 'root',
      password: 'short',
      passwordConfirm: 'other',
    });
    expect(read).toEqual({
      ok: false,
      errors: {
        email: 'E-mail không hợp lệ.',
        role: 'Chọn vai trò.',
        password: 'Mật khẩu cần ít nhất 8 ký tự.',
        passwordConfirm: 'Hai mật khẩu không khớp nhau.',
      },
    });
  });

  it('refuses extra fields (an attempt to set the hash or the version), never ignores them', async () => {
    for (const extra of [{ passwordHash: '$argon2id$…' }, { isActive: '1' }, { version: '7' }, { id: '1' }])
      expect(await readUserForm(NewUserInput, { ...newUser, ...extra })).toMatchObject({
        ok: false,
        errors: { _form: `Trường không được phép: ${Object.keys(extra)[0]}.` },
      });
  });

  it('refuses a field sent twice and a file', async () => {
    const twice = new FormData();
    for (const [k, v] of Object.entries(newUser)) twice.append(k, v);
    twice.append('role', 'admin');
    expect(await readUserForm(NewUserInput, twice)).toMatchObject({ ok: false, errors: { _form: 'Trường role được gửi nhiều lần.' } });
    const file = new FormData();
    for (const [k, v] of Object.entries(newUser)) if (k !== 'displayName') file.append(k, v);
    file.append('displayName', new Blob(['x']), 'name.txt');
    expect(await readUserForm(NewUserInput, file)).toMatchObject({ ok: false });
  });

  it('refuses a raw password longer than 1,024 units before any policy runs', async () => {
    const pw = 'a'.repeat(1025);
    expect(await readUserForm(NewUserInput, { ...newUser, password: pw, passwordConfirm: pw })).toMatchObject({
      ok: false,
      errors: { password: 'Mật khẩu dài tối đa 128 ký tự.' },
    });
  });
});

describe("an admin's edit of an account", () => {
  const schema = editUserSchema('tran.thi.b@sct.gov.vn');
  const edit = { displayName: 'Trần Thị B', role: 'viewer', isActive: '1', version: '3', newPassword: '', newPasswordConfirm: '' };

  it('reads empty password fields as "no change" and the select as a boolean', async () => {
    expect(await readUserForm(schema, edit)).toEqual({
      ok: true,
      value: { displayName: 'Trần Thị B', role: 'viewer', isActive: true, version: 3, newPassword: null, newPasswordConfirm: null },
    });
    expect(await readUserForm(schema, { ...edit, isActive: '0' })).toMatchObject({ ok: true, value: { isActive: false } });
  });

  it('never reads a missing active field as "deactivate"', async () => {
    const { isActive: _omitted, ...rest } = edit;
    void _omitted;
    expect(await readUserForm(schema, rest)).toEqual({ ok: false, errors: { isActive: 'Chọn trạng thái.' } });
  });

  it('checks a new password against the policy and its confirmation, with the account e-mail', async () => {
    expect(await readUserForm(schema, { ...edit, newPassword: 'tran.thi.b-2026', newPasswordConfirm: 'tran.thi.b-2026' })).toEqual({
      ok: false,
      errors: { newPassword: 'Mật khẩu không được chứa tên e-mail.' },
    });
    expect(await readUserForm(schema, { ...edit, newPassword: '', newPasswordConfirm: PASSWORD })).toMatchObject({
      ok: false,
      errors: { newPassword: 'Mật khẩu cần ít nhất 8 ký tự.', newPasswordConfirm: 'Hai mật khẩu không khớp nhau.' },
    });
    expect(await readUserForm(schema, { ...edit, newPassword: NFD, newPasswordConfirm: NFC })).toMatchObject({
      ok: true,
      value: { newPassword: NFC },
    });
  });

  it('needs the version and refuses the e-mail, which does not change', async () => {
    expect(await readUserForm(schema, { ...edit, version: '' })).toEqual({ ok: false, errors: { version: 'Hãy tải lại trang.' } });
    expect(await readUserForm(schema, { ...edit, email: 'x@example.vn' })).toMatchObject({
      ok: false,
      errors: { _form: 'Trường không được phép: email.' },
    });
  });
});

describe('changing my own password', () => {
  const schema = ownPasswordSchema('le.c@sct.gov.vn');
  const own = { currentPassword: 'Mật-khẩu-cũ-2025', newPassword: PASSWORD, newPasswordConfirm: PASSWORD };

  it('accepts a valid change', async () => {
    expect(await readUserForm(schema, own)).toEqual({ ok: true, value: own });
  });

  it('needs the current password, a different new one and the same confirmation', async () => {
    expect(await readUserForm(schema, { ...own, currentPassword: '' })).toEqual({
      ok: false,
      errors: { currentPassword: 'Hãy nhập mật khẩu hiện tại.' },
    });
    expect(await readUserForm(schema, { ...own, newPassword: own.currentPassword, newPasswordConfirm: own.currentPassword })).toEqual({
      ok: false,
      errors: { newPassword: 'Mật khẩu mới phải khác mật khẩu hiện tại.' },
    });
    // The same password in the other normal form is still the same password.
    expect(await readUserForm(schema, { currentPassword: NFD, newPassword: NFC, newPasswordConfirm: NFC })).toMatchObject({
      ok: false,
      errors: { newPassword: 'Mật khẩu mới phải khác mật khẩu hiện tại.' },
    });
    expect(await readUserForm(schema, { ...own, newPasswordConfirm: 'something else' })).toEqual({
      ok: false,
      errors: { newPasswordConfirm: 'Hai mật khẩu không khớp nhau.' },
    });
    expect(await readUserForm(schema, { ...own, currentPassword: '', newPassword: '', newPasswordConfirm: '' })).toEqual({
      ok: false,
      errors: { currentPassword: 'Hãy nhập mật khẩu hiện tại.', newPassword: 'Mật khẩu cần ít nhất 8 ký tự.' },
    });
    expect(await readUserForm(schema, { ...own, role: 'admin' })).toMatchObject({
      ok: false,
      errors: { _form: 'Trường không được phép: role.' },
    });
  });
});

describe('passwordErrors', () => {
  it('is empty for a good pair', async () => {
    expect(await passwordErrors(PASSWORD, PASSWORD, 'a@b.vn')).toEqual({});
  });
});

describe('accountChangeProblem: the admin stays reachable', () => {
  const admin = { id: 1, role: 'admin' as const, isActive: true };
  const editor = { id: 2, role: 'editor' as const, isActive: true };
  const keep = { role: 'admin' as const, isActive: true, passwordChange: false };

  it('lets nobody demote or deactivate themselves, or set their own password without the current one', () => {
    expect(accountChangeProblem({ actorId: 1, target: admin, next: { ...keep, role: 'editor' }, activeAdmins: 3 })).toMatchObject({
      field: 'role',
    });
    expect(accountChangeProblem({ actorId: 1, target: admin, next: { ...keep, isActive: false }, activeAdmins: 3 })).toMatchObject({
      field: 'isActive',
    });
    expect(accountChangeProblem({ actorId: 1, target: admin, next: { ...keep, passwordChange: true }, activeAdmins: 3 })).toMatchObject({
      field: 'newPassword',
    });
    expect(accountChangeProblem({ actorId: 1, target: admin, next: keep, activeAdmins: 1 })).toBeNull();
  });

  it('never demotes or deactivates the last active admin, whoever asks', () => {
    expect(accountChangeProblem({ actorId: 9, target: admin, next: { ...keep, role: 'viewer' }, activeAdmins: 1 })).toMatchObject({
      field: 'role',
    });
    expect(accountChangeProblem({ actorId: 9, target: admin, next: { ...keep, isActive: false }, activeAdmins: 1 })).toMatchObject({
      field: 'isActive',
    });
    expect(accountChangeProblem({ actorId: 9, target: admin, next: { ...keep, role: 'viewer' }, activeAdmins: 2 })).toBeNull();
  });

  it('lets an admin change anything of other accounts', () => {
    expect(
      accountChangeProblem({
        actorId: 1,
        target: editor,
        next: { role: 'viewer', isActive: false, passwordChange: true },
        activeAdmins: 1,
      }),
    ).toBeNull();
    expect(accountChangeProblem({ actorId: 1, target: { ...editor, isActive: false }, next: keep, activeAdmins: 1 })).toBeNull();
  });
});
