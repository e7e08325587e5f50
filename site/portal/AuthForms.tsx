import { useState, type FormEvent } from 'react';
import { api, ApiError, type UiLang } from './api.ts';
import { Field } from './Field.tsx';
import { TotpEnrolment } from './SecurityForms.tsx';
import { portalStrings } from './strings.ts';

type Errors = Record<string, string>;

function message(e: unknown, lang: UiLang): string {
  return e instanceof ApiError ? e.text(lang) : String(e);
}

interface SignInAnswer {
  mfaRequired?: boolean;
  mfaEnrolmentRequired?: boolean;
  csrfToken: string;
}

/**
 * Sign-in: e-mail and password, then the TOTP code (or a recovery code) when the account has two-step
 * verification, or its enrolment when a staff account must first set it up. Throttling (429) and wrong codes
 * are explained by the API in whole sentences.
 */
export function LoginForm({ lang, next, resetPath, unlockPath, csrfToken }: { lang: UiLang; next: string; resetPath: string; unlockPath: string; csrfToken: string }) {
  const s = portalStrings(lang);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [step, setStep] = useState<{ kind: 'password' } | { kind: 'totp' | 'enrol'; csrf: string }>({ kind: 'password' });
  const [useRecovery, setUseRecovery] = useState(false);
  const [csrf, setCsrf] = useState(csrfToken);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      // A session this browser still holds (e.g. one waiting for its TOTP code) must sign the request.
      const res = await api<SignInAnswer>('POST', '/auth/login', csrf, { email: String(form.get('email') ?? ''), password: String(form.get('password') ?? '') });
      setCsrf(res.csrfToken);
      if (res.mfaRequired) setStep({ kind: 'totp', csrf: res.csrfToken });
      else if (res.mfaEnrolmentRequired) setStep({ kind: 'enrol', csrf: res.csrfToken });
      else return location.assign(next);
    } catch (err) {
      setError(message(err, lang));
    }
    setBusy(false);
  }

  async function verify(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (step.kind !== 'totp') return;
    const value = String(new FormData(e.currentTarget).get('code') ?? '').trim();
    setBusy(true);
    setError(null);
    try {
      await api('POST', '/auth/login/totp', step.csrf, useRecovery ? { recoveryCode: value } : { code: value });
      return location.assign(next);
    } catch (err) {
      // A timed-out step (401) starts over at the password.
      if (err instanceof ApiError && err.status === 401) setStep({ kind: 'password' });
      setError(message(err, lang));
    }
    setBusy(false);
  }

  const alert = error && (
    <p className="alert error" role="alert">
      {error}
    </p>
  );

  if (step.kind === 'enrol') {
    return (
      <div>
        <h2>{s.login.enrolTitle}</h2>
        <p className="lede">{s.login.enrolIntro}</p>
        <TotpEnrolment lang={lang} csrfToken={step.csrf} onDone={() => location.assign(next)} />
      </div>
    );
  }
  if (step.kind === 'totp') {
    return (
      <form className="form" method="post" onSubmit={verify} noValidate>
        <h2>{s.login.totpTitle}</h2>
        <p className="lede">{s.login.totpIntro}</p>
        {alert}
        <Field id="login-code" label={useRecovery ? s.login.recoveryCode : s.login.totpCode}>
          {(a) =>
            useRecovery ? (
              <input {...a} key="recovery" name="code" autoComplete="off" autoCapitalize="none" spellCheck={false} required maxLength={20} />
            ) : (
              <input {...a} key="totp" name="code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]{6}" required maxLength={6} autoFocus />
            )
          }
        </Field>
        <button className="btn block" type="submit" disabled={busy}>
          {s.login.verify}
        </button>
        <button className="text-button" type="button" onClick={() => setUseRecovery(!useRecovery)}>
          {useRecovery ? s.login.useCode : s.login.useRecovery}
        </button>
      </form>
    );
  }
  return (
    <form className="form" method="post" onSubmit={submit}>
      {alert}
      <Field id="login-email" label={s.login.email}>
        {(a) => <input {...a} name="email" type="email" autoComplete="username" inputMode="email" required maxLength={200} />}
      </Field>
      <Field id="login-password" label={s.login.password}>
        {(a) => <input {...a} name="password" type="password" autoComplete="current-password" required maxLength={200} />}
      </Field>
      <button className="btn block" type="submit" disabled={busy}>
        {busy ? s.login.submitting : s.login.submit}
      </button>
      <p className="muted-s">
        <a href={resetPath}>{s.login.forgot}</a> · <a href={unlockPath}>{s.login.unlock}</a>
      </p>
    </form>
  );
}

/** Accepting an invitation: name, e-mail, password twice; signs in and opens the portal. */
export function InviteForm({ lang, token, email, home }: { lang: UiLang; token: string; email: string | null; home: string }) {
  const s = portalStrings(lang);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const body = {
      displayName: String(form.get('displayName') ?? ''),
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
    };
    const local: Errors = {};
    if (body.password.length < 10) local.password = s.invite.tooShort;
    else if (body.password !== form.get('password2')) local.password2 = s.invite.mismatch;
    setErrors(local);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      await api('POST', `/auth/invitations/${encodeURIComponent(token)}/accept`, '', body);
      location.assign(home);
    } catch (err) {
      setErrors(err instanceof ApiError ? { form: err.text(lang), ...err.fieldErrors(lang) } : { form: String(err) });
      setBusy(false);
    }
  }

  return (
    <form className="form" method="post" onSubmit={submit} noValidate>
      {errors.form && (
        <p className="alert error" role="alert">
          {errors.form}
        </p>
      )}
      <Field id="inv-name" label={s.invite.displayName} error={errors.displayName}>
        {(a) => <input {...a} name="displayName" autoComplete="name" required maxLength={60} />}
      </Field>
      <Field id="inv-email" label={s.invite.email} error={errors.email}>
        {(a) => <input {...a} name="email" type="email" inputMode="email" autoComplete="username" required maxLength={200} defaultValue={email ?? ''} readOnly={!!email} />}
      </Field>
      <Field id="inv-password" label={s.invite.password} hint={s.invite.passwordHint} error={errors.password}>
        {(a) => <input {...a} name="password" type="password" autoComplete="new-password" required minLength={10} maxLength={200} />}
      </Field>
      <Field id="inv-password2" label={s.invite.password2} error={errors.password2}>
        {(a) => <input {...a} name="password2" type="password" autoComplete="new-password" required minLength={10} maxLength={200} />}
      </Field>
      <button className="btn block" type="submit" disabled={busy}>
        {busy ? s.common.saving : s.invite.submit}
      </button>
    </form>
  );
}

/** Password change and "sign out everywhere". The CSRF token rotates with the new session after a change. */
export function AccountForms({ lang, csrfToken, loginPath }: { lang: UiLang; csrfToken: string; loginPath: string }) {
  const s = portalStrings(lang);
  const [csrf, setCsrf] = useState(csrfToken);
  const [errors, setErrors] = useState<Errors>({});
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function change(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const el = e.currentTarget;
    const form = new FormData(el);
    const body = { currentPassword: String(form.get('currentPassword') ?? ''), newPassword: String(form.get('newPassword') ?? '') };
    setDone(false);
    if (body.newPassword.length < 10) return setErrors({ newPassword: s.invite.tooShort });
    if (body.newPassword !== form.get('newPassword2')) return setErrors({ newPassword2: s.invite.mismatch });
    setBusy(true);
    try {
      const res = await api<{ csrfToken: string }>('POST', '/auth/password', csrf, body);
      setCsrf(res.csrfToken);
      // The session was rotated: the header's sign-out button must send the new token too.
      for (const b of document.querySelectorAll<HTMLElement>('[data-signout]')) b.dataset.csrf = res.csrfToken;
      setErrors({});
      setDone(true);
      el.reset();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'wrong_password') setErrors({ currentPassword: err.text(lang) });
      else setErrors(err instanceof ApiError ? { form: err.text(lang), ...err.fieldErrors(lang) } : { form: String(err) });
    } finally {
      setBusy(false);
    }
  }

  async function signOutAll() {
    await api('POST', '/auth/logout-all', csrf).catch(() => undefined);
    location.assign(loginPath);
  }

  return (
    <>
      <section className="panel" aria-labelledby="pw-h">
        <h2 id="pw-h">{s.account.changePassword}</h2>
        <form className="form" method="post" onSubmit={change} noValidate>
          {errors.form && (
            <p className="alert error" role="alert">
              {errors.form}
            </p>
          )}
          {done && (
            <p className="alert ok" role="status">
              {s.account.passwordChanged}
            </p>
          )}
          <Field id="pw-current" label={s.account.currentPassword} error={errors.currentPassword}>
            {(a) => <input {...a} name="currentPassword" type="password" autoComplete="current-password" required />}
          </Field>
          <Field id="pw-new" label={s.account.newPassword} hint={s.invite.passwordHint} error={errors.newPassword}>
            {(a) => <input {...a} name="newPassword" type="password" autoComplete="new-password" required minLength={10} />}
          </Field>
          <Field id="pw-new2" label={s.account.newPassword2} error={errors.newPassword2}>
            {(a) => <input {...a} name="newPassword2" type="password" autoComplete="new-password" required minLength={10} />}
          </Field>
          <div className="form-actions">
            <button className="btn" type="submit" disabled={busy}>
              {busy ? s.common.saving : s.account.changePassword}
            </button>
          </div>
        </form>
      </section>
      <section className="panel" aria-labelledby="out-h">
        <h2 id="out-h">{s.account.signOutAll}</h2>
        <p className="lede">{s.account.signOutAllHint}</p>
        <button className="btn danger" type="button" onClick={() => void signOutAll()}>
          {s.account.signOutAll}
        </button>
      </section>
    </>
  );
}
