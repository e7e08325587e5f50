import { useState, type FormEvent } from 'react';
import { api, ApiError, firmPath, pickLang, type UiLang } from '../api.ts';
import { Field } from '../Field.tsx';

type Option = { value: string; label: string };

interface Props {
  lang: UiLang;
  csrfToken: string;
  enterpriseId: number;
  actions: Option[];
  items: (Option & { action: string })[];
  urgencies: Option[];
  words: { action: string; item: string; titleField: string; description: string; urgency: string; preferred: string; files: string; filesHint: string; submit: string; sending: string; none: string };
}

/** Uploads one attachment (checked by content on the server) and answers its id. */
async function upload(enterpriseId: number, csrfToken: string, file: File): Promise<number> {
  const form = new FormData();
  form.append('file', file, file.name);
  const res = await fetch(`/api${firmPath(enterpriseId, '/attachments')}`, { method: 'POST', credentials: 'same-origin', headers: { 'X-CSRF-Token': csrfToken }, body: form });
  const data = (await res.json().catch(() => null)) as { id?: number; error?: { code: string; message: string; messageEn: string } } | null;
  if (!res.ok || !data?.id) throw new ApiError(res.status, data?.error?.code ?? 'http_error', `${file.name}：${data?.error?.message ?? res.status}`, `${file.name}: ${data?.error?.messageEn ?? res.status}`, []);
  return data.id;
}

/**
 * The firm's request form (诉求): category, description, urgency, preferred time and attachments (PDF, JPEG, PNG —
 * each uploaded first, then cited by id). The service items offered follow the chosen support action.
 */
export function RequestFileForm({ lang, csrfToken, enterpriseId, actions, items, urgencies, words }: Props) {
  const [action, setAction] = useState(actions[0]?.value ?? '');
  const [item, setItem] = useState('');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [urgency, setUrgency] = useState(urgencies[0]?.value ?? 'normal');
  const [preferred, setPreferred] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setStatus(words.sending);
    try {
      const attachmentIds: number[] = [];
      for (const file of files) attachmentIds.push(await upload(enterpriseId, csrfToken, file));
      await api('POST', firmPath(enterpriseId, '/requests'), csrfToken, { supportAction: action, serviceItem: item || null, title, description, urgency, preferredTime: preferred, attachmentIds });
      location.reload();
    } catch (err) {
      if (err instanceof ApiError) {
        setErrors(Object.fromEntries(Object.entries(err.fieldErrors(lang)).map(([k, v]) => [k, pickLang(v, lang)])));
        setStatus(err.text(lang));
      } else setStatus(String(err));
    } finally {
      setBusy(false);
    }
  }

  const id = (name: string) => `request-${name}`;
  return (
    <form className="form" onSubmit={submit}>
      <Field id={id('action')} label={words.action} error={errors.supportAction}>
        {(aria) => <select {...aria} value={action} required onChange={(e) => (setAction(e.target.value), setItem(''))}>{actions.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}</select>}
      </Field>
      <Field id={id('item')} label={words.item} error={errors.serviceItem}>
        {(aria) => (
          <select {...aria} value={item} onChange={(e) => setItem(e.target.value)}>
            <option value="">{words.none}</option>
            {items.filter((o) => o.action === action).map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
        )}
      </Field>
      <Field id={id('title')} label={words.titleField} error={errors.title}>
        {(aria) => <input {...aria} value={title} required maxLength={80} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <Field id={id('description')} label={words.description} error={errors.description}>
        {(aria) => <textarea {...aria} value={description} required maxLength={5000} rows={4} onChange={(e) => setDescription(e.target.value)} />}
      </Field>
      <Field id={id('urgency')} label={words.urgency}>
        {(aria) => <select {...aria} value={urgency} onChange={(e) => setUrgency(e.target.value)}>{urgencies.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}</select>}
      </Field>
      <Field id={id('preferred')} label={words.preferred} error={errors.preferredTime}>
        {(aria) => <input {...aria} value={preferred} maxLength={100} onChange={(e) => setPreferred(e.target.value)} />}
      </Field>
      <Field id={id('files')} label={words.files} hint={words.filesHint} error={errors.attachmentIds}>
        {(aria) => <input {...aria} type="file" multiple accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" onChange={(e) => setFiles([...(e.target.files ?? [])].slice(0, 10))} />}
      </Field>
      <div className="form-actions">
        <button className="btn" type="submit" disabled={busy}>{words.submit}</button>
        <span role="status">{status}</span>
      </div>
    </form>
  );
}
