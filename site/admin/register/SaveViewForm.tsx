import { useState, type FormEvent } from 'react';
import { api, ApiError, type UiLang } from '../../portal/api.ts';
import { adminStrings } from '../strings.ts';

/** "Save this view": names the register's current filters and keeps them in the database for this user (or all). */
export function SaveViewForm({ lang, csrfToken, query, canShare }: { lang: UiLang; csrfToken: string; query: string; canShare: boolean }) {
  const r = adminStrings(lang).register;
  const [open, setOpen] = useState(false);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError('');
    try {
      await api('POST', '/admin/views', csrfToken, { name: String(form.get('name') ?? ''), query, shared: form.get('shared') === 'on' });
      location.reload();
    } catch (err) {
      setError(err instanceof ApiError ? err.text(lang) : String(err));
      setBusy(false);
    }
  }

  if (!open) {
    return (
      <button type="button" className="btn secondary small" onClick={() => setOpen(true)}>
        {r.saveView}
      </button>
    );
  }
  return (
    <form className="selection-bar" onSubmit={submit} aria-label={r.saveView}>
      <label>
        {r.viewName} <input name="name" required maxLength={60} autoFocus />
      </label>
      {canShare && (
        <label>
          <input type="checkbox" name="shared" /> {r.shareView}
        </label>
      )}
      <button className="btn small" type="submit" disabled={busy}>
        {r.saveView}
      </button>
      {error && (
        <span role="alert" className="field-error">
          {error}
        </span>
      )}
    </form>
  );
}
