import { useState } from 'react';
import { adminApi, ApiError, type UiLang } from '../api.ts';

type Sections = { highlights: string; cases: string; problems: string; nextSteps: string };

interface Props {
  lang: UiLang;
  csrfToken: string;
  year: number;
  kind: 'annual' | 'overall';
  sections: Sections;
  version: number;
  /** May publish (bureau and administrators); county officers only read. */
  canWrite: boolean;
  labels: Record<keyof Sections | 'save' | 'saved' | 'publish' | 'note', string>;
  publishedLabel: string;
}

/** The bureau's written sections of a report (saved as a draft with a version check) and the publish button. */
export function ReportDraftForm({ lang, csrfToken, year, kind, sections: initial, version: initialVersion, canWrite, labels, publishedLabel }: Props) {
  const [sections, setSections] = useState(initial);
  const [version, setVersion] = useState(initialVersion);
  const [note, setNote] = useState('');
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function save(): Promise<boolean> {
    const res = await adminApi<{ version: number }>('PUT', `/reports/${year}/draft`, csrfToken, { kind, version, sections });
    setVersion(res.version);
    return true;
  }
  async function run(action: 'save' | 'publish') {
    setBusy(true);
    setError('');
    setStatus('');
    try {
      await save();
      if (action === 'publish') {
        const res = await adminApi<{ version: number }>('POST', `/reports/${year}/publish`, csrfToken, { kind, note });
        setStatus(publishedLabel.replace('{v}', String(res.version)));
        location.reload();
      } else setStatus(labels.saved);
    } catch (e) {
      setError(e instanceof ApiError ? e.text(lang) : String(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="report-draft" onSubmit={(e) => { e.preventDefault(); void run('save'); }}>
      {(['highlights', 'cases', 'problems', 'nextSteps'] as const).map((key) => (
        <label key={key} className="field">
          <span>{labels[key]}</span>
          <textarea name={key} rows={4} value={sections[key]} readOnly={!canWrite} onChange={(e) => setSections({ ...sections, [key]: e.target.value })} />
        </label>
      ))}
      {canWrite && (
        <>
          <div className="actions">
            <button type="submit" className="btn secondary" disabled={busy}>{labels.save}</button>
          </div>
          <label className="field">
            <span>{labels.note}</span>
            <input name="note" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
          </label>
          <div className="actions">
            <button type="button" className="btn" disabled={busy} onClick={() => void run('publish')}>{labels.publish}</button>
          </div>
        </>
      )}
      <p role="status">{status}</p>
      {error && <p role="alert" className="field-error">{error}</p>}
    </form>
  );
}
