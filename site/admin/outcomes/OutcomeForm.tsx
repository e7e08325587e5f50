import { useState, type FormEvent } from 'react';
import { adminApi, adminUpload, ApiError, type UiLang } from '../api.ts';
import { Field } from '../../portal/Field.tsx';
import { FirmPicker } from '../FirmPicker.tsx';
import { outcomeStrings } from './strings.ts';

interface Option {
  value: string;
  label: string;
}

/**
 * Records a service outcome (POST /api/admin/outcomes, evidence uploaded first as the firm's attachments); the list
 * reloads, the outcome marked unverified. The firm is the dossier's (`enterpriseId`) or chosen by name or credit
 * code (FirmPicker). `source` pre-fills what produced it, e.g. the request whose page linked here.
 */
export function OutcomeForm({ lang, csrfToken, types, sources, enterpriseId, source }: { lang: UiLang; csrfToken: string; types: Option[]; sources: Option[]; enterpriseId?: number; source?: { kind: string; id: number } }) {
  const s = outcomeStrings(lang);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const text = (k: string) => String(form.get(k) ?? '').trim();
    const id = (k: string) => (text(k) ? Number(text(k)) : null);
    if (!text('enterpriseId')) {
      setError(s.chooseFirm);
      return;
    }
    setBusy(true);
    setError('');
    try {
      // Evidence first: each file becomes an attachment of the firm (checked by content), then the outcome names them.
      const attachmentIds: number[] = [];
      for (const file of form.getAll('evidence')) {
        if (!(file instanceof File) || file.size === 0) continue;
        const upload = new FormData();
        upload.append('file', file, file.name);
        const saved = await adminUpload<{ id: number }>(`/enterprises/${Number(text('enterpriseId'))}/attachments`, csrfToken, upload, () => undefined, () => undefined);
        attachmentIds.push(saved.id);
      }
      await adminApi('POST', '/outcomes', csrfToken, {
        attachmentIds,
        enterpriseId: Number(text('enterpriseId')),
        type: text('type'),
        value: Number(text('value')),
        achievedOn: text('achievedOn'),
        description: text('description'),
        sourceKind: text('sourceKind') || null,
        sourceId: text('sourceKind') ? id('sourceId') : null,
        leadId: id('leadId'),
      });
      // Reload the list; drop a request page's pre-fill (?outcomeSource=…) so the form does not open pre-filled again.
      if (new URLSearchParams(location.search).has('outcomeSource')) location.replace(location.pathname);
      else location.reload();
    } catch (err) {
      setError(err instanceof ApiError ? err.text(lang) : String(err));
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={submit}>
      <div className="form-grid">
        {enterpriseId ? (
          <input type="hidden" name="enterpriseId" value={enterpriseId} />
        ) : (
          <Field id="outcome-firm" label={s.fields.enterpriseId}>
            {(a) => <FirmPicker name="enterpriseId" lang={lang} csrfToken={csrfToken} aria={a} required />}
          </Field>
        )}
        <Field id="outcome-type" label={s.fields.type}>
          {(a) => (
            <select {...a} name="type">
              {types.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="outcome-value" label={s.fields.value}>
          {(a) => <input {...a} name="value" type="number" min={0} step="any" required />}
        </Field>
        <Field id="outcome-date" label={s.fields.achievedOn}>
          {(a) => <input {...a} name="achievedOn" type="date" required />}
        </Field>
        <Field id="outcome-source" label={s.fields.sourceKind}>
          {(a) => (
            <select {...a} name="sourceKind" defaultValue={source?.kind ?? ''}>
              <option value="">{s.noSource}</option>
              {sources.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="outcome-source-id" label={s.fields.sourceId}>
          {(a) => <input {...a} name="sourceId" type="number" min={1} defaultValue={source?.id} />}
        </Field>
        <Field id="outcome-lead" label={s.fields.leadId}>
          {(a) => <input {...a} name="leadId" type="number" min={1} />}
        </Field>
        <Field id="outcome-evidence" label={s.fields.evidence}>
          {(a) => <input {...a} name="evidence" type="file" multiple accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" />}
        </Field>
        <Field id="outcome-description" label={s.fields.description}>
          {(a) => <textarea {...a} name="description" rows={2} maxLength={2000} />}
        </Field>
      </div>
      <button type="submit" className="btn" disabled={busy}>
        {s.submit}
      </button>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </form>
  );
}
