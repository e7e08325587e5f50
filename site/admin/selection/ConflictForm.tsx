import { useState } from 'react';
import { adminApi, ApiError, type UiLang } from '../api.ts';

interface Props {
  lang: UiLang;
  csrfToken: string;
  enterpriseId: number;
  reviewers: { id: number; name: string; title: string }[];
}

const T = {
  zh: { expert: '专家', reason: '回避理由', declare: '登记回避', hint: '登记后，该专家不会被抽取评审本企业（其所在服务团服务的企业已自动回避）。' },
  en: { expert: 'Expert', reason: 'Reason', declare: 'Declare the conflict', hint: 'The expert will never be drawn for this firm (experts of the team serving it are excluded already).' },
};

/** Declares an expert's conflict of interest with this firm: the draw then never picks that expert for it. */
export function ConflictForm({ lang, csrfToken, enterpriseId, reviewers }: Props) {
  const t = T[lang];
  const [expertId, setExpertId] = useState(String(reviewers[0]?.id ?? ''));
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setError('');
    try {
      await adminApi('POST', '/conflicts', csrfToken, { expertId: Number(expertId), enterpriseId, reason });
      location.reload();
    } catch (err) {
      setError(err instanceof ApiError ? err.text(lang) : String(err));
    }
  }
  return (
    <form className="stack" onSubmit={submit}>
      <p className="muted">{t.hint}</p>
      <div className="field">
        <label htmlFor="c-expert">{t.expert}</label>
        <select id="c-expert" value={expertId} onChange={(e) => setExpertId(e.target.value)}>
          {reviewers.map((r) => <option key={r.id} value={r.id}>{r.name}{r.title ? ` · ${r.title}` : ''}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="c-reason">{t.reason}</label>
        <input id="c-reason" required minLength={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      {error && <p role="alert" className="field-error">{error}</p>}
      <button type="submit" className="btn small secondary">{t.declare}</button>
    </form>
  );
}
