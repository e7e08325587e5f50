import { useState, type FormEvent } from 'react';
import { api, ApiError, type UiLang } from '../../portal/api.ts';
import { adminStrings } from '../strings.ts';

interface Option {
  value: string;
  label: string;
}

export interface StaffMember {
  id: number;
  displayName: string;
  role: string;
  county: string | null;
  disabled: boolean;
}

interface Props {
  lang: UiLang;
  csrfToken: string;
  member: StaffMember;
  roles: Option[];
  counties: Option[];
}

/**
 * An administrator's controls for one staff account (PATCH /api/admin/staff/:id): change the role and, for county
 * officers, the area; disable or enable. Each asks for confirmation first (the person is signed out everywhere),
 * and a refusal is shown beside the controls in the page's language.
 */
export function StaffMemberControls({ lang, csrfToken, member, roles, counties }: Props) {
  const st = adminStrings(lang).staff;
  const [role, setRole] = useState(member.role);
  const [county, setCounty] = useState(member.county ?? '');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const label = (options: Option[], value: string) => options.find((o) => o.value === value)?.label ?? value;
  const unchanged = role === member.role && (role !== 'county' || county === (member.county ?? ''));

  async function change(body: Record<string, unknown>, question: string) {
    if (!window.confirm(question)) return;
    setBusy(true);
    setError('');
    try {
      await api('PATCH', `/admin/staff/${member.id}`, csrfToken, body);
      location.reload();
    } catch (e) {
      setError(e instanceof ApiError ? e.text(lang) : String(e));
      setBusy(false);
    }
  }

  function rescope(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const scope = role === 'county' ? `${label(roles, role)}（${label(counties, county)}）` : label(roles, role);
    void change({ role, county: role === 'county' ? county || null : null }, st.rescopeConfirm(member.displayName, scope));
  }

  return (
    <div className="staff-controls">
      <details>
        <summary>{st.rescope}</summary>
        <form className="selection-bar" onSubmit={rescope} aria-label={st.rescopeOf(member.displayName)}>
          <label htmlFor={`staff-${member.id}-role`}>{st.role}</label>
          <select id={`staff-${member.id}-role`} value={role} onChange={(e) => setRole(e.target.value)}>
            {roles.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
          {role === 'county' && (
            <>
              <label htmlFor={`staff-${member.id}-county`}>{st.county}</label>
              <select id={`staff-${member.id}-county`} value={county} onChange={(e) => setCounty(e.target.value)} required>
                <option value="">{st.chooseCounty}</option>
                {counties.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </select>
            </>
          )}
          <button className="btn small" type="submit" disabled={busy || unchanged}>
            {st.saveScope}
          </button>
        </form>
      </details>
      <button
        type="button"
        className={`btn small ${member.disabled ? 'secondary' : 'danger'}`}
        disabled={busy}
        onClick={() => void change({ disabled: !member.disabled }, member.disabled ? st.enableConfirm(member.displayName) : st.disableConfirm(member.displayName))}
      >
        {member.disabled ? st.enable : st.disable}
      </button>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
