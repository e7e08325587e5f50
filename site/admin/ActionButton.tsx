import { useState } from 'react';
import { api, ApiError, type UiLang } from '../portal/api.ts';

interface Props {
  lang: UiLang;
  csrfToken: string;
  method: 'POST' | 'PATCH' | 'DELETE';
  /** API path under /api. */
  path: string;
  body?: Record<string, unknown>;
  label: string;
  /** Asked before acting, for actions that hide or delete. */
  confirm?: string;
  /** Where to go afterwards; the page reloads when absent. */
  then?: string;
  variant?: 'secondary' | 'danger';
}

/** One button that performs one API action (restore a value, move to trash, purge …) and reports a refusal. */
export function ActionButton({ lang, csrfToken, method, path, body, label, confirm, then, variant = 'secondary' }: Props) {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  async function act() {
    if (confirm && !window.confirm(confirm)) return;
    setBusy(true);
    setError('');
    try {
      await api(method, path, csrfToken, body);
      if (then) location.assign(then);
      else location.reload();
    } catch (e) {
      setError(e instanceof ApiError ? e.text(lang) : String(e));
      setBusy(false);
    }
  }
  return (
    <>
      <button type="button" className={`btn small ${variant}`} disabled={busy} onClick={act}>
        {label}
      </button>
      {error && (
        <span role="alert" className="field-error">
          {' '}
          {error}
        </span>
      )}
    </>
  );
}
