import { useState } from 'react';
import { adminApi, ApiError, type UiLang } from '../api.ts';
import { selectionStrings } from './strings.ts';

interface Move {
  to: string;
  label: string;
  needsReason: boolean;
}

interface Props {
  lang: UiLang;
  csrfToken: string;
  applicationId: number;
  version: number;
  moves: Move[];
}

/** The moves the signed-in role may take on an application (from the workflow table), with a reason when required. */
export function TransitionForm({ lang, csrfToken, applicationId, version, moves }: Props) {
  const s = selectionStrings(lang).app;
  const [to, setTo] = useState(moves[0]?.to ?? '');
  const [reason, setReason] = useState('');
  const [documentNo, setDocumentNo] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  if (moves.length === 0) return <p className="muted">{s.noMoves}</p>;
  const move = moves.find((m) => m.to === to);
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      await adminApi('POST', `/applications/${applicationId}/transitions`, csrfToken, { to, reason: reason || null, version, ...(to === 'title_granted' ? { documentNo } : {}) });
      location.reload();
    } catch (err) {
      setError(err instanceof ApiError ? err.text(lang) : String(err));
      setBusy(false);
    }
  }
  return (
    <form className="stack" onSubmit={submit} data-testid="transition-form">
      <fieldset className="moves">
        <legend>{s.moves}</legend>
        {moves.map((m) => (
          <label key={m.to} className="choice">
            <input type="radio" name="to" value={m.to} checked={to === m.to} onChange={() => setTo(m.to)} /> {m.label}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="reason">{s.reason}</label>
        <textarea id="reason" rows={3} value={reason} required={move?.needsReason} onChange={(e) => setReason(e.target.value)} />
      </div>
      {to === 'title_granted' && (
        <div className="field">
          <label htmlFor="documentNo">{s.documentNo}</label>
          <input id="documentNo" value={documentNo} required onChange={(e) => setDocumentNo(e.target.value)} />
        </div>
      )}
      {error && <p role="alert" className="field-error">{error}</p>}
      <button type="submit" className="btn" disabled={busy}>{s.go}</button>
    </form>
  );
}
