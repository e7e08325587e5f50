import { useState } from 'react';
import { api, ApiError, type UiLang } from '../../portal/api.ts';
import { selectionStrings } from '../../admin/selection/strings.ts';

interface Props {
  lang: UiLang;
  roundId: number;
  firms: { applicationId: number; name: string }[];
}

/** The public objection form of a running notice. */
export function ObjectionForm({ lang, roundId, firms }: Props) {
  const s = selectionStrings(lang).notice;
  const [about, setAbout] = useState('');
  const [name, setName] = useState('');
  const [contact, setContact] = useState('');
  const [text, setText] = useState('');
  const [done, setDone] = useState(false);
  const [error, setError] = useState('');
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setError('');
    try {
      await api('POST', '/selection/objections', '', { roundId, ...(about ? { applicationId: Number(about) } : {}), name, contact, text });
      setDone(true);
    } catch (err) {
      setError(err instanceof ApiError ? err.text(lang) : String(err));
    }
  }
  if (done) return <p className="alert ok" role="status">{s.sent}</p>;
  return (
    <form className="stack" onSubmit={submit}>
      <div className="field">
        <label htmlFor={`o-about-${roundId}`}>{s.about}</label>
        <select id={`o-about-${roundId}`} value={about} onChange={(e) => setAbout(e.target.value)}>
          <option value="">{s.any}</option>
          {firms.map((f) => <option key={f.applicationId} value={f.applicationId}>{f.name}</option>)}
        </select>
      </div>
      <div className="field"><label htmlFor={`o-name-${roundId}`}>{s.name}</label><input id={`o-name-${roundId}`} required maxLength={40} value={name} onChange={(e) => setName(e.target.value)} /></div>
      <div className="field"><label htmlFor={`o-contact-${roundId}`}>{s.contact}</label><input id={`o-contact-${roundId}`} required maxLength={100} value={contact} onChange={(e) => setContact(e.target.value)} /></div>
      <div className="field"><label htmlFor={`o-text-${roundId}`}>{s.text}</label><textarea id={`o-text-${roundId}`} required minLength={5} maxLength={2000} rows={4} value={text} onChange={(e) => setText(e.target.value)} /></div>
      {error && <p role="alert" className="field-error">{error}</p>}
      <button type="submit" className="btn">{s.send}</button>
    </form>
  );
}
