import { useState } from 'react';
import { api, ApiError, type UiLang } from '../api.ts';
import { selectionStrings } from '../../admin/selection/strings.ts';

type Data = Record<string, string | number | null>;

interface Props {
  lang: UiLang;
  csrfToken: string;
  enterpriseId: number;
  roundId: number;
  /** The register's values: the firm confirms or corrects them. */
  initial: Data;
  attachments: { id: number; name: string }[];
}

const NUMBERS = new Set(['revenue', 'employees', 'rdSpend']);
const FIELDS = ['name', 'contactName', 'contactPhone', 'contactEmail', 'mainProduct', 'revenue', 'employees', 'rdSpend', 'statement'] as const;

/** The firm's application, pre-filled from the register, with its own documents and the free-of-charge notice. */
export function ApplyForm({ lang, csrfToken, enterpriseId, roundId, initial, attachments }: Props) {
  const s = selectionStrings(lang);
  const [data, setData] = useState<Record<string, string>>(Object.fromEntries(FIELDS.map((f) => [f, initial[f] === null || initial[f] === undefined ? '' : String(initial[f])])));
  const [docs, setDocs] = useState<number[]>([]);
  const [files, setFiles] = useState(attachments);
  const [uploading, setUploading] = useState(false);
  async function upload(e: React.ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return;
    setUploading(true);
    setError('');
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      const res = await fetch(`/api/portal/enterprises/${enterpriseId}/attachments`, { method: 'POST', credentials: 'same-origin', headers: { 'X-CSRF-Token': csrfToken }, body: form });
      const body = (await res.json()) as { id: number; name: string; error?: { message: string; messageEn: string } };
      if (!res.ok) throw new Error(lang === 'en' ? body.error?.messageEn : body.error?.message);
      setFiles([...files, { id: body.id, name: body.name }]);
      setDocs([...docs, body.id]);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setUploading(false);
      e.target.value = '';
    }
  }
  const [free, setFree] = useState(false);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError('');
    const body = Object.fromEntries(FIELDS.map((f) => [f, NUMBERS.has(f) ? (data[f] === '' ? null : Number(data[f])) : f === 'contactPhone' || f === 'contactEmail' ? data[f] || null : data[f]]));
    try {
      await api('POST', `/portal/enterprises/${enterpriseId}/selection/rounds/${roundId}/applications`, csrfToken, { data: body, attachmentIds: docs, freeNoticeConfirmed: free });
      location.reload();
    } catch (err) {
      setError(err instanceof ApiError ? err.text(lang) : String(err));
      setBusy(false);
    }
  }
  return (
    <form className="stack" onSubmit={submit} data-testid="apply-form">
      {FIELDS.map((f) => (
        <div className="field" key={f}>
          <label htmlFor={`a-${roundId}-${f}`}>{s.fields[f]}</label>
          {f === 'statement' ? (
            <textarea id={`a-${roundId}-${f}`} rows={4} value={data[f]} onChange={(e) => setData({ ...data, [f]: e.target.value })} />
          ) : (
            <input id={`a-${roundId}-${f}`} type={NUMBERS.has(f) ? 'number' : 'text'} step="any" value={data[f]} onChange={(e) => setData({ ...data, [f]: e.target.value })} />
          )}
        </div>
      ))}
      <fieldset>
        <legend>{s.portal.attachments}</legend>
        {files.map((a) => (
            <label key={a.id} className="choice">
              <input type="checkbox" checked={docs.includes(a.id)} onChange={(e) => setDocs(e.target.checked ? [...docs, a.id] : docs.filter((d) => d !== a.id))} /> {a.name}
            </label>
          ))}
        <div className="field">
          <label htmlFor={`up-${roundId}`}>{s.portal.upload}</label>
          <input id={`up-${roundId}`} type="file" accept="application/pdf,image/jpeg,image/png" disabled={uploading} onChange={upload} />
        </div>
      </fieldset>
      <p className="alert ok" role="note">{s.portal.free}</p>
      <div className="field consent">
        <input id={`free-${roundId}`} type="checkbox" checked={free} required onChange={(e) => setFree(e.target.checked)} />
        <label htmlFor={`free-${roundId}`}>{s.portal.confirmFree}</label>
      </div>
      {error && <p role="alert" className="field-error">{error}</p>}
      <button type="submit" className="btn" disabled={busy}>{s.portal.submit}</button>
    </form>
  );
}
