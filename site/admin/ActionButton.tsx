import { useEffect, useState } from 'react';
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
  /**
   * What to say once done, `{key}` filled from the API's JSON answer (e.g. '已抽取 {drawn} 位专家'): kept across the
   * reload in sessionStorage and shown beside this button, so an action that changes little on the page still answers.
   */
  done?: string;
}

const doneKey = (method: string, path: string) => `action-done:${method} ${path}`;

/** One button that performs one API action (restore a value, move to trash, purge …) and reports a refusal. */
export function ActionButton({ lang, csrfToken, method, path, body, label, confirm, then, variant = 'secondary', done }: Props) {
  const [error, setError] = useState('');
  const [said, setSaid] = useState('');
  useEffect(() => {
    const key = doneKey(method, path);
    const text = sessionStorage.getItem(key);
    if (text) {
      sessionStorage.removeItem(key);
      setSaid(text);
    }
  }, [method, path]);
  const [busy, setBusy] = useState(false);
  async function act() {
    if (confirm && !window.confirm(confirm)) return;
    setBusy(true);
    setError('');
    try {
      const answer = await api<Record<string, unknown>>(method, path, csrfToken, body);
      if (done) sessionStorage.setItem(doneKey(method, path), done.replace(/\{(\w+)\}/g, (_, k: string) => String(answer?.[k] ?? '—')));
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
      {said && (
        <span role="status" className="action-done">
          {' '}
          {said}
        </span>
      )}
      {error && (
        <span role="alert" className="field-error">
          {' '}
          {error}
        </span>
      )}
    </>
  );
}
