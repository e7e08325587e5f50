import { useState, type FormEvent } from 'react';
import { api, ApiError, type UiLang } from '../../portal/api.ts';
import { Field } from '../../portal/Field.tsx';
import { adminStrings } from '../strings.ts';

interface Option {
  value: string;
  label: string;
}

/** Invites a staff member: e-mail, role and (county officers) area; shows the 7-day link once. */
export function StaffInviteForm({ lang, csrfToken, roles, counties }: { lang: UiLang; csrfToken: string; roles: Option[]; counties: Option[] }) {
  const st = adminStrings(lang).staff;
  const [role, setRole] = useState('bureau');
  const [link, setLink] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError('');
    setLink('');
    try {
      const county = String(form.get('county') ?? '');
      const res = await api<{ link: string }>('POST', '/admin/staff/invitations', csrfToken, {
        email: String(form.get('email') ?? ''),
        role,
        ...(role === 'county' ? { county } : {}),
      });
      setLink(res.link);
    } catch (err) {
      setError(err instanceof ApiError ? err.text(lang) : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={submit}>
      <div className="form-grid">
        <Field id="invite-email" label={st.email}>
          {(a) => <input {...a} name="email" type="email" required maxLength={200} />}
        </Field>
        <Field id="invite-role" label={st.role}>
          {(a) => (
            <select {...a} name="role" value={role} onChange={(e) => setRole(e.target.value)}>
              {roles.map((r) => (
                <option key={r.value} value={r.value}>
                  {r.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {role === 'county' && (
          <Field id="invite-county" label={st.county}>
            {(a) => (
              <select {...a} name="county" required>
                {counties.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
      </div>
      <div className="form-actions">
        <button className="btn" type="submit" disabled={busy}>
          {st.send}
        </button>
      </div>
      {error && (
        <p className="alert error" role="alert">
          {error}
        </p>
      )}
      {link && (
        <p className="alert ok" role="status">
          {st.link}: <code>{link}</code>
        </p>
      )}
    </form>
  );
}
