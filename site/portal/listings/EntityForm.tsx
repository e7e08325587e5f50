import { useState, type FormEvent } from 'react';
import { ApiError, type UiLang } from '../api.ts';
import { Field } from '../Field.tsx';
import { portalStrings } from '../strings.ts';
import { fieldValue, formBody, type FieldSpec } from './fields.ts';

export interface EntityFormProps {
  lang: UiLang;
  idPrefix: string;
  fields: readonly FieldSpec[];
  labels: Record<string, string>;
  /** Labels of select options by field. */
  optionLabels?: Record<string, Record<string, string>>;
  row: Record<string, unknown> | null;
  submitLabel?: string;
  onSubmit: (body: Record<string, unknown>) => Promise<void>;
  onCancel?: () => void;
}

/** A form over field specs; the API's validation messages appear next to their fields. */
export function EntityForm({ lang, idPrefix, fields, labels, optionLabels = {}, row, submitLabel, onSubmit, onCancel }: EntityFormProps) {
  const s = portalStrings(lang);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setSaved(false);
    try {
      await onSubmit(formBody(fields, new FormData(e.currentTarget)));
      setErrors({});
      setSaved(true);
    } catch (err) {
      setErrors(err instanceof ApiError ? { form: err.text(lang), ...err.fieldErrors(lang) } : { form: String(err) });
    } finally {
      setBusy(false);
    }
  }

  // The price is sent as `price` but a too-large value may come back as `priceFen`.
  const errorOf = (name: string) => errors[name] ?? (name === 'price' ? errors.priceFen : undefined);
  return (
    <form className="form" onSubmit={submit} noValidate>
      {errors.form && (
        <p className="alert error" role="alert">
          {errors.form}
        </p>
      )}
      <div className="form-grid">
        {fields.map((spec) => {
          const id = `${idPrefix}-${spec.name}`;
          const value = fieldValue(spec, row);
          const note = spec.required ? s.common.required : spec.english ? s.common.optional : undefined;
          return (
            <Field key={spec.name} id={id} label={labels[spec.name] ?? spec.name} note={note} error={errorOf(spec.name)} className={spec.wide ? 'span' : ''}>
              {(a) =>
                spec.type === 'textarea' || spec.type === 'specs' ? (
                  <textarea {...a} name={spec.name} defaultValue={value} maxLength={spec.max} rows={spec.type === 'specs' ? 4 : 3} lang={spec.english ? 'en' : undefined} />
                ) : spec.type === 'select' ? (
                  <select {...a} name={spec.name} defaultValue={value}>
                    {spec.options!.map((o) => (
                      <option key={o} value={o}>
                        {optionLabels[spec.name]?.[o] ?? o}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input
                    {...a}
                    name={spec.name}
                    defaultValue={value}
                    maxLength={spec.max}
                    lang={spec.english ? 'en' : undefined}
                    type={spec.type === 'number' || spec.type === 'nullableNumber' ? 'number' : spec.type === 'text' ? 'text' : spec.type}
                    inputMode={spec.type === 'number' || spec.type === 'nullableNumber' ? 'decimal' : undefined}
                    step={spec.type === 'number' || spec.type === 'nullableNumber' ? 'any' : undefined}
                    min={spec.type === 'number' || spec.type === 'nullableNumber' ? 0 : undefined}
                  />
                )
              }
            </Field>
          );
        })}
      </div>
      <div className="form-actions">
        <button className="btn" type="submit" disabled={busy}>
          {busy ? s.common.saving : (submitLabel ?? s.common.save)}
        </button>
        {onCancel && (
          <button className="btn secondary" type="button" onClick={onCancel}>
            {s.common.cancel}
          </button>
        )}
        {saved && <span role="status" className="muted-s">{s.common.saved}</span>}
      </div>
    </form>
  );
}
