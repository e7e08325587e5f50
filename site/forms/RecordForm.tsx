import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError, pickLang, type UiLang } from '../portal/api.ts';
import { Field } from '../portal/Field.tsx';

/** The form's own words (it serves the bureau's workspace and the firm's portal alike). */
const WORDS = {
  zh: {
    none: '—', yes: '是', no: '否', saving: '保存中…', saved: '已保存', figure: '字段', retry: '按所选值重新保存',
    notNumber: '请输入数字', checkFields: '请检查标出的字段后再保存。',
    conflictTitle: '该记录已被他人修改', conflictIntro: '以下字段在您编辑期间被修改。请逐项选择保留的值后再保存。',
    theirs: '当前值（他人保存）', yours: '您的修改', keepTheirs: '保留当前值', keepYours: '使用我的修改',
  },
  en: {
    none: '—', yes: 'Yes', no: 'No', saving: 'Saving…', saved: 'Saved', figure: 'Field', retry: 'Save with the chosen values',
    notNumber: 'Enter a number', checkFields: 'Check the marked fields, then save.',
    conflictTitle: 'Someone else changed this record', conflictIntro: 'These fields changed while you were editing. Choose the value to keep for each, then save.',
    theirs: 'Current value (saved by someone else)', yours: 'Your change', keepTheirs: 'Keep current', keepYours: 'Use mine',
  },
};

/** One editable field of a record form. Values travel as JSON: numbers, booleans, strings or null. */
export interface FieldSpec {
  name: string;
  label: string;
  type: 'text' | 'textarea' | 'number' | 'select' | 'boolean' | 'date';
  options?: { value: string; label: string }[];
  /** Units or a hint shown under the field. */
  hint?: string;
  required?: boolean;
}

type Value = string | number | boolean | null;

interface Conflict {
  currentVersion: number;
  current: Record<string, Value>;
  yours: Record<string, Value>;
}

interface Props {
  lang: UiLang;
  csrfToken: string;
  method: 'POST' | 'PATCH' | 'PUT';
  /** API path under /api. */
  path: string;
  fields: FieldSpec[];
  initial: Record<string, Value>;
  /** The record's version when editing (sent back; a newer one on the server answers 409). */
  version?: number | null;
  submitLabel: string;
  /** Extra JSON sent with every save (e.g. a fixed field). */
  extra?: Record<string, Value>;
  /** Send every filled field, not only the changed ones (a new record pre-filled from an older one). */
  sendAll?: boolean;
}

function toInput(value: Value): string {
  return value === null || value === undefined ? '' : String(value);
}

function fromInput(spec: FieldSpec, raw: string): Value {
  if (spec.type === 'boolean') return raw === '' ? null : raw === 'true';
  if (raw.trim() === '') return null;
  if (spec.type === 'number') return Number(raw.normalize('NFKC').replace(/[,，\s]/g, ''));
  return raw;
}

/**
 * A form for one record that sends only what changed, with the version it started from. When someone else saved
 * in between, the API answers 409 with both values; the form shows them field by field, the person chooses, and
 * the next save is based on the current version — nobody's change is overwritten unseen.
 */
export function RecordForm({ lang, csrfToken, method, path, fields, initial, version, submitLabel, extra, sendAll = false }: Props) {
  const d = WORDS[lang];
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(fields.map((f) => [f.name, toInput(initial[f.name] ?? null)])));
  const [base, setBase] = useState<Record<string, Value>>(initial);
  const [currentVersion, setCurrentVersion] = useState(version ?? null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  // A save reloads the page (every figure and the history change); "已保存" is carried across the reload.
  const savedKey = `record-saved:${method} ${path}`;
  useEffect(() => {
    const said = sessionStorage.getItem(savedKey);
    if (said === null) return;
    sessionStorage.removeItem(savedKey);
    setStatus(said);
  }, [savedKey]);

  const changed = () => {
    const out: Record<string, Value> = {};
    for (const f of fields) {
      const v = fromInput(f, values[f.name] ?? '');
      if (method === 'POST' || (sendAll && v !== null) || JSON.stringify(v) !== JSON.stringify(base[f.name] ?? null)) out[f.name] = v;
    }
    return out;
  };

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    // Text in a number field is the person's mistake to fix, never a value to clear.
    const notNumbers = fields.filter((f) => f.type === 'number' && Number.isNaN(fromInput(f, values[f.name] ?? '')));
    if (notNumbers.length > 0) {
      setErrors(Object.fromEntries(notNumbers.map((f) => [f.name, d.notNumber])));
      setStatus(d.checkFields);
      return;
    }
    const body = { ...changed(), ...extra, ...(currentVersion ? { version: currentVersion } : {}) };
    setBusy(true);
    setErrors({});
    setStatus('');
    try {
      const saved = await api<Record<string, Value> & { version?: number }>(method, path, csrfToken, body);
      setConflict(null);
      sessionStorage.setItem(savedKey, d.saved);
      if (method === 'POST') {
        location.reload();
        return;
      }
      setBase(saved);
      setCurrentVersion(saved.version ?? null);
      setStatus(d.saved);
      location.reload();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict') {
        const details = err.details as Conflict | undefined;
        if (details) setConflict(details);
        setStatus(err.text(lang));
      } else if (err instanceof ApiError) {
        const fieldErrors = Object.fromEntries(Object.entries(err.fieldErrors(lang)).map(([k, v]) => [k, pickLang(v, lang)]));
        setErrors(fieldErrors);
        // With messages under the fields, the line beside the button says where to look instead of repeating a code name.
        setStatus(Object.keys(fieldErrors).some((k) => fields.some((f) => f.name === k)) ? d.checkFields : err.text(lang));
      } else setStatus(String(err));
    } finally {
      setBusy(false);
    }
  }

  function choose(name: string, which: 'theirs' | 'yours') {
    if (!conflict) return;
    const spec = fields.find((f) => f.name === name);
    if (!spec) return;
    const value = which === 'theirs' ? conflict.current[name] ?? null : conflict.yours[name] ?? null;
    setValues((prev) => ({ ...prev, [name]: toInput(value) }));
  }

  function acceptConflict() {
    if (!conflict) return;
    // The next save is based on what is stored now; fields the person did not pick keep their stored value.
    setBase({ ...base, ...conflict.current });
    setCurrentVersion(conflict.currentVersion);
    setConflict(null);
  }

  const label = (name: string) => fields.find((f) => f.name === name)?.label ?? name;
  return (
    <form className="form" onSubmit={submit} noValidate>
      {conflict && (
        <div className="conflict" role="alert">
          <strong>{d.conflictTitle}</strong>
          <p>{d.conflictIntro}</p>
          <table>
            <thead>
              <tr>
                <th scope="col">{d.figure}</th>
                <th scope="col">{d.theirs}</th>
                <th scope="col">{d.yours}</th>
              </tr>
            </thead>
            <tbody>
              {Object.keys(conflict.yours).map((name) => (
                <tr key={name}>
                  <th scope="row">{label(name)}</th>
                  <td>
                    <span data-theirs={name}>{toInput(conflict.current[name] ?? null) || d.none}</span>{' '}
                    <button type="button" className="btn secondary small" onClick={() => choose(name, 'theirs')}>
                      {d.keepTheirs}
                    </button>
                  </td>
                  <td>
                    <span data-yours={name}>{toInput(conflict.yours[name] ?? null) || d.none}</span>{' '}
                    <button type="button" className="btn secondary small" onClick={() => choose(name, 'yours')}>
                      {d.keepYours}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="form-actions">
            <button type="button" className="btn small" onClick={acceptConflict}>
              {d.retry}
            </button>
          </div>
        </div>
      )}
      <div className="form-grid">
        {fields.map((f) => (
          <Field key={f.name} id={`f-${path}-${f.name}`} label={f.label} hint={f.hint} error={errors[f.name]} className={f.type === 'textarea' ? 'span' : ''}>
            {(aria) =>
              f.type === 'select' || f.type === 'boolean' ? (
                <select {...aria} name={f.name} value={values[f.name] ?? ''} onChange={(e) => setValues({ ...values, [f.name]: e.target.value })} required={f.required}>
                  <option value="">{d.none}</option>
                  {(f.type === 'boolean'
                    ? [
                        { value: 'true', label: d.yes },
                        { value: 'false', label: d.no },
                      ]
                    : (f.options ?? [])
                  ).map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              ) : f.type === 'textarea' ? (
                <textarea {...aria} name={f.name} value={values[f.name] ?? ''} onChange={(e) => setValues({ ...values, [f.name]: e.target.value })} />
              ) : (
                <input
                  {...aria}
                  name={f.name}
                  type={f.type === 'date' ? 'date' : 'text'}
                  inputMode={f.type === 'number' ? 'decimal' : undefined}
                  value={values[f.name] ?? ''}
                  required={f.required}
                  onChange={(e) => setValues({ ...values, [f.name]: e.target.value })}
                />
              )
            }
          </Field>
        ))}
      </div>
      <div className="form-actions">
        <button className="btn" type="submit" disabled={busy || Boolean(conflict)}>
          {busy ? d.saving : submitLabel}
        </button>
        <p className="status-line" role="status">
          {status}
        </p>
      </div>
    </form>
  );
}
