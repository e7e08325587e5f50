import { useState } from 'react';
import { adminApi, ApiError, type UiLang } from '../api.ts';
import { selectionStrings } from './strings.ts';

interface Props {
  lang: UiLang;
  csrfToken: string;
  reviewId: number;
  indicators: { key: string; name: string; nameEn: string; weight: number }[];
  /** Scores the expert does not give (a title round's pre-evaluation points), shown read-only. */
  fixedScores?: Record<string, number>;
}

/** The expert's blind scoring form: one 0–100 score per rubric indicator, the weighted total shown as they type. */
export function ScoreForm({ lang, csrfToken, reviewId, indicators, fixedScores = {} }: Props) {
  const s = selectionStrings(lang).reviews;
  const [scores, setScores] = useState<Record<string, string>>({});
  const [comment, setComment] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const total = indicators.reduce((sum, i) => sum + (i.weight * (fixedScores[i.key] ?? (Number(scores[i.key]) || 0))) / 100, 0);
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!window.confirm(s.confirm)) return;
    setBusy(true);
    setError('');
    try {
      await adminApi('POST', `/reviews/${reviewId}`, csrfToken, { scores: Object.fromEntries(indicators.filter((i) => !(i.key in fixedScores)).map((i) => [i.key, Number(scores[i.key])])), comment });
      location.reload();
    } catch (err) {
      setError(err instanceof ApiError ? err.text(lang) : String(err));
      setBusy(false);
    }
  }
  return (
    <form className="score-form stack" onSubmit={submit}>
      {indicators.map((i) => (
        <div className="field score-row" key={i.key}>
          <label htmlFor={`s-${i.key}`}>
            {lang === 'en' ? i.nameEn : i.name} <small>({i.weight}%)</small>
          </label>
          {i.key in fixedScores ? (
            <output id={`s-${i.key}`}>{fixedScores[i.key]}</output>
          ) : (
            <input id={`s-${i.key}`} name={i.key} type="number" inputMode="decimal" min={0} max={100} step="any" required value={scores[i.key] ?? ''} onChange={(e) => setScores({ ...scores, [i.key]: e.target.value })} />
          )}
        </div>
      ))}
      <div className="field">
        <label htmlFor="comment">{s.comment}</label>
        <textarea id="comment" rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />
      </div>
      <p className="score-total" aria-live="polite">
        {s.total}: <strong>{total.toFixed(2)}</strong>
      </p>
      {error && <p role="alert" className="field-error">{error}</p>}
      <button type="submit" className="btn block" disabled={busy}>{s.submit}</button>
    </form>
  );
}
