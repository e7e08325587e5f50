import { useState } from 'react';
import { adminApi, ApiError, type UiLang } from '../api.ts';

interface Props {
  lang: UiLang;
  csrfToken: string;
  roundId: number;
  /** The register's saved views the user may use: name and query string. */
  views: { id: number; name: string; query: string }[];
}

const T = {
  zh: { title: '从企业库提名', view: '已保存的视图（候选名单）', query: '或企业库筛选条件（地址栏 ? 之后的部分）', go: '提名全部匹配企业', done: (c: number, s: number) => `已提名 ${c} 家，${s} 家已在本轮中。` },
  en: { title: 'Nominate from the register', view: 'Saved view (candidate list)', query: 'or a register filter (the part after ? in the address)', go: 'Nominate every match', done: (c: number, s: number) => `${c} nominated, ${s} already in this round.` },
};

/** Nominates every firm a saved register view (or filter) matches, within the officer's area. */
export function NominateForm({ lang, csrfToken, roundId, views }: Props) {
  const t = T[lang];
  const [query, setQuery] = useState(views[0]?.query ?? '');
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setError('');
    try {
      const r = await adminApi<{ created: number; skipped: number }>('POST', `/rounds/${roundId}/nominations`, csrfToken, { query });
      setMessage(t.done(r.created, r.skipped));
    } catch (err) {
      setError(err instanceof ApiError ? err.text(lang) : String(err));
    }
  }
  return (
    <form className="stack" onSubmit={submit}>
      {views.length > 0 && (
        <div className="field">
          <label htmlFor="n-view">{t.view}</label>
          <select id="n-view" onChange={(e) => setQuery(e.target.value)}>
            {views.map((v) => <option key={v.id} value={v.query}>{v.name}</option>)}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor="n-query">{t.query}</label>
        <input id="n-query" value={query} onChange={(e) => setQuery(e.target.value)} />
      </div>
      {message && <p className="alert ok" role="status">{message}</p>}
      {error && <p role="alert" className="field-error">{error}</p>}
      <button type="submit" className="btn small">{t.go}</button>
    </form>
  );
}
