import { useState, type FormEvent } from 'react';
import { adminApi, ApiError, type UiLang } from '../api.ts';

interface Props {
  lang: UiLang;
  csrfToken: string;
  /** 'experts' or 'providers' (the API path segment). */
  subject: 'experts' | 'providers';
  people: { id: number; label: string }[];
  statuses: { value: string; label: string }[];
  words: { subject: string; to: string; reason: string; submit: string };
}

/** Admission review and dynamic management: one form to move an expert or provider to a status, with a reason. */
export function PoolStatusForm({ lang, csrfToken, subject, people, statuses, words }: Props) {
  const [id, setId] = useState(String(people[0]?.id ?? ''));
  const [to, setTo] = useState(statuses[0]?.value ?? '');
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setMessage('');
    try {
      await adminApi('POST', `/services/${subject}/${id}/status`, csrfToken, { to, reason });
      location.reload();
    } catch (err) {
      setMessage(err instanceof ApiError ? err.text(lang) : String(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="admin-filters" onSubmit={submit}>
      <label>{words.subject}<select value={id} onChange={(e) => setId(e.target.value)}>{people.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}</select></label>
      <label>{words.to}<select value={to} onChange={(e) => setTo(e.target.value)}>{statuses.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}</select></label>
      <label className="wide-field">{words.reason}<input value={reason} required minLength={2} maxLength={500} onChange={(e) => setReason(e.target.value)} /></label>
      <div className="filter-actions"><button className="btn" type="submit" disabled={busy}>{words.submit}</button></div>
      {message && <p role="alert">{message}</p>}
    </form>
  );
}
