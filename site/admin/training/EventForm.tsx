import { useState, type FormEvent } from 'react';
import { adminApi, ApiError, type UiLang } from '../api.ts';
import { Field } from '../../portal/Field.tsx';
import { trainingStrings } from './strings.ts';

interface Option {
  value: string;
  label: string;
}

/** Creates a training event (track, title, courses, dates, place or online) and opens its page. */
export function EventForm({ lang, csrfToken, tracks }: { lang: UiLang; csrfToken: string; tracks: Option[] }) {
  const s = trainingStrings(lang).training;
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const text = (k: string) => String(form.get(k) ?? '');
    setBusy(true);
    setError('');
    try {
      const event = await adminApi<{ id: number }>('POST', '/training/events', csrfToken, {
        track: text('track'),
        title: text('title'),
        courses: text('courses'),
        startsOn: text('startsOn'),
        endsOn: text('endsOn') || text('startsOn'),
        place: text('place'),
        online: form.get('online') === 'on',
      });
      location.assign(`${lang === 'en' ? '/en' : ''}/admin/training/${event.id}`);
    } catch (err) {
      setError(err instanceof ApiError ? err.text(lang) : String(err));
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={submit}>
      <div className="form-grid">
        <Field id="event-track" label={s.fields.track}>
          {(a) => (
            <select {...a} name="track">
              {tracks.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="event-title" label={s.fields.title}>
          {(a) => <input {...a} name="title" required maxLength={120} />}
        </Field>
        <Field id="event-starts" label={s.fields.startsOn}>
          {(a) => <input {...a} name="startsOn" type="date" required />}
        </Field>
        <Field id="event-ends" label={s.fields.endsOn}>
          {(a) => <input {...a} name="endsOn" type="date" />}
        </Field>
        <Field id="event-place" label={s.fields.place}>
          {(a) => <input {...a} name="place" maxLength={200} />}
        </Field>
        <label className="check">
          <input type="checkbox" name="online" /> {s.fields.online}
        </label>
        <Field id="event-courses" label={s.fields.courses}>
          {(a) => <textarea {...a} name="courses" rows={3} maxLength={2000} />}
        </Field>
      </div>
      <button type="submit" className="btn" disabled={busy}>
        {s.createSubmit}
      </button>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </form>
  );
}
