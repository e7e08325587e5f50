import { useState, type FormEvent } from 'react';
import { adminApi, ApiError, type UiLang } from '../api.ts';
import { pickLang } from '../../portal/api.ts';
import { Field } from '../../portal/Field.tsx';

type Option = { value: string; label: string };

interface Props {
  lang: UiLang;
  csrfToken: string;
  firms: (Option & { requests: Option[] })[];
  initialFirm: string | null;
  initialRequest: string | null;
  today: string;
  words: {
    firm: string; request: string; status: string; done: string; planned: string; date: string; duration: string; durationInvalid: string; diagnosis: string; actions: string; followUp: string;
    photos: string; photosHint: string; submit: string; saving: string; none: string; warning: string; ok: string;
  };
}

interface Warning {
  date: string;
  status: string;
  teamName: string | null;
}

/**
 * The expert's visit log, made for a phone: firm (only firms that asked or agreed), its open request, done or planned,
 * date, duration, diagnosis, actions agreed, follow-up date and photos or PDFs (uploaded first as the firm's
 * attachments, then cited). When another team visited or plans to visit the firm within two weeks, the answer's
 * warnings are shown before the page reloads.
 */
export function VisitLogForm({ lang, csrfToken, firms, initialFirm, initialRequest, today, words }: Props) {
  const [firm, setFirm] = useState(initialFirm ?? firms[0]?.value ?? '');
  const [request, setRequest] = useState(initialRequest ?? '');
  const [status, setStatus] = useState('done');
  const [date, setDate] = useState(today);
  const [duration, setDuration] = useState('');
  const [diagnosis, setDiagnosis] = useState('');
  const [actions, setActions] = useState('');
  const [followUp, setFollowUp] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const [warnings, setWarnings] = useState<Warning[] | null>(null);
  const [busy, setBusy] = useState(false);
  const requests = firms.find((f) => f.value === firm)?.requests ?? [];

  async function submit(e: FormEvent) {
    e.preventDefault();
    // Minutes are a whole number or nothing: text typed into the field is said here, before any photo is uploaded.
    const minutesText = duration.trim().normalize('NFKC');
    if (minutesText !== '' && !/^\d+$/.test(minutesText)) {
      setErrors({ durationMinutes: words.durationInvalid });
      return;
    }
    setBusy(true);
    setErrors({});
    setMessage(words.saving);
    try {
      const attachmentIds: number[] = [];
      for (const file of files) {
        const form = new FormData();
        form.append('file', file, file.name);
        const res = await fetch(`/api/admin/enterprises/${firm}/attachments`, { method: 'POST', credentials: 'same-origin', headers: { 'X-CSRF-Token': csrfToken }, body: form });
        const data = (await res.json().catch(() => null)) as { id?: number; error?: { code: string; message: string; messageEn: string } } | null;
        if (!res.ok || !data?.id) throw new ApiError(res.status, data?.error?.code ?? 'http_error', `${file.name}：${data?.error?.message ?? res.status}`, `${file.name}: ${data?.error?.messageEn ?? res.status}`, []);
        attachmentIds.push(data.id);
      }
      const minutes = duration.trim() === '' ? null : Number(duration.normalize('NFKC'));
      const saved = await adminApi<{ warnings: Warning[] }>('POST', '/visits', csrfToken, {
        enterpriseId: Number(firm),
        requestId: request ? Number(request) : null,
        status,
        date,
        durationMinutes: minutes,
        diagnosis,
        actionsAgreed: actions,
        followUpDue: followUp || null,
        attachmentIds,
      });
      if (saved.warnings.length === 0) {
        location.reload();
        return;
      }
      setWarnings(saved.warnings);
      setMessage('');
    } catch (err) {
      if (err instanceof ApiError) {
        setErrors(Object.fromEntries(Object.entries(err.fieldErrors(lang)).map(([k, v]) => [k, pickLang(v, lang)])));
        setMessage(err.text(lang));
      } else setMessage(String(err));
    } finally {
      setBusy(false);
    }
  }

  if (warnings) {
    return (
      <div className="alert" role="alert">
        <p>{words.warning}</p>
        <ul>{warnings.map((w, i) => <li key={i}>{w.date} · {w.teamName ?? '—'} · {w.status === 'done' ? words.done : words.planned}</li>)}</ul>
        <button className="btn" type="button" onClick={() => location.reload()}>{words.ok}</button>
      </div>
    );
  }
  const id = (name: string) => `visit-${name}`;
  return (
    <form className="form" onSubmit={submit}>
      <Field id={id('firm')} label={words.firm} error={errors.enterpriseId}>
        {(aria) => <select {...aria} value={firm} required onChange={(e) => (setFirm(e.target.value), setRequest(''))}>{firms.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}</select>}
      </Field>
      <Field id={id('request')} label={words.request} error={errors.requestId}>
        {(aria) => (
          <select {...aria} value={request} onChange={(e) => setRequest(e.target.value)}>
            <option value="">{words.none}</option>
            {requests.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
        )}
      </Field>
      <Field id={id('status')} label={words.status}>
        {(aria) => <select {...aria} value={status} onChange={(e) => setStatus(e.target.value)}><option value="done">{words.done}</option><option value="planned">{words.planned}</option></select>}
      </Field>
      <Field id={id('date')} label={words.date} error={errors.date}>
        {(aria) => <input {...aria} type="date" required value={date} onChange={(e) => setDate(e.target.value)} />}
      </Field>
      <Field id={id('duration')} label={words.duration} error={errors.durationMinutes}>
        {(aria) => <input {...aria} inputMode="numeric" value={duration} onChange={(e) => setDuration(e.target.value)} />}
      </Field>
      <Field id={id('diagnosis')} label={words.diagnosis} error={errors.diagnosis}>
        {(aria) => <textarea {...aria} rows={4} maxLength={5000} value={diagnosis} onChange={(e) => setDiagnosis(e.target.value)} />}
      </Field>
      <Field id={id('actions')} label={words.actions} error={errors.actionsAgreed}>
        {(aria) => <textarea {...aria} rows={3} maxLength={5000} value={actions} onChange={(e) => setActions(e.target.value)} />}
      </Field>
      <Field id={id('follow-up')} label={words.followUp} error={errors.followUpDue}>
        {(aria) => <input {...aria} type="date" value={followUp} onChange={(e) => setFollowUp(e.target.value)} />}
      </Field>
      <Field id={id('photos')} label={words.photos} hint={words.photosHint} error={errors.attachmentIds}>
        {(aria) => <input {...aria} type="file" multiple accept="image/jpeg,image/png,application/pdf" capture="environment" onChange={(e) => setFiles([...(e.target.files ?? [])].slice(0, 20))} />}
      </Field>
      <div className="form-actions">
        <button className="btn" type="submit" disabled={busy}>{words.submit}</button>
        <span role="status">{message}</span>
      </div>
    </form>
  );
}
