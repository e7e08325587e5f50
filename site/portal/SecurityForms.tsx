import { useState, type FormEvent } from 'react';
import { api, ApiError, type UiLang } from './api.ts';
import { Field } from './Field.tsx';
import { portalStrings } from './strings.ts';

type Errors = Record<string, string>;

function errorsOf(err: unknown, lang: UiLang): Errors {
  return err instanceof ApiError ? { form: err.text(lang), ...err.fieldErrors(lang) } : { form: String(err) };
}

function FormAlert({ text }: { text: string | undefined }) {
  return text ? (
    <p className="alert error" role="alert">
      {text}
    </p>
  ) : null;
}

/** Asks for an e-mailed link (password reset or unlock); the answer is the same whether the account exists. */
export function LinkRequestForm({ lang, kind, csrfToken }: { lang: UiLang; kind: 'reset' | 'unlock'; csrfToken: string }) {
  const s = portalStrings(lang)[kind];
  const [errors, setErrors] = useState<Errors>({});
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const email = String(new FormData(e.currentTarget).get('email') ?? '');
    setBusy(true);
    try {
      await api('POST', kind === 'reset' ? '/auth/password-reset' : '/auth/unlock', csrfToken, { email, lang });
      setSent(true);
      setErrors({});
    } catch (err) {
      setErrors(errorsOf(err, lang));
    } finally {
      setBusy(false);
    }
  }

  if (sent) {
    return (
      <p className="alert ok" role="status">
        {s.sent}
      </p>
    );
  }
  return (
    <form className="form" method="post" onSubmit={submit}>
      <FormAlert text={errors.form} />
      <Field id={`${kind}-email`} label={s.email} error={errors.email}>
        {(a) => <input {...a} name="email" type="email" autoComplete="username" inputMode="email" required maxLength={200} />}
      </Field>
      <button className="btn block" type="submit" disabled={busy}>
        {s.submit}
      </button>
    </form>
  );
}

/** Sets a new password through a reset link; every session of the account ends. */
export function ResetPasswordForm({ lang, token, loginPath, csrfToken }: { lang: UiLang; token: string; loginPath: string; csrfToken: string }) {
  const s = portalStrings(lang);
  const [errors, setErrors] = useState<Errors>({});
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const password = String(form.get('password') ?? '');
    if (password.length < 10) return setErrors({ password: s.invite.tooShort });
    if (password !== form.get('password2')) return setErrors({ password2: s.invite.mismatch });
    setBusy(true);
    try {
      await api('POST', `/auth/password-reset/${encodeURIComponent(token)}`, csrfToken, { password });
      setDone(true);
    } catch (err) {
      setErrors(errorsOf(err, lang));
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    return (
      <p className="alert ok" role="status">
        {s.reset.done} <a href={loginPath}>{s.reset.signIn}</a>
      </p>
    );
  }
  return (
    <form className="form" method="post" onSubmit={submit} noValidate>
      <FormAlert text={errors.form} />
      <Field id="reset-password" label={s.reset.password} hint={s.invite.passwordHint} error={errors.password}>
        {(a) => <input {...a} name="password" type="password" autoComplete="new-password" required minLength={10} maxLength={200} />}
      </Field>
      <Field id="reset-password2" label={s.reset.password2} error={errors.password2}>
        {(a) => <input {...a} name="password2" type="password" autoComplete="new-password" required minLength={10} maxLength={200} />}
      </Field>
      <button className="btn block" type="submit" disabled={busy}>
        {s.reset.setSubmit}
      </button>
    </form>
  );
}

/** Uses an unlock link: one button, so a mail scanner opening the link changes nothing. */
export function UnlockConfirm({ lang, token, loginPath, csrfToken }: { lang: UiLang; token: string; loginPath: string; csrfToken: string }) {
  const s = portalStrings(lang);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState(false);

  async function confirm() {
    try {
      await api('POST', `/auth/unlock/${encodeURIComponent(token)}`, csrfToken);
      setDone(true);
    } catch (err) {
      setError(errorsOf(err, lang).form);
    }
  }

  if (done) {
    return (
      <p className="alert ok" role="status">
        {s.unlock.done} <a href={loginPath}>{s.reset.signIn}</a>
      </p>
    );
  }
  return (
    <>
      <FormAlert text={error} />
      <button className="btn block" type="button" onClick={() => void confirm()}>
        {s.unlock.confirm}
      </button>
    </>
  );
}

/**
 * TOTP enrolment: QR code (and the key for typing), the first code, then the recovery codes shown once.
 * `onDone` gets the CSRF token of the fresh session the server started.
 */
export function TotpEnrolment({ lang, csrfToken, onDone }: { lang: UiLang; csrfToken: string; onDone: (csrfToken: string) => void }) {
  const s = portalStrings(lang).twoFactor;
  const [setup, setSetup] = useState<{ secret: string; qrSvgDataUrl: string } | null>(null);
  const [codes, setCodes] = useState<{ codes: string[]; csrf: string } | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  async function start() {
    setBusy(true);
    try {
      setSetup(await api<{ secret: string; qrSvgDataUrl: string }>('POST', '/auth/totp/setup', csrfToken));
      setErrors({});
    } catch (err) {
      setErrors(errorsOf(err, lang));
    } finally {
      setBusy(false);
    }
  }

  async function enable(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const code = String(new FormData(e.currentTarget).get('code') ?? '').trim();
    setBusy(true);
    try {
      const res = await api<{ recoveryCodes: string[]; csrfToken: string }>('POST', '/auth/totp/enable', csrfToken, { code });
      setCodes({ codes: res.recoveryCodes, csrf: res.csrfToken });
    } catch (err) {
      setErrors(err instanceof ApiError && err.code === 'totp_invalid' ? { code: err.text(lang) } : errorsOf(err, lang));
    } finally {
      setBusy(false);
    }
  }

  if (codes) {
    return (
      <div className="totp-codes">
        <h3>{s.codesTitle}</h3>
        <p className="lede">{s.codesIntro}</p>
        <ul className="recovery-codes" data-testid="recovery-codes">
          {codes.codes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ul>
        <button className="btn" type="button" onClick={() => onDone(codes.csrf)}>
          {s.codesDone}
        </button>
      </div>
    );
  }
  if (!setup) {
    return (
      <>
        <FormAlert text={errors.form} />
        <button className="btn" type="button" onClick={() => void start()} disabled={busy}>
          {s.start}
        </button>
      </>
    );
  }
  return (
    <form className="form" method="post" onSubmit={enable} noValidate>
      <FormAlert text={errors.form} />
      <p>{s.scan}</p>
      <img src={setup.qrSvgDataUrl} alt={s.qrAlt} width={180} height={180} className="totp-qr" />
      <p className="muted-s">
        {s.secret}: <code data-testid="totp-secret">{setup.secret}</code>
      </p>
      <Field id="totp-code" label={s.code} error={errors.code}>
        {(a) => <input {...a} name="code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]{6}" maxLength={6} required />}
      </Field>
      <div className="form-actions">
        <button className="btn" type="submit" disabled={busy}>
          {s.confirm}
        </button>
      </div>
    </form>
  );
}

/** The account page's 2FA panel: state, enrolment, or switching it off with the password (firm users only). */
export function TwoFactorPanel({ lang, csrfToken, enabled, required, recoveryLeft }: { lang: UiLang; csrfToken: string; enabled: boolean; required: boolean; recoveryLeft: number }) {
  const s = portalStrings(lang).twoFactor;
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  async function disable(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const password = String(new FormData(e.currentTarget).get('password') ?? '');
    setBusy(true);
    try {
      await api('POST', '/auth/totp/disable', csrfToken, { password });
      location.reload();
    } catch (err) {
      setErrors(err instanceof ApiError && err.code === 'wrong_password' ? { password: err.text(lang) } : errorsOf(err, lang));
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="tfa-h">
      <h2 id="tfa-h">{s.title}</h2>
      <p className="lede">{enabled ? s.on : s.off}</p>
      {required && <p className="muted-s">{s.required}</p>}
      {enabled ? (
        <>
          <p className="muted-s">{s.recoveryLeft(recoveryLeft)}</p>
          {!required && (
            <form className="form" method="post" onSubmit={disable} noValidate>
              <FormAlert text={errors.form} />
              <Field id="tfa-password" label={s.disablePassword} error={errors.password}>
                {(a) => <input {...a} name="password" type="password" autoComplete="current-password" required maxLength={200} />}
              </Field>
              <button className="btn danger" type="submit" disabled={busy}>
                {s.disable}
              </button>
            </form>
          )}
        </>
      ) : (
        // The server rotated the session when 2FA went on: reload so every form carries the new CSRF token.
        <TotpEnrolment lang={lang} csrfToken={csrfToken} onDone={() => location.reload()} />
      )}
    </section>
  );
}

export interface SessionItem {
  handle: string;
  userAgent: string | null;
  createdAt: string;
  lastSeenAt: string;
  current: boolean;
}

/** The account's signed-in browsers, each but this one with a button that signs it out. */
export function SessionList({ lang, csrfToken, sessions }: { lang: UiLang; csrfToken: string; sessions: SessionItem[] }) {
  const s = portalStrings(lang).sessions;
  const [items, setItems] = useState(sessions);
  const [error, setError] = useState<string>();
  const when = (iso: string) => new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { dateStyle: 'medium', timeStyle: 'short' });

  async function revoke(handle: string) {
    try {
      await api('POST', `/auth/sessions/${handle}/revoke`, csrfToken);
      setItems(items.filter((i) => i.handle !== handle));
    } catch (err) {
      setError(errorsOf(err, lang).form);
    }
  }

  return (
    <section className="panel" aria-labelledby="sessions-h">
      <h2 id="sessions-h">{s.title}</h2>
      <p className="lede">{s.intro}</p>
      <FormAlert text={error} />
      <ul className="session-list" data-testid="session-list">
        {items.map((i) => (
          <li key={i.handle}>
            <span>
              <strong>{i.userAgent?.slice(0, 80) || s.unknownDevice}</strong>
              {i.current && <span className="badge"> {s.current}</span>}
              <br />
              <span className="muted-s">
                {s.signedIn(when(i.createdAt))} · {s.lastSeen(when(i.lastSeenAt))}
              </span>
            </span>
            {!i.current && (
              <button className="btn" type="button" onClick={() => void revoke(i.handle)}>
                {s.revoke}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
